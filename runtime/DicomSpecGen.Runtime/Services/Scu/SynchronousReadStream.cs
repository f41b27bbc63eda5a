namespace DicomSpecGen.Services.Scu;

/// <summary>A read-only view of a file stream whose asynchronous reads run synchronously on the caller's thread. A
/// <see cref="FileStream"/> opened without <see cref="FileOptions.Asynchronous"/> hands each ReadAsync to the thread
/// pool and resumes there: a thread switch per read, which on a sending SCU costs more than the read of cached file
/// bytes itself (measured: the SCU's voluntary context switches per C-STORE).</summary>
internal sealed class SynchronousReadStream(Stream inner) : Stream
{
    public override bool CanRead => true;

    public override bool CanSeek => inner.CanSeek;

    public override bool CanWrite => false;

    public override long Length => inner.Length;

    public override long Position
    {
        get => inner.Position;
        set => inner.Position = value;
    }

    public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);

    public override int Read(Span<byte> buffer) => inner.Read(buffer);

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return new ValueTask<int>(inner.Read(buffer.Span));
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        => ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override long Seek(long offset, SeekOrigin origin) => inner.Seek(offset, origin);

    public override void Flush()
    {
    }

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing) inner.Dispose();
        base.Dispose(disposing);
    }

    public override ValueTask DisposeAsync() => inner.DisposeAsync();

    /// <summary>A file opened for reading, unbuffered (the reader above buffers). No SequentialScan hint: one
    /// fadvise call per file, and the kernel's read-ahead already follows a sequential reader.</summary>
    public static SynchronousReadStream OpenFile(string path)
        => new(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.None));
}
