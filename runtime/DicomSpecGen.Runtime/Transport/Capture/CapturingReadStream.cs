namespace DicomSpecGen.Transport.Capture;

/// <summary>The read side of the connection's stream with a tap: every byte read (and the end of the stream) is
/// reported to the capture before the framing code sees it. Writes are not expected through it.</summary>
internal sealed class CapturingReadStream(Stream inner, IConnectionCapture capture) : ForwardReadStream
{
    public override int Read(Span<byte> buffer) => Tap(buffer, inner.Read(buffer));

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var read = await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        return Tap(buffer.Span, read);
    }

    private int Tap(Span<byte> buffer, int read)
    {
        if (read > 0) capture.Data(PduDirection.Received, buffer[..read]);
        else if (buffer.Length > 0) capture.Closed(PduDirection.Received);
        return read;
    }
}
