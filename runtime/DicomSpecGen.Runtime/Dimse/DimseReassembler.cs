using System.Buffers;
using DicomSpecGen.Protocol;

namespace DicomSpecGen.Dimse;

/// <summary>What accepting a PDV produced.</summary>
public enum ReassemblyEventKind
{
    /// <summary>A command fragment was buffered; the command set is not complete yet.</summary>
    None,
    /// <summary>The command set is complete and decoded (<see cref="ReassemblyEvent.Command"/>).</summary>
    Command,
    /// <summary>A data fragment of the current message (<see cref="ReassemblyEvent.Data"/>), passed on, not buffered.</summary>
    DataFragment,
}

/// <summary>The result of <see cref="DimseReassembler.Accept"/>. <see cref="MessageComplete"/> is set on the
/// event that ends a message: the command of a message without data set, or the last data fragment.</summary>
public readonly record struct ReassemblyEvent(
    ReassemblyEventKind Kind, byte PresentationContextId, DimseMessage? Command, ReadOnlySequence<byte> Data, bool MessageComplete);

/// <summary>Reassembles DIMSE messages from received PDVs, checking the Message Control Header sequence:
/// command fragments up to the one marked last, then, when Command Data Set Type announces one, data
/// fragments up to the one marked last, all on one presentation context. The command set is buffered (it
/// is small and bounded); data fragments are handed on as they arrive, so data sets stream.</summary>
/// <remarks>PS3.8 Annex E.1 and E.2 (2013)</remarks>
public sealed class DimseReassembler
{
    private const string EncapsulationRule = "PS3.8 E.1 (2013)";
    private const string HeaderRule = "PS3.8 E.2 (2013)";

    private enum State { Idle, Command, Data }

    private readonly ArrayBufferWriter<byte> _command = new();
    private readonly int _maxCommandSetLength;
    private State _state;
    private byte _contextId;

    /// <param name="maxCommandSetLength">The longest command set accepted; bounds memory against a peer that never sets the last bit.</param>
    public DimseReassembler(int maxCommandSetLength = 1 << 16) => _maxCommandSetLength = maxCommandSetLength;

    /// <summary>True between the first fragment of a message and its end.</summary>
    public bool InMessage => _state != State.Idle;

    /// <summary>Accepts the PDVs of a received P-DATA-TF PDU, which must all belong to one message.</summary>
    /// <remarks>PS3.8 E.1 (2013)</remarks>
    public IReadOnlyList<ReassemblyEvent> AcceptPdu(PDataTf pdu)
        => AcceptPdu(pdu.Values.Select(PdvFragment.From).ToArray());

    /// <summary>Accepts the PDVs of one P-DATA-TF PDU, which must all belong to one message.</summary>
    public IReadOnlyList<ReassemblyEvent> AcceptPdu(IReadOnlyList<PdvFragment> pdvs)
    {
        var events = new List<ReassemblyEvent>(pdvs.Count);
        for (var i = 0; i < pdvs.Count; i++)
        {
            if (i > 0 && events[^1].MessageComplete)
            {
                throw new DimseReassemblyException(DimseReassemblyError.MixedMessagesInPdu, EncapsulationRule,
                    "the PDVs of one P-DATA request relate to the same message, but a PDV follows the end of a message");
            }
            events.Add(Accept(pdvs[i]));
        }
        return events;
    }

    /// <summary>Accepts one PDV. Throws <see cref="DimseReassemblyException"/> on a broken rule; the
    /// reassembler is then reset to wait for a new message.</summary>
    public ReassemblyEvent Accept(PdvFragment pdv)
    {
        try
        {
            return AcceptCore(pdv);
        }
        catch (DimseReassemblyException)
        {
            Reset();
            throw;
        }
    }

    /// <summary>Forgets any partial message.</summary>
    public void Reset()
    {
        _state = State.Idle;
        _command.Clear();
    }

    private ReassemblyEvent AcceptCore(PdvFragment pdv)
    {
        if ((pdv.Payload.Length & 1) != 0)
        {
            throw new DimseReassemblyException(DimseReassemblyError.OddFragmentLength, EncapsulationRule,
                $"a {(pdv.IsCommand ? "command" : "data")} fragment of {pdv.Payload.Length} bytes; each fragment consists of an even number of bytes");
        }
        if (_state != State.Idle && pdv.PresentationContextId != _contextId)
        {
            throw new DimseReassemblyException(DimseReassemblyError.PresentationContextChanged, EncapsulationRule,
                $"presentation context {pdv.PresentationContextId} differs from {_contextId}, the context of this message's earlier fragments");
        }

        switch (_state)
        {
            case State.Idle when pdv.IsCommand:
                _contextId = pdv.PresentationContextId;
                _state = State.Command;
                return AppendCommand(pdv);
            case State.Idle:
                throw new DimseReassemblyException(DimseReassemblyError.DataBeforeCommand, HeaderRule,
                    "a data fragment (Message Control Header bit 0 = 0) arrived but no command set announced a data set");
            case State.Command when pdv.IsCommand:
                return AppendCommand(pdv);
            case State.Command:
                throw new DimseReassemblyException(DimseReassemblyError.DataBeforeCommand, HeaderRule,
                    "a data fragment arrived before the command fragment marked last (Message Control Header bit 1)");
            case State.Data when pdv.IsCommand:
                throw new DimseReassemblyException(DimseReassemblyError.CommandAfterLastFragment, EncapsulationRule,
                    "a command fragment arrived while the data set of the current message was incomplete; fragments of messages are not interleaved");
            default:
                if (pdv.IsLast) _state = State.Idle;
                return new ReassemblyEvent(ReassemblyEventKind.DataFragment, pdv.PresentationContextId, null, pdv.Payload, pdv.IsLast);
        }
    }

    private ReassemblyEvent AppendCommand(PdvFragment pdv)
    {
        if (_command.WrittenCount + pdv.Payload.Length > _maxCommandSetLength)
        {
            throw new DimseReassemblyException(DimseReassemblyError.CommandSetTooLong, EncapsulationRule,
                $"the command set exceeds {_maxCommandSetLength} bytes without a fragment marked last");
        }
        // A command set in one fragment (the usual case) is decoded from a copy of it, without gathering it first.
        var whole = pdv.IsLast && _command.WrittenCount == 0;
        if (!whole) foreach (var segment in pdv.Payload) _command.Write(segment.Span);
        if (!pdv.IsLast) return new ReassemblyEvent(ReassemblyEventKind.None, pdv.PresentationContextId, null, default, false);

        DimseMessage message;
        try
        {
            // A copy: the message may keep slices of it, and the received buffer goes back to its pool.
            message = DimseMessage.Decode(new ReadOnlySequence<byte>(whole ? pdv.Payload.ToArray() : _command.WrittenMemory.ToArray()));
        }
        catch (DimseException e)
        {
            throw new DimseReassemblyException(DimseReassemblyError.InvalidCommandSet, e.Errors.Count > 0 ? e.Errors[0].Citation : "PS3.7 6.3", e.Message, e);
        }
        _command.Clear();
        _state = message.HasDataSet ? State.Data : State.Idle;
        return new ReassemblyEvent(ReassemblyEventKind.Command, pdv.PresentationContextId, message, default, !message.HasDataSet);
    }
}
