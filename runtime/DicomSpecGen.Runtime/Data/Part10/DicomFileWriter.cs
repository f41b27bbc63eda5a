using System.Buffers;
using DicomSpecGen.Registry;

namespace DicomSpecGen.Data.Part10;

/// <summary>Writes a DICOM file (PS3.10 Section 7.1): a zero preamble, "DICM", the File Meta Information
/// with its group length in Explicit VR Little Endian, then returns a writer for the Data Set. The only writer of
/// that header (<see cref="DicomFileFormat"/>): the archive's stores use <see cref="WriteHeader"/> too.</summary>
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
        => await stream.WriteAsync(EncodeHeader(meta), cancellationToken).ConfigureAwait(false);

    /// <summary><see cref="WriteMetaAsync"/> for a caller writing synchronously (buffered file writes).</summary>
    public static void WriteHeader(Stream stream, DicomFileMeta meta) => stream.Write(EncodeHeader(meta));

    /// <summary>The preamble, "DICM" and the File Meta Information with its (0002,0000) group length.</summary>
    /// <remarks>PS3.10 7.1</remarks>
    public static byte[] EncodeHeader(DicomFileMeta meta)
    {
        // Sized for a common meta (a few hundred bytes): no regrowth on the receiver's path, one header per instance.
        var elements = new ArrayBufferWriter<byte>(512);
        meta.ToDataset().Write(new DicomBufferWriter(elements, DicomFileFormat.MetaEncoding));
        var head = new ArrayBufferWriter<byte>(DicomFileFormat.MetaOffset + 16 + elements.WrittenCount);
        head.GetSpan(DicomFileFormat.PreambleLength).Slice(0, DicomFileFormat.PreambleLength).Clear();
        head.Advance(DicomFileFormat.PreambleLength);
        head.Write(DicomFileFormat.Prefix);
        var groupLength = new byte[4];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32LittleEndian(groupLength, (uint)elements.WrittenCount);
        new DicomBufferWriter(head, DicomFileFormat.MetaEncoding).WriteElement(DicomTags.FileMetaInformationGroupLength, DicomVr.UL, groupLength);
        head.Write(elements.WrittenSpan);
        return head.WrittenSpan.ToArray();
    }
}
