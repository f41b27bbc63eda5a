using System.Buffers;
using System.IO.Pipelines;
using System.Runtime.CompilerServices;
using DicomSpecGen.Protocol;

namespace DicomSpecGen.Dimse;

/// <summary>Splits a DIMSE message into PDVs no longer than the peer accepts: the command set into
/// command fragments, then the data set, read as a stream, into data fragments. Only two fragment
/// buffers are held, whatever the size of the data set.</summary>
/// <remarks>PS3.8 Annex E.1 (2013): one fragment per PDV, same presentation context for every fragment,
/// even-length fragments, the last fragment of the command and of the data set marked.</remarks>
public sealed class DimseFragmenter
{
    public DimseFragmenter(DimseFragmenterOptions options)
    {
        Options = options;
        MaxFragmentLength = PdvLayout.MaxFragmentLength(options.PeerMaxPduLength, options.UnlimitedFragmentLength);
    }

    public DimseFragmenterOptions Options { get; }

    /// <summary>The longest fragment this fragmenter puts in one PDV (even).</summary>
    public int MaxFragmentLength { get; }

    /// <summary>The command fragments of an encoded command set; the last one has IsLast set.</summary>
    public IEnumerable<PdvFragment> FragmentCommand(byte presentationContextId, ReadOnlyMemory<byte> commandSet)
    {
        if (commandSet.Length == 0) throw new ArgumentException("a command set is never empty (PS3.7 6.3)", nameof(commandSet));
        return Fragment(presentationContextId, true, commandSet);
    }

    /// <summary>The data fragments of a data set held in memory; the last one has IsLast set. An empty data set gives
    /// one empty last fragment, as the stream overload does.</summary>
    public IEnumerable<PdvFragment> FragmentDataSet(byte presentationContextId, ReadOnlyMemory<byte> dataSet)
        => Fragment(presentationContextId, false, dataSet);

    private IEnumerable<PdvFragment> Fragment(byte presentationContextId, bool isCommand, ReadOnlyMemory<byte> bytes)
    {
        for (var offset = 0; ; offset += MaxFragmentLength)
        {
            var length = Math.Min(MaxFragmentLength, bytes.Length - offset);
            var last = offset + length == bytes.Length;
            yield return new PdvFragment(presentationContextId, isCommand, last, bytes.Slice(offset, length));
            if (last) yield break;
        }
    }

    /// <summary>The data fragments of a data set read from <paramref name="dataSet"/>. A fragment's payload is
    /// valid until the next fragment is requested (the two buffers are reused). An empty stream gives one
    /// empty last fragment.</summary>
    /// <remarks>Reads whole fragments in chunks of about <see cref="ReadChunkBytes"/> (less when a seekable stream has
    /// less left): a few large reads per megabyte, which a <see cref="BufferedStream"/> as large passes straight to the
    /// file, and each fragment a slice of the chunk it was read into, so no copy between a read buffer and a fragment
    /// buffer. Two chunks are held, whatever the size of the data set.</remarks>
    public async IAsyncEnumerable<PdvFragment> FragmentDataSetAsync(byte presentationContextId, Stream dataSet,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var fragments = Math.Max(1, (ReadChunkBytes + MaxFragmentLength - 1) / MaxFragmentLength);
        if (dataSet.CanSeek)
        {
            var left = Math.Max(0, dataSet.Length - dataSet.Position);
            fragments = (int)Math.Clamp((left + MaxFragmentLength) / MaxFragmentLength, 1, fragments);
        }
        var chunk = fragments * MaxFragmentLength;
        var current = ArrayPool<byte>.Shared.Rent(chunk);
        var next = ArrayPool<byte>.Shared.Rent(chunk);
        try
        {
            var currentLength = await FillAsync(dataSet, current, chunk, cancellationToken).ConfigureAwait(false);
            while (true)
            {
                // A full chunk ends the data set only if nothing follows: look one chunk ahead.
                var nextLength = currentLength < chunk ? 0 : await FillAsync(dataSet, next, chunk, cancellationToken).ConfigureAwait(false);
                for (var offset = 0; ; offset += MaxFragmentLength)
                {
                    var length = Math.Min(MaxFragmentLength, currentLength - offset);
                    var last = offset + length == currentLength;
                    yield return new PdvFragment(presentationContextId, false, last && nextLength == 0, current.AsMemory(offset, length));
                    if (last) break;
                }
                if (nextLength == 0) yield break;
                (current, next) = (next, current);
                currentLength = nextLength;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(current);
            ArrayPool<byte>.Shared.Return(next);
        }
    }

    /// <summary>About how many bytes <see cref="FragmentDataSetAsync(byte, Stream, CancellationToken)"/> reads at once.</summary>
    public const int ReadChunkBytes = 256 * 1024;

    /// <summary>The data fragments of a data set read from a pipe; as for the stream overload, a payload is
    /// valid until the next fragment is requested.</summary>
    public async IAsyncEnumerable<PdvFragment> FragmentDataSetAsync(byte presentationContextId, PipeReader dataSet,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var fragment = ArrayPool<byte>.Shared.Rent(MaxFragmentLength);
        try
        {
            var sentAny = false;
            while (true)
            {
                var result = await dataSet.ReadAsync(cancellationToken).ConfigureAwait(false);
                var buffer = result.Buffer;
                // Send full fragments while more than one fragment's worth is buffered; the rest waits
                // until more data or the end shows whether it is the last fragment.
                while (buffer.Length > MaxFragmentLength || (result.IsCompleted && (buffer.Length > 0 || !sentAny)))
                {
                    var length = (int)Math.Min(buffer.Length, MaxFragmentLength);
                    var isLast = result.IsCompleted && buffer.Length == length;
                    buffer.Slice(0, length).CopyTo(fragment);
                    buffer = buffer.Slice(length);
                    sentAny = true;
                    yield return new PdvFragment(presentationContextId, false, isLast, fragment.AsMemory(0, length));
                    if (isLast)
                    {
                        dataSet.AdvanceTo(buffer.End);
                        yield break;
                    }
                }
                dataSet.AdvanceTo(buffer.Start, buffer.End);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(fragment);
        }
    }

    /// <summary>Encodes <paramref name="message"/> and sends its command fragments, then, when it has a data
    /// set, the data fragments of <paramref name="dataSet"/>, each through <paramref name="send"/>.</summary>
    public async Task SendAsync(byte presentationContextId, DimseMessage message, Stream? dataSet,
        Func<PdvFragment, CancellationToken, ValueTask> send, CancellationToken cancellationToken = default)
    {
        await SendCommandAsync(presentationContextId, message, dataSet != null, send, cancellationToken).ConfigureAwait(false);
        if (dataSet == null) return;
        await foreach (var pdv in FragmentDataSetAsync(presentationContextId, dataSet, cancellationToken).ConfigureAwait(false))
        {
            await send(pdv, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>As <see cref="SendAsync(byte, DimseMessage, Stream?, Func{PdvFragment, CancellationToken, ValueTask}, CancellationToken)"/>,
    /// with the data set read from a pipe.</summary>
    public async Task SendAsync(byte presentationContextId, DimseMessage message, PipeReader? dataSet,
        Func<PdvFragment, CancellationToken, ValueTask> send, CancellationToken cancellationToken = default)
    {
        await SendCommandAsync(presentationContextId, message, dataSet != null, send, cancellationToken).ConfigureAwait(false);
        if (dataSet == null) return;
        await foreach (var pdv in FragmentDataSetAsync(presentationContextId, dataSet, cancellationToken).ConfigureAwait(false))
        {
            await send(pdv, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task SendCommandAsync(byte presentationContextId, DimseMessage message, bool hasDataSet,
        Func<PdvFragment, CancellationToken, ValueTask> send, CancellationToken cancellationToken)
    {
        // Command Data Set Type (0000,0800) announces whether data PDVs follow (PS3.7 Table E.1-1).
        if (message.HasDataSet != hasDataSet)
        {
            throw new ArgumentException(message.HasDataSet
                ? $"{message.Title} announces a data set (Command Data Set Type) but none was given"
                : $"{message.Title} announces no data set (Command Data Set Type 0101H) but one was given", "dataSet");
        }
        var commandSet = message.ToArray();
        foreach (var pdv in FragmentCommand(presentationContextId, commandSet))
        {
            await send(pdv, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>A P-DATA-TF PDU carrying one PDV; with one PDV per PDU each stays within the peer's limit.</summary>
    /// <remarks>PS3.8 Table 9-22 (2013)</remarks>
    public static PDataTf ToPDataTf(PdvFragment pdv) => new() { Values = [pdv.ToPresentationDataValue()] };

    private static ValueTask<int> FillAsync(Stream stream, byte[] buffer, int length, CancellationToken cancellationToken)
        => stream.ReadAtLeastAsync(buffer.AsMemory(0, length), length, throwOnEndOfStream: false, cancellationToken);
}
