namespace DicomSpecGen.Dimse;

/// <summary>Which rule of PS3.8 Annex E a received PDV broke.</summary>
public enum DimseReassemblyError
{
    /// <summary>A data fragment arrived while no command set was complete, or for a message without a data set.</summary>
    DataBeforeCommand,
    /// <summary>A command fragment arrived after the command set's last fragment (fragments of messages interleaved).</summary>
    CommandAfterLastFragment,
    /// <summary>A fragment used another presentation context than the message's first fragment.</summary>
    PresentationContextChanged,
    /// <summary>A fragment has an odd number of bytes.</summary>
    OddFragmentLength,
    /// <summary>The command set grew beyond the configured limit.</summary>
    CommandSetTooLong,
    /// <summary>The reassembled command set is not a valid DIMSE message.</summary>
    InvalidCommandSet,
    /// <summary>PDVs of one P-DATA-TF belong to more than one message.</summary>
    MixedMessagesInPdu,
}

/// <summary>A received PDV broke a rule of message encapsulation; <see cref="Rule"/> cites it.</summary>
/// <remarks>PS3.8 Annex E (2013)</remarks>
public sealed class DimseReassemblyException : Exception
{
    public DimseReassemblyException(DimseReassemblyError error, string rule, string message, Exception? inner = null)
        : base($"{rule}: {message}", inner)
    {
        Error = error;
        Rule = rule;
    }

    public DimseReassemblyError Error { get; }

    /// <summary>The rule broken, e.g. "PS3.8 E.1 (2013)".</summary>
    public string Rule { get; }
}
