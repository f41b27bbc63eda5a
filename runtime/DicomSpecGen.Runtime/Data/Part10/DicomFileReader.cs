using System.Buffers;
using System.IO.Pipelines;
using DicomSpecGen.Registry;

namespace DicomSpecGen.Data.Part10;

/// <summary>Opens a DICOM file (PS3.10 Section 7.1): the 128-byte preamble, "DICM", the File Meta
/// Information (group 0002, Explicit VR Little Endian), then a streaming <see cref="Dataset"/> reader in
/// the file's transfer syntax (inflating a deflated one).</summary>
public sealed class DicomFileReader : IAsyncDisposable
{
    private readonly PipeReader _pipe;
    private readonly Stream? _rest;

    private DicomFileReader(PipeReader pipe, DicomDataset meta, DicomFileMeta info, TransferSyntax ts, DicomStreamReader dataset, Stream? rest, long dataSetOffset)
    {
        _pipe = pipe;
        DataSetOffset = dataSetOffset;
        MetaDataset = meta;
        Meta = info;
        TransferSyntax = ts;
        Dataset = dataset;
        _rest = rest;
    }

    public DicomDataset MetaDataset { get; }

    public DicomFileMeta Meta { get; }

    public TransferSyntax TransferSyntax { get; }

    /// <summary>The Data Set after the meta information.</summary>
    public DicomStreamReader Dataset { get; }

    /// <summary>Where the Data Set starts, counted from the stream's position when the file was opened: after the
    /// preamble, "DICM" and every File Meta Information element read (PS3.10 7.1). A sender copying the Data Set's
    /// bytes unchanged seeks there.</summary>
    public long DataSetOffset { get; }

    public static async Task<DicomFileReader> OpenAsync(Stream stream, DicomReaderOptions? options = null, bool leaveOpen = false, CancellationToken cancellationToken = default)
    {
        var pipe = PipeReader.Create(stream, new StreamPipeReaderOptions(bufferSize: 64 * 1024, minimumReadSize: 16 * 1024, leaveOpen: leaveOpen));
        try
        {
            await ReadPreambleAsync(pipe, cancellationToken).ConfigureAwait(false);
            var (meta, metaLength) = await ReadMetaAsync(pipe, cancellationToken).ConfigureAwait(false);
            var info = DicomFileMeta.FromDataset(meta);
            if (!TransferSyntax.TryGet(info.TransferSyntaxUid, out var ts) || !ts.IsDataSetEncoding)
                throw new DicomDataException($"unsupported transfer syntax {info.TransferSyntaxUid}", new DicomTag(DicomTags.TransferSyntaxUID), DicomFileFormat.MetaOffset, "PS3.5 Section 10");
            Stream? rest = null;
            DicomStreamReader dataset;
            if (ts.IsDeflated)
            {
                // The meta stays uncompressed; only the bytes after it are deflated (PS3.5 Section A.5).
                rest = pipe.AsStream(leaveOpen: true);
                dataset = new DicomStreamReader(rest, ts, options, leaveOpen: true);
            }
            else
            {
                dataset = new DicomStreamReader(pipe, ts, options);
            }
            return new DicomFileReader(pipe, meta, info, ts, dataset, rest, DicomFileFormat.MetaOffset + metaLength);
        }
        catch
        {
            await pipe.CompleteAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Reads the preamble and File Meta Information only, and returns a stream of the Data Set's bytes
    /// as encoded in the file (still deflated for a deflated transfer syntax), e.g. to send in C-STORE PDVs
    /// without parsing. Dispose the stream to release the file stream (unless <paramref name="leaveOpen"/>).</summary>
    public static async Task<(DicomFileMeta Meta, DicomDataset MetaDataset, Stream Dataset)> ReadMetaAsync(Stream stream, bool leaveOpen = false, CancellationToken cancellationToken = default)
    {
        var pipe = PipeReader.Create(stream, new StreamPipeReaderOptions(bufferSize: 64 * 1024, minimumReadSize: 16 * 1024, leaveOpen: leaveOpen));
        try
        {
            await ReadPreambleAsync(pipe, cancellationToken).ConfigureAwait(false);
            var (meta, _) = await ReadMetaAsync(pipe, cancellationToken).ConfigureAwait(false);
            return (DicomFileMeta.FromDataset(meta), meta, pipe.AsStream());
        }
        catch
        {
            await pipe.CompleteAsync().ConfigureAwait(false);
            throw;
        }
    }

    private static async Task ReadPreambleAsync(PipeReader pipe, CancellationToken cancellationToken)
    {
        var metaOffset = DicomFileFormat.MetaOffset;
        var head = await pipe.ReadAtLeastAsync(metaOffset, cancellationToken).ConfigureAwait(false);
        if (head.Buffer.Length < metaOffset || !IsPrefix(head.Buffer.Slice(DicomFileFormat.PreambleLength, DicomFileFormat.Prefix.Length)))
        {
            pipe.AdvanceTo(head.Buffer.Start);
            throw new DicomDataException($"no \"DICM\" prefix after the {DicomFileFormat.PreambleLength}-byte preamble", null, DicomFileFormat.PreambleLength, "PS3.10 Section 7.1");
        }
        pipe.AdvanceTo(head.Buffer.GetPosition(metaOffset));
    }

    private static bool IsPrefix(ReadOnlySequence<byte> bytes)
    {
        Span<byte> b = stackalloc byte[DicomFileFormat.Prefix.Length];
        bytes.CopyTo(b);
        return b.SequenceEqual(DicomFileFormat.Prefix);
    }

    /// <summary>Reads group 0002 elements: up to the (0002,0000) group length when present, else while the
    /// next tag is in group 0002. Returns them and the bytes they took.</summary>
    private static async Task<(DicomDataset Meta, long Length)> ReadMetaAsync(PipeReader pipe, CancellationToken cancellationToken)
    {
        var meta = new DicomDataset();
        long consumed = 0;
        long end = -1;
        while (end < 0 || consumed < end)
        {
            var result = await pipe.ReadAtLeastAsync(8, cancellationToken).ConfigureAwait(false);
            var buffer = result.Buffer;
            if (buffer.Length < 2 || ReadGroup(buffer) != DicomFileFormat.MetaGroup)
            {
                pipe.AdvanceTo(buffer.Start);
                if (end >= 0) throw new DicomDataException("the File Meta Information is shorter than its group length", null, DicomFileFormat.MetaOffset + consumed, "PS3.10 Section 7.1");
                break;
            }
            var status = Parse(buffer, out var tag, out var vr, out var length, out var headerLength);
            if (status == DicomHeaderCodec.Status.NeedMoreData && !result.IsCompleted)
            {
                pipe.AdvanceTo(buffer.Start, buffer.End);
                continue;
            }
            if (status != DicomHeaderCodec.Status.Ok || length == DicomHeaderCodec.UndefinedLength || length > 64 * 1024)
            {
                pipe.AdvanceTo(buffer.Start);
                throw new DicomDataException("malformed File Meta Information element", new DicomTag(tag), DicomFileFormat.MetaOffset + consumed, "PS3.10 Section 7.1 (Explicit VR Little Endian)");
            }
            pipe.AdvanceTo(buffer.GetPosition(headerLength));
            var valueResult = await pipe.ReadAtLeastAsync((int)length, cancellationToken).ConfigureAwait(false);
            if (valueResult.Buffer.Length < length)
            {
                pipe.AdvanceTo(valueResult.Buffer.Start);
                throw new DicomDataException("the file ends inside the File Meta Information", new DicomTag(tag), DicomFileFormat.MetaOffset + consumed, "PS3.10 Section 7.1");
            }
            var value = valueResult.Buffer.Slice(0, length).ToArray();
            pipe.AdvanceTo(valueResult.Buffer.GetPosition(length));
            consumed += headerLength + length;
            if (tag == DicomTags.FileMetaInformationGroupLength && length == 4)
                end = consumed + System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(value);
            else
                meta.SetBytes(tag, vr, value);
        }
        return (meta, consumed);
    }

    private static ushort ReadGroup(ReadOnlySequence<byte> buffer)
    {
        Span<byte> b = stackalloc byte[2];
        buffer.Slice(0, 2).CopyTo(b);
        return System.Buffers.Binary.BinaryPrimitives.ReadUInt16LittleEndian(b);
    }

    private static DicomHeaderCodec.Status Parse(ReadOnlySequence<byte> buffer, out uint tag, out DicomVr vr, out uint length, out long headerLength)
    {
        var reader = new SequenceReader<byte>(buffer);
        var status = DicomHeaderCodec.TryRead(ref reader, DicomFileFormat.MetaEncoding, out tag, out vr, out length);
        headerLength = reader.Consumed;
        return status;
    }

    public async ValueTask DisposeAsync()
    {
        await Dataset.DisposeAsync().ConfigureAwait(false);
        if (_rest != null) await _rest.DisposeAsync().ConfigureAwait(false);
        await _pipe.CompleteAsync().ConfigureAwait(false);
    }
}
