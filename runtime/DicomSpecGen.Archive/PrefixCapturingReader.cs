using System.Buffers;
using System.IO.Pipelines;

namespace DicomSpecGen.Archive;

/// <summary>Passes a data set through unchanged while keeping a copy of its first bytes (up to a limit), so the
/// index record can be parsed from memory instead of re-reading the file just written. The copy never grows past
/// the limit, whatever the object's size; it lives in a pooled array (no 64 KB allocated and cleared per store),
/// given back by <see cref="Dispose"/>.</summary>
internal sealed class PrefixCapturingReader(PipeReader inner, int limit) : PipeReader, IDisposable
{
    private byte[]? _prefix;
    private int _written;
    private ReadOnlySequence<byte> _last;

    /// <summary>The first bytes consumed from the data set (all of them unless <see cref="Truncated"/>); valid until
    /// <see cref="Dispose"/>.</summary>
    public ReadOnlyMemory<byte> Prefix => _prefix == null ? default : _prefix.AsMemory(0, _written);

    public void Dispose()
    {
        if (_prefix != null) ArrayPool<byte>.Shared.Return(_prefix);
        _prefix = null;
        _written = 0;
    }

    /// <summary>True when more bytes passed than the prefix holds.</summary>
    public bool Truncated { get; private set; }

    public override async ValueTask<ReadResult> ReadAsync(CancellationToken cancellationToken = default)
    {
        var result = await inner.ReadAsync(cancellationToken).ConfigureAwait(false);
        _last = result.Buffer;
        return result;
    }

    public override bool TryRead(out ReadResult result)
    {
        if (!inner.TryRead(out result)) return false;
        _last = result.Buffer;
        return true;
    }

    public override void AdvanceTo(SequencePosition consumed) => AdvanceTo(consumed, consumed);

    public override void AdvanceTo(SequencePosition consumed, SequencePosition examined)
    {
        Capture(_last.Slice(_last.Start, consumed));
        _last = default;
        inner.AdvanceTo(consumed, examined);
    }

    private void Capture(ReadOnlySequence<byte> consumed)
    {
        foreach (var segment in consumed)
        {
            var room = limit - _written;
            if (segment.Length > room) Truncated = true;
            if (room <= 0 || segment.Length == 0) continue;
            _prefix ??= ArrayPool<byte>.Shared.Rent(limit);
            var take = Math.Min(room, segment.Length);
            segment.Span[..take].CopyTo(_prefix.AsSpan(_written));
            _written += take;
        }
    }

    public override void CancelPendingRead() => inner.CancelPendingRead();

    public override void Complete(Exception? exception = null) => inner.Complete(exception);

    public override ValueTask CompleteAsync(Exception? exception = null) => inner.CompleteAsync(exception);
}
