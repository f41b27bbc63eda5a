using DicomSpecGen.Protocol;
namespace DicomSpecGen.Protocol.Wire;

/// <summary>Received bytes break a rule of the PDU tables. Names the field, the rule, and the A-ABORT reason
/// (PS3.8 Table 9-26) the upper layer answers with.</summary>
public sealed class PduFormatException : Exception
{
    public PduFormatException(SpecField field, string rule, AbortReason abortReason)
        : base($"{field}: {rule} → A-ABORT {abortReason.Meaning()} ({abortReason.Citation()})")
    {
        Field = field;
        Rule = rule;
        AbortReason = abortReason;
    }

    /// <summary>The field whose rule was broken.</summary>
    public SpecField Field { get; }

    /// <summary>The rule, in words.</summary>
    public string Rule { get; }

    /// <summary>The reason to send in the A-ABORT PDU.</summary>
    public AbortReason AbortReason { get; }
}
