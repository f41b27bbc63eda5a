using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using DicomSpecGen.Protocol;
using DicomSpecGen.Transport;
using DicomSpecGen.Transport.Capture;

namespace DicomSpecGen.Runtime.Tests.Pcap;

/// <summary><see cref="PcapFile"/>: the libpcap bytes it writes (file header, IP and TCP headers, checksums), the
/// sequence numbers per direction, segmentation of large writes; and the tap in <see cref="PduConnection"/>.</summary>
public class PcapFileTests
{
    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;
        public override DateTimeOffset GetUtcNow() => Now;
    }

    private sealed record Packet(long Micros, byte[] Ip, byte[] Tcp, byte[] Payload)
    {
        public int SrcPort => BinaryPrimitives.ReadUInt16BigEndian(Tcp);
        public uint Seq => BinaryPrimitives.ReadUInt32BigEndian(Tcp.AsSpan(4));
        public uint Ack => BinaryPrimitives.ReadUInt32BigEndian(Tcp.AsSpan(8));
        public byte Flags => Tcp[13];
    }

    /// <summary>Splits a capture into packets (IPv4 only), checking each record's lengths.</summary>
    private static List<Packet> Packets(byte[] file)
    {
        var packets = new List<Packet>();
        var at = 24;
        while (at < file.Length)
        {
            var seconds = BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(at));
            var micros = BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(at + 4));
            var included = (int)BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(at + 8));
            Assert.Equal((uint)included, BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(at + 12)));
            var data = file.AsSpan(at + 16, included);
            Assert.Equal(0x45, data[0]);
            Assert.Equal(included, BinaryPrimitives.ReadUInt16BigEndian(data[2..]));
            var tcpLength = (data[20 + 12] >> 4) * 4;
            packets.Add(new Packet(seconds * 1_000_000L + micros, data[..20].ToArray(), data.Slice(20, tcpLength).ToArray(), data[(20 + tcpLength)..].ToArray()));
            at += 16 + included;
        }
        Assert.Equal(file.Length, at);
        return packets;
    }

    /// <summary>RFC 1071: the ones' complement sum over data including a correct checksum is 0xFFFF.</summary>
    private static int OnesSum(params byte[][] parts)
    {
        long sum = 0;
        foreach (var bytes in parts)
            for (var i = 0; i < bytes.Length; i += 2) sum += (bytes[i] << 8) | (i + 1 < bytes.Length ? bytes[i + 1] : 0);
        while (sum > 0xffff) sum = (sum & 0xffff) + (sum >> 16);
        return (int)sum;
    }

    private const byte Fin = 0x01, Syn = 0x02, Psh = 0x08, AckFlag = 0x10;

    [Fact]
    public void File_header_is_libpcap_2_4_microseconds_raw_ip()
    {
        using var stream = new MemoryStream();
        using (new PcapFile(stream, leaveOpen: true)) { }
        Assert.Equal(Convert.FromHexString("D4C3B2A1" + "0200" + "0400" + "00000000" + "00000000" + "00000400" + "65000000"), stream.ToArray());
    }

    [Fact]
    public void A_connection_is_a_tcp_stream_with_handshake_sequence_numbers_per_direction_and_fins()
    {
        using var stream = new MemoryStream();
        var clock = new FixedClock(DateTimeOffset.FromUnixTimeSeconds(1_800_000_000).AddTicks(1234_5670));
        var large = new byte[150_000];
        new Random(7).NextBytes(large);
        using (var pcap = new PcapFile(stream, clock, leaveOpen: true))
        {
            // We connected from 127.0.0.1:40000 to 127.0.0.2:104.
            using var flow = pcap.Open(new IPEndPoint(IPAddress.Parse("127.0.0.1"), 40000), new IPEndPoint(IPAddress.Parse("127.0.0.2"), 104), weConnected: true);
            flow.Data(PduDirection.Sent, new byte[10]);
            clock.Now = clock.Now.AddSeconds(1);
            flow.Data(PduDirection.Received, [1, 2, 3, 4, 5]);
            // Longer than one IPv4 packet can carry: split at 65495 bytes.
            flow.Data(PduDirection.Sent, large);
            flow.Closed(PduDirection.Received);
        }
        var p = Packets(stream.ToArray());
        Assert.Equal(11, p.Count);

        uint client = 1_000_000, server = 2_000_000;
        Assert.Equal((40000, Syn, client), (p[0].SrcPort, p[0].Flags, p[0].Seq));
        Assert.Equal((104, (byte)(Syn | AckFlag), server, client + 1), (p[1].SrcPort, p[1].Flags, p[1].Seq, p[1].Ack));
        Assert.Equal((40000, AckFlag, client + 1, server + 1), (p[2].SrcPort, p[2].Flags, p[2].Seq, p[2].Ack));
        // SYNs carry MSS 65495 and window scale 14.
        Assert.Equal(Convert.FromHexString("0204FFD7" + "0103030E"), p[0].Tcp[20..]);

        Assert.Equal((40000, (byte)(Psh | AckFlag), client + 1, server + 1, 10), (p[3].SrcPort, p[3].Flags, p[3].Seq, p[3].Ack, p[3].Payload.Length));
        Assert.Equal((104, server + 1, client + 11), (p[4].SrcPort, p[4].Seq, p[4].Ack));
        Assert.Equal(new byte[] { 1, 2, 3, 4, 5 }, p[4].Payload);
        Assert.Equal([65495, 65495, 19010], p[5..8].Select(x => x.Payload.Length));
        Assert.Equal([client + 11, client + 11 + 65495, client + 11 + 2 * 65495], p[5..8].Select(x => x.Seq));
        Assert.Equal(large, p[5..8].SelectMany(x => x.Payload));
        Assert.All(p[5..8], x => Assert.Equal(server + 6, x.Ack));

        // The peer closed first; on dispose our FIN follows and the peer acknowledges it.
        uint clientEnd = client + 11 + 150_000;
        Assert.Equal((104, (byte)(Fin | AckFlag), server + 6, clientEnd), (p[8].SrcPort, p[8].Flags, p[8].Seq, p[8].Ack));
        Assert.Equal((40000, (byte)(Fin | AckFlag), clientEnd, server + 7), (p[9].SrcPort, p[9].Flags, p[9].Seq, p[9].Ack));
        Assert.Equal((104, AckFlag, server + 7, clientEnd + 1), (p[10].SrcPort, p[10].Flags, p[10].Seq, p[10].Ack));

        // 12 345 670 ticks = 1.234567 s: microsecond resolution.
        Assert.Equal(1_800_000_001L * 1_000_000 + 234_567, p[0].Micros);
        Assert.Equal(p[0].Micros + 1_000_000, p[4].Micros);
        foreach (var x in p)
        {
            Assert.Equal(0xffff, OnesSum(x.Ip));
            Assert.Equal((6, 64), (x.Ip[9], x.Ip[8]));
            var (src, dst) = (x.Ip[12..16], x.Ip[16..20]);
            Assert.Equal(x.SrcPort == 40000 ? new byte[] { 127, 0, 0, 1 } : new byte[] { 127, 0, 0, 2 }, src);
            var length = (ushort)(x.Tcp.Length + x.Payload.Length);
            Assert.Equal(0xffff, OnesSum(src, dst, [0, 6, (byte)(length >> 8), (byte)length], x.Tcp, x.Payload));
        }
    }

    [Fact]
    public void The_accepting_side_is_the_server_and_one_connection_seen_from_both_ends_is_written_once()
    {
        using var stream = new MemoryStream();
        using (var pcap = new PcapFile(stream, leaveOpen: true))
        {
            var scu = new IPEndPoint(IPAddress.Loopback, 50000);
            var scp = new IPEndPoint(IPAddress.Parse("::ffff:127.0.0.1"), 11112);
            using var accepted = pcap.Open(scp, new IPEndPoint(IPAddress.Parse("::ffff:127.0.0.1"), 50000), weConnected: false);
            using var connected = pcap.Open(scu, new IPEndPoint(IPAddress.Loopback, 11112), weConnected: true);
            accepted.Data(PduDirection.Sent, [7]);
            connected.Data(PduDirection.Received, [7]);
        }
        var p = Packets(stream.ToArray());
        // Handshake, one data packet from the server, two FINs and an ACK; IPv4-mapped addresses written as IPv4.
        Assert.Equal([50000, 11112, 50000, 11112, 11112, 50000, 11112], p.Select(x => x.SrcPort));
        Assert.Equal(new byte[] { 7 }, p[3].Payload);
    }

    [Fact]
    public async Task The_connection_tap_records_both_directions_and_an_abort_in_order()
    {
        using var stream = new MemoryStream();
        using var pcap = new PcapFile(stream, leaveOpen: true);
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            var accept = listener.AcceptSocketAsync();
            var ours = await PduConnection.ConnectAsync("127.0.0.1", ((IPEndPoint)listener.LocalEndpoint).Port, new TransportOptions { Capture = pcap }, CancellationToken.None);
            using var peer = await accept;
            Assert.True(ours.Send(new AReleaseRq()));
            var request = new byte[10];
            Assert.Equal(10, await peer.ReceiveAsync(request));
            // The peer aborts and closes: the A-ABORT is read, then the end of the stream.
            var abort = new AAbort { Source = AbortSource.ServiceProvider, Reason = AbortReason.UnexpectedPdu };
            var abortBytes = new PooledPduBuffer(abort.GetEncodedLength());
            abort.Write(abortBytes);
            await peer.SendAsync(abortBytes.Array.AsMemory(0, abortBytes.Length));
            peer.Shutdown(SocketShutdown.Both);
            Assert.IsType<AAbort>(await ours.ReadAsync(CancellationToken.None));
            Assert.Null(await ours.ReadAsync(CancellationToken.None));
            await ours.DisposeAsync();

            var p = Packets(stream.ToArray());
            var data = p.Where(x => x.Payload.Length > 0).ToList();
            Assert.Equal(2, data.Count);
            Assert.Equal(request, data[0].Payload);
            Assert.Equal(abortBytes.Array.AsSpan(0, abortBytes.Length).ToArray(), data[1].Payload);
            abortBytes.Return();
            // The peer's FIN (end of stream read), then ours, then the last ACK.
            Assert.Equal([(byte)(Fin | AckFlag), (byte)(Fin | AckFlag), AckFlag], p.Skip(5).Select(x => x.Flags));
            Assert.Equal(data[1].SrcPort, p[5].SrcPort);
        }
        finally
        {
            listener.Stop();
        }
    }

    private sealed class FullDisk(int room) : MemoryStream
    {
        public override void Write(ReadOnlySpan<byte> buffer)
        {
            if (Length + buffer.Length > room) throw new IOException("No space left on device");
            base.Write(buffer);
        }
    }

    [Fact]
    public void A_write_error_stops_the_capture_not_the_connection()
    {
        using var disk = new FullDisk(300);
        using var pcap = new PcapFile(disk, leaveOpen: true);
        using var flow = pcap.Open(new IPEndPoint(IPAddress.Loopback, 40000), new IPEndPoint(IPAddress.Loopback, 104), weConnected: true);
        Assert.Null(pcap.Failure);
        flow.Data(PduDirection.Sent, new byte[500]);
        Assert.IsType<IOException>(pcap.Failure);
        var written = disk.Length;
        flow.Data(PduDirection.Received, new byte[1]);
        flow.Dispose();
        Assert.Equal(written, disk.Length);
    }
}
