using System.Collections.Concurrent;
using System.Net;
using DicomSpecGen.Association;
using DicomSpecGen.Protocol;
using DicomSpecGen.Registry;
using DicomSpecGen.Runtime.Tests.Services;
using DicomSpecGen.Services.Scp;
using DicomSpecGen.Services.Scu;
using DicomSpecGen.Traceability;
using Microsoft.Extensions.Logging;

namespace DicomSpecGen.Runtime.Tests.Association;

/// <summary>Refusals and aborts leave an audit trail: the peer's address and the reason with its spec row.</summary>
public class RefusalLoggingTests
{
    private sealed class CollectingLogger : ILogger
    {
        public ConcurrentQueue<(LogLevel Level, string Message)> Entries { get; } = new();

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            => Entries.Enqueue((logLevel, formatter(state, exception)));
    }

    [Fact]
    [SpecRow("PS3.8 Table 9-21")]
    public async Task A_calling_ae_refused_by_the_allow_list_is_logged_with_the_peer_address_and_the_reason()
    {
        var log = new CollectingLogger();
        var options = Loopback.Acceptor(new DefaultAssociationPolicy(new AcceptorPolicyOptions
        {
            AeTitle = "DSGSCP",
            AllowedCallingAeTitles = new HashSet<string> { "FRIEND" },
            AbstractSyntaxes = new Dictionary<string, IReadOnlyList<string>> { [DicomUids.Verification] = [DicomUids.ImplicitVRLittleEndian] },
        }), 4);
        await using var server = DicomServer.Start(IPAddress.Loopback, 0, options, new DicomServiceProvider(new ServiceProviderOptions()), log);

        var e = await Assert.ThrowsAsync<AssociationRejectedException>(() => DicomClient.ConnectAsync(Loopback.Requestor(server.Port) with { CallingAeTitle = "STRANGER" }));
        Assert.Equal(AssociateRejectReason.CallingAeTitleNotRecognized, e.Reason);

        var entry = log.Entries.Single(x => x.Message.Contains("rejecting"));
        Assert.Equal(LogLevel.Warning, entry.Level);
        Assert.Contains("STRANGER", entry.Message);
        Assert.Contains("127.0.0.1", entry.Message);
        Assert.Contains("calling-AE-title-not-recognized", entry.Message);
        Assert.Contains("Table 9-21", entry.Message);
    }

    [Fact]
    [SpecRow("PS3.8 Table 9-26")]
    public async Task An_abort_by_the_peer_is_logged_with_the_peer_address()
    {
        var log = new CollectingLogger();
        await using var server = DicomServer.Start(IPAddress.Loopback, 0, Loopback.Acceptor(), new DicomServiceProvider(new ServiceProviderOptions()), log);
        await using (var client = await DicomClient.ConnectAsync(Loopback.Requestor(server.Port)))
        {
            await client.Association.AbortAsync();
        }
        for (var i = 0; i < 100 && !log.Entries.Any(x => x.Message.Contains("aborted")); i++) await Task.Delay(20);
        var entry = log.Entries.First(x => x.Message.Contains("aborted"));
        Assert.Equal(LogLevel.Warning, entry.Level);
        Assert.Contains("127.0.0.1", entry.Message);
    }
}
