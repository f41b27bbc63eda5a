using System.Buffers;

namespace DicomSpecGen.Protocol.Wire;

/// <summary>What every generated PDU, item and record can do.</summary>
public interface IPduStructure
{
    /// <summary>The structure's title in the standard.</summary>
    string Title { get; }

    /// <summary>Bytes on the wire, header included.</summary>
    int GetEncodedLength();

    /// <summary>Writes the structure.</summary>
    void Write(IBufferWriter<byte> writer);

    /// <summary>Fields with values and citations, for traces.</summary>
    IEnumerable<PduFieldValue> DescribeFields();
}
