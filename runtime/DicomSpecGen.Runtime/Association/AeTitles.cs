using DicomSpecGen.Protocol;
using DicomSpecGen.Protocol.Wire;

namespace DicomSpecGen.Association;

/// <summary>What an AE title may be, checked wherever one is taken (options, configuration, command line), so that a
/// title we could never send, or never be called by, fails where it is given instead of on the wire.</summary>
public static class AeTitles
{
    /// <summary>Why <paramref name="ae"/> is not an AE title, or null: 1 to 16 significant characters (leading and
    /// trailing spaces are not; PS3.8 Table 9-11, where sixteen spaces shall not be used) of the default character
    /// repertoire without backslash and control characters (PS3.5 Table 6.2-1, AE).</summary>
    public static string? Problem(string? ae)
    {
        var trimmed = ae?.Trim(' ') ?? "";
        if (trimmed.Length == 0)
            return $"is empty or all spaces (an AE title has 1 to {AAssociateRq.CalledAeTitleSize} significant characters, PS3.5 Table 6.2-1; PS3.8 Table 9-11)";
        if (trimmed.Length > AAssociateRq.CalledAeTitleSize)
            return $"has {trimmed.Length} characters; an AE title has at most {AAssociateRq.CalledAeTitleSize} (PS3.5 Table 6.2-1)";
        if (WireRead.InvalidAeCharacter(trimmed) is { } c)
            return $"has character U+{(int)c:X4}, {WireRead.AeRepertoire}";
        return null;
    }
}
