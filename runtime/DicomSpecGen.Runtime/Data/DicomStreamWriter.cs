using System.Buffers;
using System.IO.Compression;
using System.IO.Pipelines;
using DicomSpecGen.Registry;

namespace DicomSpecGen.Data;

/// <summary>Writes a Data Set to a stream element by element (deflating it for a deflated transfer syntax,
/// PS3.5 Section A.5). Large values are copied from a source stream in chunks, so memory does not grow
/// with the value. Call <see cref="CompleteAsync"/> (or dispose) to flush.</summary>
public sealed class DicomStreamWriter : IAsyncDisposable
{
    private const int FlushThreshold = 64 * 1024;
    private readonly PipeWriter _pipe;
    private readonly Stream? _deflate;
    private readonly DicomBufferWriter _writer;
    private long _flushedAt;
    private bool _completed;

    public DicomStreamWriter(Stream stream, TransferSyntax transferSyntax, bool leaveOpen = false, CompressionLevel deflateLevel = CompressionLevel.Fastest)
    {
        TransferSyntax = transferSyntax;
        var target = stream;
        if (transferSyntax.IsDeflated)
        {
            // Raw deflate (RFC 1951) without zlib header, as PS3.5 Section A.5 requires.
            _deflate = new DeflateStream(stream, deflateLevel, leaveOpen);
            target = _deflate;
            leaveOpen = false;
        }
        _pipe = PipeWriter.Create(target, new StreamPipeWriterOptions(minimumBufferSize: 16 * 1024, leaveOpen: leaveOpen));
        _writer = new DicomBufferWriter(_pipe, DicomEncoding.Of(transferSyntax));
    }

    public TransferSyntax TransferSyntax { get; }

    /// <summary>The synchronous encoder (for code that writes many small elements, then calls <see cref="FlushAsync"/>).</summary>
    public DicomBufferWriter Buffer => _writer;

    public long BytesWritten => _writer.BytesWritten;

    public ValueTask WriteElementAsync(DicomTag tag, DicomVr vr, ReadOnlyMemory<byte> value, CancellationToken cancellationToken = default)
    {
        _writer.WriteElement(tag, vr, value.Span);
        return FlushIfNeededAsync(cancellationToken);
    }

    /// <summary>Writes an element whose <paramref name="length"/> value bytes (little endian) come from
    /// <paramref name="source"/>, copied in chunks.</summary>
    public async ValueTask WriteElementAsync(DicomTag tag, DicomVr vr, Stream source, long length, CancellationToken cancellationToken = default)
    {
        if (length < 0 || length >= DicomHeaderCodec.UndefinedLength) throw new ArgumentOutOfRangeException(nameof(length));
        var padded = (length & 1) == 1;
        _writer.WriteHeader(tag, vr, (uint)(length + (padded ? 1 : 0)));
        await CopyAsync(vr, source, length, cancellationToken).ConfigureAwait(false);
        if (padded) _writer.WritePadding(vr);
        await FlushIfNeededAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Copies the reader's current value (an Element or Fragment) without holding it in memory.</summary>
    public async ValueTask WriteElementAsync(DicomStreamReader reader, CancellationToken cancellationToken = default)
    {
        if (reader.IsValueLoaded)
        {
            if (reader.Token == DicomReaderToken.Fragment) _writer.WriteFragment(reader.Value.Span);
            else _writer.WriteElement(reader.Tag, reader.Vr, reader.Value.Span);
            await FlushIfNeededAsync(cancellationToken).ConfigureAwait(false);
            return;
        }
        var length = reader.RemainingValueLength;
        var padded = (length & 1) == 1;
        var vr = reader.Token == DicomReaderToken.Fragment ? DicomVr.OB : reader.Vr;
        _writer.WriteHeader(reader.Token == DicomReaderToken.Fragment ? DicomTag.Item : reader.Tag, vr, (uint)(length + (padded ? 1 : 0)));
        var chunk = ArrayPool<byte>.Shared.Rent(64 * 1024);
        try
        {
            int n;
            while ((n = await reader.ReadValueAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
            {
                _writer.WriteValueChunk(vr, chunk.AsSpan(0, n));
                await FlushIfNeededAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }
        if (padded) _writer.WritePadding(vr);
    }

    public ValueTask BeginSequenceAsync(DicomTag tag, CancellationToken cancellationToken = default) { _writer.BeginSequence(tag); return FlushIfNeededAsync(cancellationToken); }

    public ValueTask BeginItemAsync(CancellationToken cancellationToken = default) { _writer.BeginItem(); return FlushIfNeededAsync(cancellationToken); }

    public ValueTask EndItemAsync(CancellationToken cancellationToken = default) { _writer.EndItem(); return FlushIfNeededAsync(cancellationToken); }

    public ValueTask EndSequenceAsync(CancellationToken cancellationToken = default) { _writer.EndSequence(); return FlushIfNeededAsync(cancellationToken); }

    public ValueTask BeginFragmentsAsync(DicomTag tag, DicomVr vr = DicomVr.OB, CancellationToken cancellationToken = default) { _writer.BeginFragments(tag, vr); return FlushIfNeededAsync(cancellationToken); }

    public ValueTask WriteFragmentAsync(ReadOnlyMemory<byte> fragment, CancellationToken cancellationToken = default) { _writer.WriteFragment(fragment.Span); return FlushIfNeededAsync(cancellationToken); }

    /// <summary>Writes a fragment of <paramref name="length"/> bytes copied from <paramref name="source"/>.</summary>
    public async ValueTask WriteFragmentAsync(Stream source, long length, CancellationToken cancellationToken = default)
    {
        var padded = (length & 1) == 1;
        _writer.WriteHeader(DicomTag.Item, DicomVr.None, (uint)(length + (padded ? 1 : 0)));
        await CopyAsync(DicomVr.OB, source, length, cancellationToken).ConfigureAwait(false);
        if (padded) _writer.WritePadding(DicomVr.OB);
    }

    public ValueTask EndFragmentsAsync(CancellationToken cancellationToken = default) { _writer.EndFragments(); return FlushIfNeededAsync(cancellationToken); }

    private async ValueTask CopyAsync(DicomVr vr, Stream source, long length, CancellationToken cancellationToken)
    {
        var chunk = ArrayPool<byte>.Shared.Rent(64 * 1024);
        try
        {
            var left = length;
            while (left > 0)
            {
                // Fill whole chunks so big endian swapping never splits a value.
                var want = (int)Math.Min(chunk.Length, left);
                var n = await source.ReadAtLeastAsync(chunk.AsMemory(0, want), want, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
                if (n < want) throw new EndOfStreamException($"the value source ended {left - n} bytes before the declared length");
                _writer.WriteValueChunk(vr, chunk.AsSpan(0, n));
                left -= n;
                await FlushIfNeededAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }
    }

    private ValueTask FlushIfNeededAsync(CancellationToken cancellationToken)
        => _writer.BytesWritten - _flushedAt >= FlushThreshold ? FlushAsync(cancellationToken) : ValueTask.CompletedTask;

    public async ValueTask FlushAsync(CancellationToken cancellationToken = default)
    {
        _flushedAt = _writer.BytesWritten;
        await _pipe.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Flushes everything and finishes the deflate stream.</summary>
    public async ValueTask CompleteAsync(CancellationToken cancellationToken = default)
    {
        if (_completed) return;
        _completed = true;
        await _pipe.FlushAsync(cancellationToken).ConfigureAwait(false);
        await _pipe.CompleteAsync().ConfigureAwait(false);
        if (_deflate != null) await _deflate.DisposeAsync().ConfigureAwait(false);
    }

    public ValueTask DisposeAsync() => CompleteAsync();
}
