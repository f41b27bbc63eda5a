using System.Buffers;
using DicomSpecGen.Registry;

namespace DicomSpecGen.Data.Part10;

/// <summary>Writes a DICOM file (PS3.10 Section 7.1): a zero preamble, "DICM", the File Meta Information
/// with its group length in Explicit VR Little Endian, then returns a writer for the Data Set.</summary>
public static class DicomFileWriter
{
    public static async Task<DicomStreamWriter> CreateAsync(Stream stream, DicomFileMeta meta, bool leaveOpen = false, CancellationToken cancellationToken = default)
    {
        if (!TransferSyntax.TryGet(meta.TransferSyntaxUid, out var ts) || !ts.IsDataSetEncoding)
            throw new ArgumentException($"unsupported transfer syntax {meta.TransferSyntaxUid}", nameof(meta));
        await WriteMetaAsync(stream, meta, cancellationToken).ConfigureAwait(false);
        return new DicomStreamWriter(stream, ts, leaveOpen);
    }

    /// <summary>Writes only the preamble, "DICM" and the File Meta Information; the caller then copies a Data Set
    /// already encoded in the meta's transfer syntax (e.g. the PDVs of a C-STORE, deflated or not) to the stream.</summary>
    public static async Task WriteMetaAsync(Stream stream, DicomFileMeta meta, CancellationToken cancellationToken = default)
    {
        var elements = new ArrayBufferWriter<byte>();
        meta.ToDataset().Write(new DicomBufferWriter(elements, DicomEncoding.ExplicitLittle));
        var head = new ArrayBufferWriter<byte>(256 + elements.WrittenCount);
        head.GetSpan(128).Slice(0, 128).Clear();
        head.Advance(128);
        "DICM"u8.CopyTo(head.GetSpan(4));
        head.Advance(4);
        var groupLength = new byte[4];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32LittleEndian(groupLength, (uint)elements.WrittenCount);
        new DicomBufferWriter(head, DicomEncoding.ExplicitLittle).WriteElement(DicomTags.FileMetaInformationGroupLength, DicomVr.UL, groupLength);
        head.Write(elements.WrittenSpan);
        await stream.WriteAsync(head.WrittenMemory, cancellationToken).ConfigureAwait(false);
    }
}
