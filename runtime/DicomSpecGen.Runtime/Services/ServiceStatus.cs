using DicomSpecGen.Dimse;

namespace DicomSpecGen.Services;

/// <summary>The service-specific status codes this stack sends, by the meaning PS3.4 gives them. The general
/// ones are in the generated <see cref="DimseStatus"/>; each code here is checked against the generated status
/// table (spec/part07/statuses.yaml) by a test, so a wrong value cannot pass.</summary>
public static class ServiceStatus
{
    /// <summary>C-FIND: matches are continuing, current match supplied (PS3.4 Table C.4-1, FF00); also
    /// C-MOVE/C-GET: sub-operations are continuing (Tables C.4-2, C.4-3).</summary>
    public const ushort Pending = 0xFF00;

    /// <summary>C-FIND/C-MOVE/C-GET: Unable to process (PS3.4 Table C.4-1, C000-CFFF).</summary>
    public const ushort UnableToProcess = 0xC000;

    /// <summary>C-FIND/C-MOVE/C-GET: Identifier does not match SOP class (PS3.4 Table C.4-1, A900).</summary>
    public const ushort IdentifierDoesNotMatchSopClass = 0xA900;

    /// <summary>C-MOVE: Move destination unknown (PS3.4 Table C.4-2, A801).</summary>
    public const ushort MoveDestinationUnknown = 0xA801;

    /// <summary>C-MOVE/C-GET: Refused: out of resources, unable to perform sub-operations (PS3.4 Table C.4-2, A702).</summary>
    public const ushort UnableToPerformSubOperations = 0xA702;

    /// <summary>C-MOVE/C-GET: Sub-operations complete, one or more failures (PS3.4 Table C.4-2, B000).</summary>
    public const ushort SubOperationsFailed = 0xB000;

    /// <summary>C-STORE: Cannot understand (PS3.4 Table B.2-1, C000-CFFF).</summary>
    public const ushort StorageCannotUnderstand = 0xC000;

    /// <summary>C-STORE: Refused: out of resources (PS3.4 Table B.2-1, A700-A7FF).</summary>
    public const ushort StorageOutOfResources = 0xA700;

    /// <summary>Describes a status for a service with the meaning and citation from the generated table.</summary>
    public static string Describe(DimseService service, ushort status)
        => DimseStatus.TryLookup(service, status, out var info)
            ? $"0x{status:X4} {info.Meaning} ({info.Class}; {info.Source})"
            : $"0x{status:X4} ({DimseStatus.ClassOf(status)})";
}
