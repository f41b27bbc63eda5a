namespace DicomSpecGen.Dimse;

/// <summary>Text of a status for logs and the CLI; the codes and meanings are the generated table's.</summary>
public static partial class DimseStatus
{
    /// <summary>Describes a status for a service with the meaning and citation from the generated table: the
    /// service's own row, else the General one every service falls back to, else only the class.</summary>
    /// <remarks>PS3.7 Annex C; PS3.4 service class status tables (spec/part07/statuses.yaml)</remarks>
    public static string Describe(DimseService service, ushort status)
        => Lookup(service, status) is { Meaning: { } meaning } info
            ? $"0x{status:X4} {meaning} ({info.Class}; {info.Source})"
            : $"0x{status:X4} ({ClassOf(status)})";
}
