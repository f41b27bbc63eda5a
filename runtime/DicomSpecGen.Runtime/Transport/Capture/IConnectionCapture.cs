using System.Net;

namespace DicomSpecGen.Transport.Capture;

/// <summary>Where the transport reports the bytes of its connections as they cross the socket (for TLS: the
/// plaintext, before encryption and after decryption). Set as <see cref="TransportOptions.Capture"/>; one
/// <see cref="IConnectionCapture"/> is opened per connection. Calls may come from several threads at once.</summary>
public interface IConnectionCaptureSink
{
    /// <summary>A new connection between <paramref name="local"/> and <paramref name="remote"/>;
    /// <paramref name="weConnected"/> when we made the TCP connection (the requestor), false when we accepted it.</summary>
    IConnectionCapture Open(IPEndPoint local, IPEndPoint remote, bool weConnected);
}

/// <summary>The bytes of one connection, in the order they crossed the socket. The connection calls
/// <see cref="IDisposable.Dispose"/> when it is disposed, whatever ended it (release, abort, error).</summary>
public interface IConnectionCapture : IDisposable
{
    /// <summary>Bytes handed to the socket (<see cref="PduDirection.Sent"/>) or read from it (<see cref="PduDirection.Received"/>).</summary>
    void Data(PduDirection direction, ReadOnlySpan<byte> bytes);

    /// <summary>We shut our side down (<see cref="PduDirection.Sent"/>) or the peer closed its side (<see cref="PduDirection.Received"/>).</summary>
    void Closed(PduDirection direction);
}
