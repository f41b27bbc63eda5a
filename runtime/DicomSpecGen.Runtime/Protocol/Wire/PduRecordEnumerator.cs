using System.Buffers;

namespace DicomSpecGen.Protocol.Wire;

/// <summary>A record type (a structure without a type code, e.g. a PDV item) that can read itself.</summary>
public interface IPduRecord<TSelf> where TSelf : struct, IPduRecord<TSelf>
{
    /// <summary>Reads one record bounded by <paramref name="end"/>.</summary>
    static abstract TSelf ReadFrom(ref SequenceReader<byte> reader, long end);
}

/// <summary>Walks a list of records in place: no list, no copies; each record's byte fields are slices of the input.
/// Malformed input throws <see cref="PduFormatException"/> at the element that breaks a rule.</summary>
public ref struct PduRecordEnumerator<T> where T : struct, IPduRecord<T>
{
    private SequenceReader<byte> _reader;
    private readonly long _end;

    public PduRecordEnumerator(SequenceReader<byte> reader, long end)
    {
        _reader = reader;
        _end = end;
        Current = default;
    }

    public T Current { get; private set; }

    public bool MoveNext()
    {
        if (_reader.Consumed >= _end) return false;
        Current = T.ReadFrom(ref _reader, _end);
        return true;
    }

    public readonly PduRecordEnumerator<T> GetEnumerator() => this;
}
