using System.Buffers;

namespace DicomSpecGen.Association;

/// <summary>One presentation data value received, copied out of the receive buffer into a pooled array.</summary>
/// <remarks>PS3.8 9.3.5.1 (presentation data value item); PS3.8 E.2 (message control header)</remarks>
public readonly record struct ReceivedPdv(byte PresentationContextId, bool IsCommand, bool IsLast, byte[] Buffer, int Length)
{
    public ReadOnlyMemory<byte> Data => Buffer.AsMemory(0, Length);
}

/// <summary>The PDVs of one received P-DATA-TF PDU (the P-DATA indication). Dispose it when consumed: its
/// buffers go back to the pool and the reader may take the next PDU (which bounds memory).</summary>
public sealed class ReceivedPData : IDisposable
{
    private Action? _release;

    internal ReceivedPData(List<ReceivedPdv> values) => Values = values;

    public IReadOnlyList<ReceivedPdv> Values { get; }

    internal bool Delivered { get; set; }

    internal void OnRelease(Action release) => _release = release;

    public void Dispose()
    {
        var release = Interlocked.Exchange(ref _release, null);
        if (release == null) return;
        foreach (var v in Values) ArrayPool<byte>.Shared.Return(v.Buffer);
        release();
    }

    internal static ReceivedPData CopyFrom(Protocol.PDataTf pdu)
    {
        var values = new List<ReceivedPdv>(pdu.Values.Count);
        foreach (var pdv in pdu.Values)
        {
            var length = checked((int)pdv.Fragment.Length);
            var buffer = ArrayPool<byte>.Shared.Rent(Math.Max(length, 1));
            pdv.Fragment.CopyTo(buffer);
            var flags = pdv.MessageControlHeader;
            values.Add(new ReceivedPdv(pdv.PresentationContextId, flags.HasFlag(Protocol.MessageControlHeader.Command),
                flags.HasFlag(Protocol.MessageControlHeader.LastFragment), buffer, length));
        }
        return new ReceivedPData(values);
    }
}
