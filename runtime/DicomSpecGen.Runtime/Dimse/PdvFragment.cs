using System.Buffers;
using DicomSpecGen.Protocol;

namespace DicomSpecGen.Dimse;

/// <summary>One presentation data value as the DIMSE layer sees it: the presentation context, the two
/// Message Control Header bits (command or data, last fragment or not) and the fragment itself.</summary>
/// <remarks>PS3.8 Annex E.1 and E.2 (2013); the wire form is the generated <see cref="PresentationDataValue"/>.</remarks>
public readonly record struct PdvFragment(byte PresentationContextId, bool IsCommand, bool IsLast, ReadOnlySequence<byte> Payload)
{
    /// <summary>A fragment over one block of memory.</summary>
    public PdvFragment(byte presentationContextId, bool isCommand, bool isLast, ReadOnlyMemory<byte> payload)
        : this(presentationContextId, isCommand, isLast, new ReadOnlySequence<byte>(payload))
    {
    }

    /// <summary>The Message Control Header: bit 0 command, bit 1 last fragment.</summary>
    /// <remarks>PS3.8 Annex E.2 (2013)</remarks>
    public MessageControlHeader Header
        => (IsCommand ? MessageControlHeader.Command : MessageControlHeader.None)
         | (IsLast ? MessageControlHeader.LastFragment : MessageControlHeader.None);

    /// <summary>The PDV item carrying this fragment (not copied).</summary>
    public PresentationDataValue ToPresentationDataValue()
        => new() { PresentationContextId = PresentationContextId, MessageControlHeader = Header, Fragment = Payload };

    /// <summary>The fragment of a received PDV item; bits 2-7 of its header are ignored ("never checked by the receiver").</summary>
    /// <remarks>PS3.8 Annex E.2 (2013)</remarks>
    public static PdvFragment From(PresentationDataValue pdv)
        => new(pdv.PresentationContextId,
            (pdv.MessageControlHeader & MessageControlHeader.Command) != 0,
            (pdv.MessageControlHeader & MessageControlHeader.LastFragment) != 0,
            pdv.Fragment);
}
