using System.Buffers;

namespace DicomSpecGen.Transport;

/// <summary>An <see cref="IBufferWriter{T}"/> over one array rented for an encoded PDU of known size, so a PDU is
/// encoded once into memory the socket writer later returns to the pool.</summary>
internal sealed class PooledPduBuffer : IBufferWriter<byte>
{
    public PooledPduBuffer(int size) => Array = ArrayPool<byte>.Shared.Rent(Math.Max(size, 16));

    public byte[] Array { get; private set; }

    public int Length { get; private set; }

    public void Advance(int count) => Length += count;

    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        Ensure(sizeHint);
        return Array.AsMemory(Length);
    }

    public Span<byte> GetSpan(int sizeHint = 0)
    {
        Ensure(sizeHint);
        return Array.AsSpan(Length);
    }

    private void Ensure(int sizeHint)
    {
        if (Array.Length - Length >= Math.Max(sizeHint, 1)) return;
        var bigger = ArrayPool<byte>.Shared.Rent(Math.Max(Array.Length * 2, Length + sizeHint));
        Array.AsSpan(0, Length).CopyTo(bigger);
        ArrayPool<byte>.Shared.Return(Array);
        Array = bigger;
    }

    public void Return() => ArrayPool<byte>.Shared.Return(Array);
}
