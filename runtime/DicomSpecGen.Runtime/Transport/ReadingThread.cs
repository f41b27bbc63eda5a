namespace DicomSpecGen.Transport;

/// <summary>Whether the current thread is an association's own reading thread handing on a P-DATA-TF it read, with
/// nothing more from the peer received behind it (neither in the read buffer nor in the socket's). Blocking that thread
/// then delays no other PDU of the association (the peer is waiting for an answer), so work that would otherwise be
/// handed to another thread and back (a durable store's one fdatasync) can run here, saving two thread wake-ups.</summary>
internal static class ReadingThread
{
    [ThreadStatic] private static PduConnection? t_delivering;

    /// <summary>True only on a reading thread, inside <see cref="Delivering"/>, when nothing more was received.</summary>
    public static bool MayBlock => t_delivering is { } connection && connection.NothingMoreReceived;

    /// <summary>Marks the current thread as delivering what it read from <paramref name="connection"/> until disposed.</summary>
    public static Scope Delivering(PduConnection connection)
    {
        t_delivering = connection;
        return default;
    }

    public readonly struct Scope : IDisposable
    {
        public void Dispose() => t_delivering = null;
    }
}
