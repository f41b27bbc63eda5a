using System.Buffers;

namespace DicomSpecGen.Fuzz;

/// <summary>Splits bytes into a multi-segment sequence, as a pipe delivers them from several socket reads.</summary>
public static class Segments
{
    public static ReadOnlySequence<byte> Split(byte[] bytes, int size)
    {
        if (bytes.Length <= size) return new ReadOnlySequence<byte>(bytes);
        var first = new Segment(bytes.AsMemory(0, size), 0);
        var last = first;
        for (var at = size; at < bytes.Length; at += size) last = last.Append(bytes.AsMemory(at, Math.Min(size, bytes.Length - at)));
        return new ReadOnlySequence<byte>(first, 0, last, last.Memory.Length);
    }

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(ReadOnlyMemory<byte> memory, long runningIndex)
        {
            Memory = memory;
            RunningIndex = runningIndex;
        }

        public Segment Append(ReadOnlyMemory<byte> memory)
        {
            var next = new Segment(memory, RunningIndex + Memory.Length);
            Next = next;
            return next;
        }
    }
}
