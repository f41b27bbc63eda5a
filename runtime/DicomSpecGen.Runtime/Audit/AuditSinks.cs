using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace DicomSpecGen.Audit;

/// <summary>Where audit messages go. Called from the trail's one pump task only, never from DICOM traffic.</summary>
public interface IAuditSink : IAsyncDisposable
{
    Task WriteAsync(AuditMessage message, CancellationToken cancellationToken);
}

/// <summary>The RFC 5424 syslog message around an audit message: PRI, VERSION, TIMESTAMP, HOSTNAME, APP-NAME, PROCID,
/// MSGID (IHE ITI-20), no structured data, then the XML as MSG (UTF-8 with a BOM, RFC 5424 6.4).</summary>
public static class SyslogFormat
{
    public static byte[] Encode(AuditMessage message, AuditSpec spec, string appName, bool bom = true)
    {
        var pri = spec.SyslogFacility * 8 + spec.SyslogSeverity;
        var header = $"<{pri}>1 {message.When.UtcDateTime:yyyy-MM-ddTHH:mm:ss.fffZ} {Field(message.AuditSourceId)} {Field(appName)} {Environment.ProcessId} {spec.SyslogMsgId} - ";
        var body = Encoding.UTF8.GetBytes(message.ToXml());
        var head = Encoding.ASCII.GetBytes(header);
        var preamble = bom ? Encoding.UTF8.Preamble.ToArray() : [];
        return [.. head, .. preamble, .. body];
    }

    /// <summary>A header field: printable US-ASCII without spaces, at most 255 (RFC 5424 6.2; "-" when empty).</summary>
    private static string Field(string value)
    {
        var chars = value.Where(c => c > 32 && c < 127).Take(255).ToArray();
        return chars.Length == 0 ? "-" : new string(chars);
    }
}

/// <summary>Syslog over UDP, one message per datagram (RFC 5426 3.1).</summary>
public sealed class UdpSyslogSink(string host, int port, string appName) : IAuditSink
{
    private readonly UdpClient _udp = new(host.Contains(':') ? AddressFamily.InterNetworkV6 : AddressFamily.InterNetwork);

    public async Task WriteAsync(AuditMessage message, CancellationToken cancellationToken)
        => await _udp.SendAsync(SyslogFormat.Encode(message, AuditSpec.Current, appName), host, port, cancellationToken).ConfigureAwait(false);

    public ValueTask DisposeAsync()
    {
        _udp.Dispose();
        return ValueTask.CompletedTask;
    }
}

/// <summary>Syslog over TCP, with TLS (RFC 5425) or without (tcp://, RFC 6587), framed by octet counting
/// ("MSG-LEN SP SYSLOG-MSG", RFC 5425 4.3). One connection, opened on first use and again after a failure.</summary>
public sealed class StreamSyslogSink(string host, int port, string appName, bool tls, X509Certificate2Collection? trustedRoots = null, TimeSpan? connectTimeout = null) : IAuditSink
{
    private TcpClient? _tcp;
    private Stream? _stream;

    public async Task WriteAsync(AuditMessage message, CancellationToken cancellationToken)
    {
        var body = SyslogFormat.Encode(message, AuditSpec.Current, appName);
        var frame = Encoding.ASCII.GetBytes(body.Length.ToString(System.Globalization.CultureInfo.InvariantCulture) + " ");
        var stream = _stream ?? await ConnectAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await stream.WriteAsync(frame, cancellationToken).ConfigureAwait(false);
            await stream.WriteAsync(body, cancellationToken).ConfigureAwait(false);
            await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            Close();
            throw;
        }
    }

    private async Task<Stream> ConnectAsync(CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(connectTimeout ?? TimeSpan.FromSeconds(5));
        var tcp = new TcpClient { NoDelay = true };
        try
        {
            await tcp.ConnectAsync(host, port, timeout.Token).ConfigureAwait(false);
            Stream stream = tcp.GetStream();
            if (tls)
            {
                var ssl = new SslStream(stream, leaveInnerStreamOpen: false);
                var options = new SslClientAuthenticationOptions { TargetHost = host };
                if (trustedRoots != null)
                {
                    options.CertificateChainPolicy = new X509ChainPolicy { TrustMode = X509ChainTrustMode.CustomRootTrust, RevocationMode = X509RevocationMode.NoCheck };
                    options.CertificateChainPolicy.CustomTrustStore.AddRange(trustedRoots);
                }
                await ssl.AuthenticateAsClientAsync(options, timeout.Token).ConfigureAwait(false);
                stream = ssl;
            }
            _tcp = tcp;
            _stream = stream;
            return stream;
        }
        catch
        {
            tcp.Dispose();
            throw;
        }
    }

    private void Close()
    {
        _stream?.Dispose();
        _tcp?.Dispose();
        _stream = null;
        _tcp = null;
    }

    public ValueTask DisposeAsync()
    {
        Close();
        return ValueTask.CompletedTask;
    }
}

/// <summary>Appends each message to a file as one line (the RFC 5424 syslog message without the BOM), flushed per message.</summary>
public sealed class FileAuditSink : IAuditSink
{
    private readonly FileStream _file;
    private readonly string _appName;

    public FileAuditSink(string path, string appName)
    {
        _appName = appName;
        _file = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read);
    }

    public async Task WriteAsync(AuditMessage message, CancellationToken cancellationToken)
    {
        var line = SyslogFormat.Encode(message, AuditSpec.Current, _appName, bom: false);
        await _file.WriteAsync(line, cancellationToken).ConfigureAwait(false);
        await _file.WriteAsync("\n"u8.ToArray(), cancellationToken).ConfigureAwait(false);
        await _file.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    public ValueTask DisposeAsync() => _file.DisposeAsync();
}
