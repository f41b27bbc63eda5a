using System.Buffers;
using System.IO.Compression;
using System.IO.Pipelines;
using DicomSpecGen.Registry;

namespace DicomSpecGen.Data;

/// <summary>Walks the elements of an encoded Data Set from a stream, one token at a time, without holding
/// large values: values above <see cref="DicomReaderOptions.MaxInlineValueLength"/> are streamed
/// (<see cref="CopyValueToAsync"/>, <see cref="ReadValueAsync"/>) or skipped. Sequences and items of defined
/// and undefined length and encapsulated Pixel Data are reported as start/end tokens (PS3.5 Sections 7.5, A.4).
/// Values are exposed in little endian byte order whatever the transfer syntax.</summary>
public sealed class DicomStreamReader : IAsyncDisposable
{
    private const uint PixelDataTag = 0x7FE00010;
    private const uint PixelRepresentationTag = 0x00280103;
    private readonly PipeReader _pipe;
    private readonly Stream? _ownedStream;
    private readonly bool _completePipe;
    private readonly DicomEncoding _encoding;
    private readonly DicomReaderOptions _options;
    private readonly List<Frame> _frames = new();
    private long _remaining;
    private int _swapUnit = 1;
    private byte[]? _value;
    private int _pixelRepresentation = -1;
    private bool _needMore;

    /// <summary>Reads a Data Set (no File Meta Information) in <paramref name="transferSyntax"/>; a deflated
    /// transfer syntax is inflated on the fly (PS3.5 Section A.5).</summary>
    public DicomStreamReader(Stream stream, TransferSyntax transferSyntax, DicomReaderOptions? options = null, bool leaveOpen = false)
    {
        TransferSyntax = transferSyntax;
        _encoding = DicomEncoding.Of(transferSyntax);
        _options = options ?? DicomReaderOptions.Default;
        var source = stream;
        if (transferSyntax.IsDeflated)
        {
            source = new DeflateStream(stream, CompressionMode.Decompress, leaveOpen);
            _ownedStream = source;
            leaveOpen = false;
        }
        _pipe = PipeReader.Create(source, new StreamPipeReaderOptions(bufferSize: 64 * 1024, minimumReadSize: 16 * 1024, leaveOpen: leaveOpen));
        _completePipe = true;
    }

    /// <summary>Reads a Data Set held in memory (not deflated).</summary>
    public DicomStreamReader(ReadOnlySequence<byte> data, TransferSyntax transferSyntax, DicomReaderOptions? options = null)
    {
        TransferSyntax = transferSyntax;
        _encoding = DicomEncoding.Of(transferSyntax);
        if (transferSyntax.IsDeflated)
            throw new ArgumentException("a deflated Data Set must be read from a Stream", nameof(transferSyntax));
        _options = options ?? DicomReaderOptions.Default;
        // An empty sequence over memory at a non-zero offset gets positions the pipe's own empty buffer does not
        // share, and advancing to them throws; the canonical empty sequence has none of that (found by fuzzing).
        _pipe = PipeReader.Create(data.IsEmpty ? ReadOnlySequence<byte>.Empty : data);
        _completePipe = true;
    }

    /// <summary>Continues on a pipe another reader has positioned (the Part 10 reader after the meta group).</summary>
    internal DicomStreamReader(PipeReader pipe, TransferSyntax transferSyntax, DicomReaderOptions? options)
    {
        TransferSyntax = transferSyntax;
        _encoding = DicomEncoding.Of(transferSyntax);
        _options = options ?? DicomReaderOptions.Default;
        _pipe = pipe;
        _completePipe = false;
    }

    private enum FrameKind { Sequence, Item, Fragments }

    private readonly record struct Frame(FrameKind Kind, long End, DicomEncoding Encoding);

    public TransferSyntax TransferSyntax { get; }

    public DicomReaderToken Token { get; private set; }

    public DicomTag Tag { get; private set; }

    /// <summary>The VR: from the header (Explicit VR) or the data dictionary (Implicit VR); SQ for sequences
    /// (including UN of undefined length, PS3.5 Section 6.2.2); None for items and delimiters.</summary>
    public DicomVr Vr { get; private set; }

    /// <summary>The Value Length, or -1 for undefined length.</summary>
    public long Length { get; private set; }

    /// <summary>Open sequences, items and fragment lists after the current token: 0 for a top-level element,
    /// 1 for SequenceStart, 2 inside its items.</summary>
    public int Depth => _frames.Count;

    /// <summary>Bytes of the Data Set consumed so far (after inflating).</summary>
    public long Position { get; private set; }

    /// <summary>The encoding of the current element (Implicit VR Little Endian inside UN of undefined length).</summary>
    public DicomEncoding Encoding => _frames.Count > 0 ? _frames[^1].Encoding : _encoding;

    /// <summary>True when the current element's whole value is in <see cref="Value"/>.</summary>
    public bool IsValueLoaded => _value != null;

    /// <summary>The current element's value (little endian) when <see cref="IsValueLoaded"/>.</summary>
    public ReadOnlyMemory<byte> Value => _value ?? throw new InvalidOperationException(
        $"the value of {Tag} ({Length} bytes) is above MaxInlineValueLength; use CopyValueToAsync or ReadValueAsync");

    /// <summary>Moves to the next token; false at the end of the Data Set. An unread large value is skipped.</summary>
    public async ValueTask<bool> ReadAsync(CancellationToken cancellationToken = default)
    {
        if (_remaining > 0) await SkipValueAsync(cancellationToken).ConfigureAwait(false);
        _value = null;
        _swapUnit = 1;
        if (_frames.Count > 0)
        {
            var top = _frames[^1];
            if (top.End >= 0 && Position >= top.End)
            {
                if (Position > top.End) throw Error("an element runs past the end of its sequence or item", "PS3.5 Section 7.5.1");
                _frames.RemoveAt(_frames.Count - 1);
                SetToken(top.Kind == FrameKind.Item ? DicomReaderToken.ItemEnd : DicomReaderToken.SequenceEnd,
                    top.Kind == FrameKind.Item ? DicomTag.ItemDelimitation : DicomTag.SequenceDelimitation, DicomVr.None, 0);
                return true;
            }
        }

        var encoding = Encoding;
        uint tag;
        DicomVr vr;
        uint length;
        while (true)
        {
            var result = await ReadPipeAsync(cancellationToken).ConfigureAwait(false);
            var buffer = result.Buffer;
            var status = ParseHeader(buffer, encoding, out tag, out vr, out length, out var consumed);
            if (status == DicomHeaderCodec.Status.Ok)
            {
                _pipe.AdvanceTo(buffer.GetPosition(consumed));
                Position += consumed;
                break;
            }
            if (status == DicomHeaderCodec.Status.UnknownVr)
            {
                Examined(buffer);
                throw Error("the Explicit VR header holds an unknown VR", "PS3.5 Section 7.1.2, Table 6.2-1", new DicomTag(tag));
            }
            if (result.IsCompleted)
            {
                // The end, or fewer than 8 zero bytes some writers leave after the last element.
                if (_frames.Count == 0 && IsZeroPadding(buffer))
                {
                    _pipe.AdvanceTo(buffer.End);
                    SetToken(DicomReaderToken.None, default, DicomVr.None, 0);
                    return false;
                }
                Examined(buffer);
                throw Error(_frames.Count > 0 ? "the Data Set ends inside a sequence or item" : "the Data Set ends inside an element header", "PS3.5 Section 7.1");
            }
            Examined(buffer);
        }

        var t = new DicomTag(tag);
        var undefined = length == DicomHeaderCodec.UndefinedLength;
        var frameKind = _frames.Count > 0 ? _frames[^1].Kind : (FrameKind?)null;
        if (t.Group == DicomHeaderCodec.ItemGroup)
        {
            if (ReadItemTag(t, length, undefined, frameKind, encoding))
                await BeginValueAsync(length, 1, cancellationToken).ConfigureAwait(false);
            return true;
        }
        if (frameKind is FrameKind.Sequence or FrameKind.Fragments)
            throw Error("a sequence may hold only Items", "PS3.5 Section 7.5", t);

        if (!encoding.ExplicitVr) vr = ImplicitVr(tag);
        if (vr == DicomVr.SQ || (undefined && vr == DicomVr.UN) || (undefined && !encoding.ExplicitVr && tag != PixelDataTag))
        {
            CheckDepth(t);
            var inner = vr == DicomVr.UN ? DicomEncoding.ImplicitLittle : encoding;
            _frames.Add(new Frame(FrameKind.Sequence, undefined ? -1 : Position + length, inner));
            SetToken(DicomReaderToken.SequenceStart, t, DicomVr.SQ, undefined ? -1 : length);
            return true;
        }
        if (undefined)
        {
            if (vr != DicomVr.OB && vr != DicomVr.OW)
                throw Error($"undefined length is not allowed for VR {DicomVrs.Code(vr)}", "PS3.5 Section 7.1.2", t);
            CheckDepth(t);
            _frames.Add(new Frame(FrameKind.Fragments, -1, encoding));
            SetToken(DicomReaderToken.FragmentsStart, t, vr, -1);
            return true;
        }
        SetToken(DicomReaderToken.Element, t, vr, length);
        await BeginValueAsync(length, encoding.BigEndian ? ByteSwap.UnitSize(vr) : 1, cancellationToken).ConfigureAwait(false);
        if (tag == PixelRepresentationTag && _value is { Length: 2 } pr) _pixelRepresentation = pr[0] | (pr[1] << 8);
        return true;
    }

    /// <summary>Handles Item and delimiter tags (PS3.5 Section 7.5); true when a fragment value follows.</summary>
    private bool ReadItemTag(DicomTag t, uint length, bool undefined, FrameKind? frameKind, DicomEncoding encoding)
    {
        if (t == DicomTag.Item)
        {
            if (frameKind == FrameKind.Sequence)
            {
                CheckDepth(t);
                _frames.Add(new Frame(FrameKind.Item, undefined ? -1 : Position + length, encoding));
                SetToken(DicomReaderToken.ItemStart, t, DicomVr.None, undefined ? -1 : length);
                return false;
            }
            if (frameKind == FrameKind.Fragments)
            {
                if (undefined) throw Error("an encapsulated fragment must have a defined length", "PS3.5 Section A.4", t);
                SetToken(DicomReaderToken.Fragment, t, DicomVr.OB, length);
                return true;
            }
            throw Error("an Item outside a sequence", "PS3.5 Section 7.5", t);
        }
        if (t == DicomTag.ItemDelimitation)
        {
            if (frameKind != FrameKind.Item || _frames[^1].End >= 0)
                throw Error("an Item Delimitation Item outside an item of undefined length", "PS3.5 Section 7.5.2", t);
            _frames.RemoveAt(_frames.Count - 1);
            SetToken(DicomReaderToken.ItemEnd, t, DicomVr.None, 0);
            return false;
        }
        if (t == DicomTag.SequenceDelimitation)
        {
            if (frameKind == FrameKind.Fragments)
            {
                _frames.RemoveAt(_frames.Count - 1);
                SetToken(DicomReaderToken.FragmentsEnd, t, DicomVr.None, 0);
                return false;
            }
            if (frameKind != FrameKind.Sequence || _frames[^1].End >= 0)
                throw Error("a Sequence Delimitation Item outside a sequence of undefined length", "PS3.5 Section 7.5.2", t);
            _frames.RemoveAt(_frames.Count - 1);
            SetToken(DicomReaderToken.SequenceEnd, t, DicomVr.None, 0);
            return false;
        }
        throw Error("an unknown tag in group FFFE", "PS3.5 Section 7.5", t);
    }

    private static DicomHeaderCodec.Status ParseHeader(ReadOnlySequence<byte> buffer, DicomEncoding encoding, out uint tag, out DicomVr vr, out uint length, out long consumed)
    {
        var reader = new SequenceReader<byte>(buffer);
        var status = DicomHeaderCodec.TryRead(ref reader, encoding, out tag, out vr, out length);
        consumed = reader.Consumed;
        return status;
    }

    private static bool IsZeroPadding(ReadOnlySequence<byte> buffer)
    {
        foreach (var segment in buffer)
            if (segment.Span.IndexOfAnyExcept((byte)0) >= 0) return false;
        return true;
    }

    /// <summary>Implicit VR: the dictionary's VR (PS3.5 Section 7.1.3); group length UL (Section 7.2);
    /// private creator LO (Section 7.8.1); OW where the dictionary says "OB or OW" (Section A.1); SS for
    /// "US or SS" after Pixel Representation (0028,0103) = 1 (two's complement, PS3.3 Section C.7.6.3); else UN.</summary>
    private DicomVr ImplicitVr(uint tag)
    {
        var element = (ushort)tag;
        if (element == 0) return DicomVr.UL;
        if ((tag & 0x00010000) != 0) return element is >= 0x0010 and <= 0x00FF ? DicomVr.LO : DicomVr.UN;
        if (!DicomDictionary.TryLookup(tag, out var entry) || entry.Vrs.Count == 0) return DicomVr.UN;
        if (entry.Vrs.Count > 1)
        {
            if (entry.Vrs.Contains(DicomVr.OW) && entry.Vrs.Contains(DicomVr.OB)) return DicomVr.OW;
            if (entry.Vrs.Contains(DicomVr.SS) && entry.Vrs.Contains(DicomVr.US)) return _pixelRepresentation == 1 ? DicomVr.SS : DicomVr.US;
        }
        return entry.Vr;
    }

    private void CheckDepth(DicomTag tag)
    {
        if (_frames.Count >= _options.MaxDepth * 2)
            throw Error($"sequences nest deeper than {_options.MaxDepth}", "DicomReaderOptions.MaxDepth", tag);
    }

    private void SetToken(DicomReaderToken token, DicomTag tag, DicomVr vr, long length)
    {
        Token = token;
        Tag = tag;
        Vr = vr;
        Length = length;
    }

    private async ValueTask BeginValueAsync(long length, int swapUnit, CancellationToken cancellationToken)
    {
        _remaining = length;
        _swapUnit = swapUnit;
        if (length > _options.MaxInlineValueLength) return;
        _value = await LoadAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reads the rest of the value into an array. Above 1 MB the array grows with the data actually
    /// received, so a hostile length field cannot make us allocate memory the input does not contain.</summary>
    private async ValueTask<byte[]> LoadAsync(CancellationToken cancellationToken)
    {
        if (_remaining <= 1024 * 1024)
        {
            var value = new byte[_remaining];
            var filled = 0;
            while (filled < value.Length) filled += await ReadValueAsync(value.AsMemory(filled), cancellationToken).ConfigureAwait(false);
            return value;
        }
        using var grown = new MemoryStream();
        await CopyValueToAsync(grown, cancellationToken).ConfigureAwait(false);
        return grown.ToArray();
    }

    /// <summary>Reads the next bytes of the current value (little endian); 0 at its end. With a big endian
    /// transfer syntax, <paramref name="destination"/> must hold at least one value (e.g. 8 bytes).</summary>
    public async ValueTask<int> ReadValueAsync(Memory<byte> destination, CancellationToken cancellationToken = default)
    {
        if (_remaining == 0 || destination.Length == 0) return 0;
        var unit = _swapUnit;
        while (true)
        {
            var result = await ReadPipeAsync(cancellationToken).ConfigureAwait(false);
            var buffer = result.Buffer;
            var n = (int)Math.Min(Math.Min(destination.Length, _remaining), buffer.Length);
            if (unit > 1 && n < _remaining) n -= n % unit;
            if (n > 0)
            {
                buffer.Slice(0, n).CopyTo(destination.Span);
                if (unit > 1) ByteSwap.InPlace(destination.Span.Slice(0, n), unit);
                _pipe.AdvanceTo(buffer.GetPosition(n));
                Position += n;
                _remaining -= n;
                return n;
            }
            Examined(buffer);
            if (result.IsCompleted) throw Error($"the Data Set ends {_remaining} bytes before the end of the value", "PS3.5 Section 7.1", Tag);
            // A buffer that holds the whole rest of the value is enough even when shorter than one unit (a value whose
            // length is not a multiple of its VR's size ends in a partial unit); wait for the rest to arrive.
            if (destination.Length < unit && destination.Length < _remaining)
                throw new ArgumentException($"the buffer must hold at least {unit} bytes", nameof(destination));
        }
    }

    /// <summary>Copies the rest of the current value (little endian) to <paramref name="destination"/> in chunks.</summary>
    public async ValueTask CopyValueToAsync(Stream destination, CancellationToken cancellationToken = default)
    {
        if (_value != null)
        {
            await destination.WriteAsync(_value, cancellationToken).ConfigureAwait(false);
            return;
        }
        var chunk = ArrayPool<byte>.Shared.Rent(64 * 1024);
        try
        {
            int n;
            while ((n = await ReadValueAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
                await destination.WriteAsync(chunk.AsMemory(0, n), cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }
    }

    /// <summary>The whole current value in memory, even when it is above the inline limit.</summary>
    public async ValueTask<byte[]> ReadValueToArrayAsync(CancellationToken cancellationToken = default)
    {
        if (_value != null) return _value;
        if (_remaining > Array.MaxLength) throw Error("the value is too large for one array", "DicomReaderOptions.MaxInlineValueLength", Tag);
        _value = await LoadAsync(cancellationToken).ConfigureAwait(false);
        return _value;
    }

    /// <summary>Bytes of the current value not yet read.</summary>
    public long RemainingValueLength => _remaining;

    private async ValueTask SkipValueAsync(CancellationToken cancellationToken)
    {
        while (_remaining > 0)
        {
            var result = await ReadPipeAsync(cancellationToken).ConfigureAwait(false);
            var n = Math.Min(_remaining, result.Buffer.Length);
            _pipe.AdvanceTo(result.Buffer.GetPosition(n));
            Position += n;
            _remaining -= n;
            if (n == 0 && result.IsCompleted) throw Error("the Data Set ends inside a value", "PS3.5 Section 7.1", Tag);
        }
    }

    /// <summary>Reads the pipe; a corrupt deflate stream becomes a typed error (PS3.5 Section A.5).</summary>
    private ValueTask<ReadResult> ReadPipeAsync(CancellationToken cancellationToken)
    {
        // Fast path: data already buffered and not yet examined needs no await (most elements of a PDV or file).
        if (!_needMore && _pipe.TryRead(out var buffered))
        {
            if (!buffered.Buffer.IsEmpty || buffered.IsCompleted) return new ValueTask<ReadResult>(buffered);
            _pipe.AdvanceTo(buffered.Buffer.Start);
        }
        _needMore = false;
        return ReadPipeSlowAsync(cancellationToken);
    }

    /// <summary>Marks the whole buffer examined: the next read must wait for more data.</summary>
    private void Examined(ReadOnlySequence<byte> buffer)
    {
        _pipe.AdvanceTo(buffer.Start, buffer.End);
        _needMore = true;
    }

    private async ValueTask<ReadResult> ReadPipeSlowAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await _pipe.ReadAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (InvalidDataException e)
        {
            throw Error("the deflated Data Set is corrupt: " + e.Message, "PS3.5 Section A.5");
        }
    }

    private DicomDataException Error(string message, string rule, DicomTag? tag = null) => new(message, tag ?? Tag, Position, rule);

    public async ValueTask DisposeAsync()
    {
        if (_completePipe) await _pipe.CompleteAsync().ConfigureAwait(false);
        if (_ownedStream != null) await _ownedStream.DisposeAsync().ConfigureAwait(false);
    }
}
