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
            var ts = DataSetSyntax(info);
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

    /// <summary>The File Meta Information of the file at <paramref name="path"/>: from one read of its first bytes
    /// when the meta fits in them (the usual case), else through <see cref="OpenAsync"/>. The read runs on the
    /// caller's thread.</summary>
    public static async Task<FileMetaHead> ReadHeadAsync(string path, CancellationToken cancellationToken = default)
    {
        var head = ArrayPool<byte>.Shared.Rent(HeadRead);
        try
        {
            int read;
            using (var handle = File.OpenHandle(path))
            {
                read = FileBytes.ReadAt(handle, head.AsSpan(0, HeadRead), 0);
            }
            if (TryReadHead(head.AsMemory(0, read), wholeFile: read < HeadRead) is { } found) return found;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(head);
        }
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.None);
        await using var reader = await OpenAsync(stream, cancellationToken: cancellationToken).ConfigureAwait(false);
        return new FileMetaHead(reader.Meta, reader.MetaDataset, reader.TransferSyntax, reader.DataSetOffset);
    }

    /// <summary>The first read of <see cref="ReadHeadAsync(string, CancellationToken)"/>: the preamble and a File Meta
    /// Information of common size (a few hundred bytes) fit with room to spare.</summary>
    private const int HeadRead = 4096;

    /// <summary>The File Meta Information of a file whose first bytes are in memory, parsed without a pipe or a
    /// stream: null when <paramref name="head"/> ends before the meta does and is not the whole file (then read the
    /// file with <see cref="OpenAsync"/>). Malformed input throws as <see cref="OpenAsync"/> does.</summary>
    /// <remarks>PS3.10 7.1</remarks>
    public static FileMetaHead? TryReadHead(ReadOnlyMemory<byte> head, bool wholeFile)
    {
        var bytes = new ReadOnlySequence<byte>(head);
        if (!CheckPreamble(bytes, wholeFile)) return null;
        var state = new MetaState();
        if (!ParseMeta(bytes.Slice(DicomFileFormat.MetaOffset), wholeFile, state, out _)) return null;
        var info = DicomFileMeta.FromDataset(state.Meta);
        return new FileMetaHead(info, state.Meta, DataSetSyntax(info), DicomFileFormat.MetaOffset + state.Consumed);
    }

    /// <summary>The transfer syntax of the Data Set, which must be one this reader decodes (PS3.5 Section 10).</summary>
    private static TransferSyntax DataSetSyntax(DicomFileMeta info)
        => TransferSyntax.TryGet(info.TransferSyntaxUid, out var ts) && ts.IsDataSetEncoding
            ? ts
            : throw new DicomDataException($"unsupported transfer syntax {info.TransferSyntaxUid}", new DicomTag(DicomTags.TransferSyntaxUID), DicomFileFormat.MetaOffset, "PS3.5 Section 10");

    private static async Task ReadPreambleAsync(PipeReader pipe, CancellationToken cancellationToken)
    {
        var metaOffset = DicomFileFormat.MetaOffset;
        var head = await pipe.ReadAtLeastAsync(metaOffset, cancellationToken).ConfigureAwait(false);
        try
        {
            CheckPreamble(head.Buffer, complete: true);
        }
        catch
        {
            pipe.AdvanceTo(head.Buffer.Start);
            throw;
        }
        pipe.AdvanceTo(head.Buffer.GetPosition(metaOffset));
    }

    /// <summary>False when <paramref name="bytes"/> (not <paramref name="complete"/>) end before the prefix; throws
    /// when there is no "DICM" after the preamble.</summary>
    private static bool CheckPreamble(ReadOnlySequence<byte> bytes, bool complete)
    {
        if (bytes.Length < DicomFileFormat.MetaOffset && !complete) return false;
        if (bytes.Length < DicomFileFormat.MetaOffset || !IsPrefix(bytes.Slice(DicomFileFormat.PreambleLength, DicomFileFormat.Prefix.Length)))
            throw new DicomDataException($"no \"DICM\" prefix after the {DicomFileFormat.PreambleLength}-byte preamble", null, DicomFileFormat.PreambleLength, "PS3.10 Section 7.1");
        return true;
    }

    private static bool IsPrefix(ReadOnlySequence<byte> bytes)
    {
        Span<byte> b = stackalloc byte[DicomFileFormat.Prefix.Length];
        bytes.CopyTo(b);
        return b.SequenceEqual(DicomFileFormat.Prefix);
    }

    /// <summary>The File Meta Information read so far: its elements, the bytes they took, and where the group length
    /// says it ends (-1 until read).</summary>
    private sealed class MetaState
    {
        public readonly DicomDataset Meta = new();
        public long Consumed;
        public long End = -1;
    }

    /// <summary>Reads group 0002 elements: up to the (0002,0000) group length when present, else while the
    /// next tag is in group 0002. Returns them and the bytes they took.</summary>
    private static async Task<(DicomDataset Meta, long Length)> ReadMetaAsync(PipeReader pipe, CancellationToken cancellationToken)
    {
        var state = new MetaState();
        while (true)
        {
            var result = await pipe.ReadAsync(cancellationToken).ConfigureAwait(false);
            var buffer = result.Buffer;
            bool done;
            long used;
            try
            {
                done = ParseMeta(buffer, result.IsCompleted, state, out used);
            }
            catch
            {
                pipe.AdvanceTo(buffer.Start);
                throw;
            }
            if (done)
            {
                pipe.AdvanceTo(buffer.GetPosition(used));
                return (state.Meta, state.Consumed);
            }
            // Whole elements only are taken: what is buffered is at most one element (64 KiB at most) and its header.
            pipe.AdvanceTo(buffer.GetPosition(used), buffer.End);
        }
    }

    /// <summary>Takes the whole group 0002 elements in <paramref name="buffer"/> (which starts where
    /// <paramref name="state"/> ended); true once the File Meta Information is complete, false when more bytes are
    /// needed (only when not <paramref name="complete"/>). <paramref name="used"/>: the bytes of buffer taken.</summary>
    private static bool ParseMeta(ReadOnlySequence<byte> buffer, bool complete, MetaState state, out long used)
    {
        var reader = new SequenceReader<byte>(buffer);
        used = 0;
        while (state.End < 0 || state.Consumed < state.End)
        {
            if (reader.Remaining < 2 && !complete) return false;
            if (reader.Remaining < 2 || ReadGroup(reader.UnreadSequence) != DicomFileFormat.MetaGroup)
            {
                if (state.End >= 0) throw new DicomDataException("the File Meta Information is shorter than its group length", null, DicomFileFormat.MetaOffset + state.Consumed, "PS3.10 Section 7.1");
                return true;
            }
            var status = DicomHeaderCodec.TryRead(ref reader, DicomFileFormat.MetaEncoding, out var tag, out var vr, out var length);
            if (status == DicomHeaderCodec.Status.NeedMoreData && !complete) return false;
            if (status != DicomHeaderCodec.Status.Ok || length == DicomHeaderCodec.UndefinedLength || length > 64 * 1024)
                throw new DicomDataException("malformed File Meta Information element", new DicomTag(tag), DicomFileFormat.MetaOffset + state.Consumed, "PS3.10 Section 7.1 (Explicit VR Little Endian)");
            if (reader.Remaining < length)
            {
                if (!complete) return false;
                throw new DicomDataException("the file ends inside the File Meta Information", new DicomTag(tag), DicomFileFormat.MetaOffset + state.Consumed, "PS3.10 Section 7.1");
            }
            var value = reader.UnreadSequence.Slice(0, length).ToArray();
            reader.Advance(length);
            state.Consumed += reader.Consumed - used;
            used = reader.Consumed;
            if (tag == DicomTags.FileMetaInformationGroupLength && length == 4)
                state.End = state.Consumed + System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(value);
            else
                state.Meta.SetBytes(tag, vr, value);
        }
        return true;
    }

    private static ushort ReadGroup(ReadOnlySequence<byte> buffer)
    {
        Span<byte> b = stackalloc byte[2];
        buffer.Slice(0, 2).CopyTo(b);
        return System.Buffers.Binary.BinaryPrimitives.ReadUInt16LittleEndian(b);
    }

    public async ValueTask DisposeAsync()
    {
        await Dataset.DisposeAsync().ConfigureAwait(false);
        if (_rest != null) await _rest.DisposeAsync().ConfigureAwait(false);
        await _pipe.CompleteAsync().ConfigureAwait(false);
    }
}

/// <summary>The File Meta Information of a Part 10 file without its Data Set (<see cref="DicomFileReader.TryReadHead"/>,
/// <see cref="DicomFileReader.ReadHeadAsync"/>): its fields, its elements, the Data Set's transfer syntax, and where the
/// Data Set starts.</summary>
public sealed record FileMetaHead(DicomFileMeta Meta, DicomDataset MetaDataset, TransferSyntax TransferSyntax, long DataSetOffset);
