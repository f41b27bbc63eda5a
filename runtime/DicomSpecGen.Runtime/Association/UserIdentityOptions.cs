using DicomSpecGen.Protocol;

namespace DicomSpecGen.Association;

/// <summary>User identity negotiation (sub-item 0x58): the type, the primary field (e.g. user name), the
/// secondary field (e.g. passcode) and whether a positive response is requested.</summary>
/// <remarks>PS3.7 D.3.3.7</remarks>
public sealed record UserIdentityOptions(UserIdentityType Type, string Primary, string? Secondary = null, bool PositiveResponseRequested = false);
