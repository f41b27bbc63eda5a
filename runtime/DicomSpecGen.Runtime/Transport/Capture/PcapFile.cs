using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;

namespace DicomSpecGen.Transport.Capture;

/// <summary>Writes the connections of a transport as a classic libpcap file that Wireshark and tshark read: each
/// connection becomes one TCP stream with synthetic IPv4 (or IPv6) and TCP headers around the bytes that crossed the
/// socket, opened with SYN / SYN-ACK / ACK and closed with FINs, sequence and acknowledgement numbers advancing per
/// direction and valid checksums. Every connection of the process may share one file (each is its own TCP stream,
/// told apart by its ports). The file is flushed when a connection ends, so an aborted association is complete on disk.</summary>
/// <remarks>Format: libpcap 2.4 with microsecond timestamps, link type LINKTYPE_RAW (101, the packet starts with the IP
/// header). Under TLS the capture holds the plaintext PDUs as if they had been sent in clear.</remarks>
public sealed class PcapFile : IConnectionCaptureSink, IDisposable
{
    /// <summary>The libpcap link type of the packets: raw IP, no link-layer header.</summary>
    public const uint LinkTypeRaw = 101;

    /// <summary>The largest TCP payload per packet: an IPv4 packet's total length (16 bits) less 40 bytes of headers.</summary>
    public const int MaxSegment = 65535 - 40;

    private const uint SnapLength = 262144;
    private readonly Stream _stream;
    private readonly bool _leaveOpen;
    private readonly TimeProvider _clock;
    private readonly object _gate = new();
    private bool _disposed;

    /// <summary>The first error writing the file (a full disk, say); capturing then stops, the connections go on.</summary>
    public Exception? Failure { get; private set; }

    /// <summary>Runs a write of the file (under the gate); an I/O error stops the capture instead of the connection.</summary>
    private void Guarded(Action write)
    {
        if (_disposed || Failure != null) return;
        try
        {
            write();
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or NotSupportedException)
        {
            Failure = e;
        }
    }

    /// <summary>Creates (or replaces) <paramref name="path"/> and writes the file header.</summary>
    public PcapFile(string path, TimeProvider? clock = null)
        : this(new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read, 64 * 1024), clock, leaveOpen: false)
    {
    }

    public PcapFile(Stream stream, TimeProvider? clock = null, bool leaveOpen = false)
    {
        _stream = stream;
        _leaveOpen = leaveOpen;
        _clock = clock ?? TimeProvider.System;
        Span<byte> header = stackalloc byte[24];
        BinaryPrimitives.WriteUInt32LittleEndian(header, 0xa1b2c3d4);
        BinaryPrimitives.WriteUInt16LittleEndian(header[4..], 2);
        BinaryPrimitives.WriteUInt16LittleEndian(header[6..], 4);
        // thiszone and sigfigs stay 0.
        BinaryPrimitives.WriteUInt32LittleEndian(header[16..], SnapLength);
        BinaryPrimitives.WriteUInt32LittleEndian(header[20..], LinkTypeRaw);
        _stream.Write(header);
        _stream.Flush();
    }

    /// <summary>Starts the connection's TCP stream with its handshake. When both ends of one connection are in this
    /// process (a loopback demo) the second end to open it gets a capture that records nothing: one copy is enough.</summary>
    public IConnectionCapture Open(IPEndPoint local, IPEndPoint remote, bool weConnected)
    {
        var (client, server) = weConnected ? (local, remote) : (remote, local);
        var key = (Key(client), Key(server));
        lock (_gate)
        {
            if (!_open.Add(key)) return Ignored.Instance;
        }
        var flow = new Flow(this, client, server, weConnected, () => _open.Remove(key));
        flow.Handshake();
        return flow;
    }

    private readonly HashSet<(string Client, string Server)> _open = [];

    private static string Key(IPEndPoint endPoint) => new IPEndPoint(Plain(endPoint.Address), endPoint.Port).ToString();

    private static IPAddress Plain(IPAddress address) => address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;

    private sealed class Ignored : IConnectionCapture
    {
        public static readonly Ignored Instance = new();
        public void Data(PduDirection direction, ReadOnlySpan<byte> bytes) { }
        public void Closed(PduDirection direction) { }
        public void Dispose() { }
    }

    public void Flush()
    {
        lock (_gate)
        {
            Guarded(_stream.Flush);
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed) return;
            Guarded(_stream.Flush);
            _disposed = true;
            if (!_leaveOpen)
            {
                try { _stream.Dispose(); } catch (IOException e) { Failure ??= e; }
            }
        }
    }

    [Flags]
    private enum TcpFlags : byte
    {
        Fin = 0x01,
        Syn = 0x02,
        Psh = 0x08,
        Ack = 0x10,
    }

    /// <summary>One TCP stream: the client (who connected) and the server, each with its next sequence number.</summary>
    private sealed class Flow : IConnectionCapture
    {
        // Fixed initial sequence numbers; Wireshark shows them relative anyway.
        internal const uint ClientIsn = 1_000_000;
        internal const uint ServerIsn = 2_000_000;

        private readonly PcapFile _file;
        private readonly byte[] _client;
        private readonly byte[] _server;
        private readonly ushort _clientPort;
        private readonly ushort _serverPort;
        private readonly bool _weAreClient;
        private uint _clientNext = ClientIsn;
        private uint _serverNext = ServerIsn;
        private ushort _clientId;
        private ushort _serverId;
        private bool _clientFin;
        private bool _serverFin;
        private bool _lastFinFromClient;
        private bool _ended;

        private readonly Action _onEnded;

        public Flow(PcapFile file, IPEndPoint client, IPEndPoint server, bool weAreClient, Action ended)
        {
            _file = file;
            _onEnded = ended;
            _weAreClient = weAreClient;
            var (c, s) = (Plain(client.Address), Plain(server.Address));
            // Both ends in one IP version: IPv6 when either is IPv6 (a v4 address then written mapped).
            if (c.AddressFamily != s.AddressFamily) (c, s) = (c.MapToIPv6(), s.MapToIPv6());
            _client = c.GetAddressBytes();
            _server = s.GetAddressBytes();
            _clientPort = (ushort)client.Port;
            _serverPort = (ushort)server.Port;
        }

        public void Handshake()
        {
            lock (_file._gate)
            {
                Packet(fromClient: true, TcpFlags.Syn, default, synOptions: true);
                Packet(fromClient: false, TcpFlags.Syn | TcpFlags.Ack, default, synOptions: true);
                Packet(fromClient: true, TcpFlags.Ack, default);
            }
        }

        public void Data(PduDirection direction, ReadOnlySpan<byte> bytes)
        {
            var fromClient = (direction == PduDirection.Sent) == _weAreClient;
            lock (_file._gate)
            {
                if (_ended) return;
                while (bytes.Length > 0)
                {
                    var n = Math.Min(bytes.Length, MaxSegment);
                    Packet(fromClient, TcpFlags.Psh | TcpFlags.Ack, bytes[..n]);
                    bytes = bytes[n..];
                }
            }
        }

        public void Closed(PduDirection direction)
        {
            lock (_file._gate) Fin((direction == PduDirection.Sent) == _weAreClient);
        }

        /// <summary>A FIN from one side, once (call under the file's gate).</summary>
        private void Fin(bool fromClient)
        {
            if (_ended || (fromClient ? _clientFin : _serverFin)) return;
            Packet(fromClient, TcpFlags.Fin | TcpFlags.Ack, default);
            if (fromClient) _clientFin = true; else _serverFin = true;
            _lastFinFromClient = fromClient;
        }

        /// <summary>Closes whatever side is still open (ours first) and acknowledges the last FIN, then flushes.</summary>
        public void Dispose()
        {
            lock (_file._gate)
            {
                if (_ended) return;
                Fin(_weAreClient);
                Fin(!_weAreClient);
                // Whoever closed second is acknowledged by the other side.
                Packet(!_lastFinFromClient, TcpFlags.Ack, default);
                _ended = true;
                _onEnded();
                _file.Guarded(_file._stream.Flush);
            }
        }

        /// <summary>Writes one packet record (call under the file's gate).</summary>
        private void Packet(bool fromClient, TcpFlags flags, ReadOnlySpan<byte> payload, bool synOptions = false)
        {
            if (_file._disposed || _file.Failure != null) return;
            var v6 = _client.Length == 16;
            var ipLength = v6 ? 40 : 20;
            var tcpLength = synOptions ? 28 : 20;
            var total = ipLength + tcpLength + payload.Length;
            Span<byte> head = stackalloc byte[16 + 40 + 28];
            head.Clear();
            var now = (_file._clock.GetUtcNow() - DateTimeOffset.UnixEpoch).Ticks / 10;
            BinaryPrimitives.WriteUInt32LittleEndian(head, (uint)(now / 1_000_000));
            BinaryPrimitives.WriteUInt32LittleEndian(head[4..], (uint)(now % 1_000_000));
            BinaryPrimitives.WriteUInt32LittleEndian(head[8..], (uint)total);
            BinaryPrimitives.WriteUInt32LittleEndian(head[12..], (uint)total);

            var (src, dst) = fromClient ? (_client, _server) : (_server, _client);
            var ip = head.Slice(16, ipLength);
            if (v6)
            {
                ip[0] = 0x60;
                BinaryPrimitives.WriteUInt16BigEndian(ip[4..], (ushort)(tcpLength + payload.Length));
                ip[6] = (byte)ProtocolType.Tcp;
                ip[7] = 64;
                src.CopyTo(ip[8..]);
                dst.CopyTo(ip[24..]);
            }
            else
            {
                ip[0] = 0x45;
                BinaryPrimitives.WriteUInt16BigEndian(ip[2..], (ushort)total);
                BinaryPrimitives.WriteUInt16BigEndian(ip[4..], fromClient ? _clientId++ : _serverId++);
                ip[6] = 0x40; // don't fragment
                ip[8] = 64;
                ip[9] = (byte)ProtocolType.Tcp;
                src.CopyTo(ip[12..]);
                dst.CopyTo(ip[16..]);
                BinaryPrimitives.WriteUInt16BigEndian(ip[10..], Checksum.Finish(Checksum.Add(0, ip)));
            }

            var tcp = head.Slice(16 + ipLength, tcpLength);
            ref var seq = ref fromClient ? ref _clientNext : ref _serverNext;
            var ack = fromClient ? _serverNext : _clientNext;
            BinaryPrimitives.WriteUInt16BigEndian(tcp, fromClient ? _clientPort : _serverPort);
            BinaryPrimitives.WriteUInt16BigEndian(tcp[2..], fromClient ? _serverPort : _clientPort);
            BinaryPrimitives.WriteUInt32BigEndian(tcp[4..], seq);
            // No ACK number on the opening SYN.
            if ((flags & TcpFlags.Ack) != 0) BinaryPrimitives.WriteUInt32BigEndian(tcp[8..], ack);
            tcp[12] = (byte)(tcpLength / 4 << 4);
            tcp[13] = (byte)flags;
            BinaryPrimitives.WriteUInt16BigEndian(tcp[14..], 0xffff);
            if (synOptions)
            {
                // MSS = MaxSegment; window scale 14 (so the 16-bit window never looks full); NOP to pad.
                tcp[20] = 2; tcp[21] = 4;
                BinaryPrimitives.WriteUInt16BigEndian(tcp[22..], MaxSegment);
                tcp[24] = 1;
                tcp[25] = 3; tcp[26] = 3; tcp[27] = 14;
            }
            // The TCP checksum covers a pseudo-header of addresses, protocol and TCP length, then header and payload.
            var sum = Checksum.Add(0, src);
            sum = Checksum.Add(sum, dst);
            sum += (uint)ProtocolType.Tcp + (uint)(tcpLength + payload.Length);
            sum = Checksum.Add(sum, tcp);
            sum = Checksum.Add(sum, payload);
            BinaryPrimitives.WriteUInt16BigEndian(tcp[16..], Checksum.Finish(sum));

            try
            {
                _file._stream.Write(head[..(16 + ipLength + tcpLength)]);
                _file._stream.Write(payload);
            }
            catch (Exception e) when (e is IOException or ObjectDisposedException or NotSupportedException)
            {
                _file.Failure = e;
                return;
            }
            // SYN and FIN take one sequence number each.
            seq += (uint)payload.Length + ((flags & (TcpFlags.Syn | TcpFlags.Fin)) != 0 ? 1u : 0u);
        }
    }

    /// <summary>The Internet checksum (RFC 1071): the ones' complement of the ones' complement sum of 16-bit words.</summary>
    internal static class Checksum
    {
        public static ulong Add(ulong sum, ReadOnlySpan<byte> bytes)
        {
            var i = 0;
            for (; i + 1 < bytes.Length; i += 2) sum += BinaryPrimitives.ReadUInt16BigEndian(bytes[i..]);
            if (i < bytes.Length) sum += (ulong)bytes[i] << 8;
            return sum;
        }

        public static ushort Finish(ulong sum)
        {
            while (sum > 0xffff) sum = (sum & 0xffff) + (sum >> 16);
            return (ushort)~sum;
        }
    }
}
