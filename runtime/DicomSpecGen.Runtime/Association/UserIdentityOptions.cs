using DicomSpecGen.Protocol;

namespace DicomSpecGen.Association;

/// <summary>User identity negotiation (sub-item 0x58): the type, the primary field (e.g. user name), the
/// secondary field (e.g. passcode) and whether a positive response is requested.</summary>
/// <remarks>PS3.7 D.3.3.7</remarks>
public sealed record UserIdentityOptions(UserIdentityType Type, string Primary, string? Secondary = null, bool PositiveResponseRequested = false)
{
    /// <summary>The primary field's bytes when they are not text (a Kerberos service ticket); sent instead of
    /// <see cref="Primary"/>'s UTF-8 when set.</summary>
    public ReadOnlyMemory<byte>? PrimaryBytes { get; init; }

    /// <summary>An identity whose primary field is given as bytes (e.g. read from a Kerberos ticket, SAML or JWT file).</summary>
    public static UserIdentityOptions FromBytes(UserIdentityType type, ReadOnlyMemory<byte> primary, bool positiveResponseRequested = false)
        => new(type, System.Text.Encoding.UTF8.GetString(primary.Span), null, positiveResponseRequested) { PrimaryBytes = primary };
}
