namespace DicomSpecGen.Traceability;

/// <summary>Declares which spec rows a test exercises, for the traceability report (<c>dsgtool trace</c>).
/// The value is a table ("PS3.8 Table 9-11": every row citing that table) or one row's exact citation
/// ("PS3.8 Table 9-21, Reason 7 (Source 1)"). The report checks that each value names an existing row.</summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class SpecRowAttribute : Attribute
{
    public SpecRowAttribute(string citation) => Citation = citation;

    /// <summary>A table or a row citation, without the edition.</summary>
    public string Citation { get; }
}
