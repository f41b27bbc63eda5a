namespace DicomSpecGen.Association;

/// <summary>Maximum number of operations invoked and performed asynchronously, as proposed or negotiated (the values
/// of the generated <see cref="Protocol.AsynchronousOperationsWindow"/> sub-item); 1/1 is the default (synchronous)
/// mode, 0 means unlimited. Both numbers are seen from the association-requester: <see cref="Invoked"/> is how many
/// outstanding operations the requester may invoke (the acceptor performs them), <see cref="Performed"/> how many the
/// requester may perform (the acceptor invokes them).</summary>
/// <remarks>PS3.7 D.3.3.3</remarks>
public sealed record AsyncOperationLimits(ushort Invoked, ushort Performed)
{
    /// <summary>The synchronous mode, also what an absent sub-item means (PS3.7 D.3.3.3).</summary>
    public static AsyncOperationLimits Synchronous { get; } = new(1, 1);

    /// <summary>The acceptor's answer to <paramref name="proposed"/> when it can take <paramref name="configured"/>:
    /// each number no larger than proposed (0 = unlimited on either side).</summary>
    /// <remarks>PS3.7 D.3.3.3: the answer "shall be equal or less than" what the requester offers; to an offer of zero
    /// the acceptor may answer zero or negotiate down with a non-zero value.</remarks>
    public static AsyncOperationLimits Answer(AsyncOperationLimits proposed, AsyncOperationLimits configured)
        => new(Down(proposed.Invoked, configured.Invoked), Down(proposed.Performed, configured.Performed));

    private static ushort Down(ushort offered, ushort allowed)
        => offered == 0 ? allowed : allowed == 0 ? offered : Math.Min(offered, allowed);

    /// <summary>How many requests from the peer this side performs at once, and how many it may have outstanding towards
    /// the peer (null: unlimited).</summary>
    /// <remarks>PS3.7 D.3.3.3: the requester invokes <see cref="Invoked"/>, the acceptor invokes <see cref="Performed"/>.</remarks>
    public (int? Perform, int? Invoke) ForSide(bool requestor)
    {
        int? Limit(ushort n) => n == 0 ? null : n;
        return requestor ? (Limit(Performed), Limit(Invoked)) : (Limit(Invoked), Limit(Performed));
    }
}
