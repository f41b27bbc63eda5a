using System.Buffers;
using System.Net.Sockets;
using DicomSpecGen.Protocol;

namespace DicomSpecGen.Runtime.Tests.Association;

/// <summary>Whole PDUs on a raw socket, for tests that play a peer byte by byte.</summary>
internal static class RawPdu
{
    public static byte[] Encode(Protocol.Pdu pdu)
    {
        var buffer = new ArrayBufferWriter<byte>();
        pdu.Write(buffer);
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Reads one PDU (header, then its length), within 10 s.</summary>
    public static async Task<Protocol.Pdu> ReadAsync(NetworkStream stream)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var header = new byte[PduFraming.HeaderLength];
        await stream.ReadExactlyAsync(header, cts.Token);
        PduFraming.TryReadHeader(new ReadOnlySequence<byte>(header), out _, out var length);
        var pdu = new byte[header.Length + length];
        header.CopyTo(pdu, 0);
        await stream.ReadExactlyAsync(pdu.AsMemory(header.Length), cts.Token);
        return Protocol.Pdu.Read(new ReadOnlySequence<byte>(pdu));
    }
}
