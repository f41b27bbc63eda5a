using System.Xml.Linq;
using DicomSpecGen.Audit;
using DicomSpecGen.Traceability;

namespace DicomSpecGen.Runtime.Tests.Audit;

/// <summary>The rate limit in front of the Security Alerts: a burst per category and window sent one by one, the rest
/// summed up in one aggregate alert per window naming the addresses, and flushed when the limiter is disposed.</summary>
public class SecurityAlertLimiterTests
{
    private static readonly AuditEvents Events = new(new AuditIdentity("DSGSCP"));

    /// <summary>Keeps every message written.</summary>
    internal sealed class ListSink : IAuditSink
    {
        private readonly List<AuditMessage> _messages = [];

        public List<AuditMessage> Messages
        {
            get { lock (_messages) return [.. _messages]; }
        }

        public Task WriteAsync(AuditMessage message, CancellationToken cancellationToken)
        {
            lock (_messages) _messages.Add(message);
            return Task.CompletedTask;
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    /// <summary>A clock moved by the test; its timers never fire (the test flushes by the next alert or Dispose).</summary>
    private sealed class ManualTime : TimeProvider
    {
        public DateTimeOffset Now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => Now;

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) => new NoTimer();

        private sealed class NoTimer : ITimer
        {
            public bool Change(TimeSpan dueTime, TimeSpan period) => true;

            public void Dispose()
            {
            }

            public ValueTask DisposeAsync() => ValueTask.CompletedTask;
        }
    }

    private static string Description(AuditMessage m) => m.OutcomeDescription ?? "";

    [Fact]
    [SpecRow("PS3.15 A.5.3.11")]
    public async Task A_flood_is_sent_up_to_the_burst_then_summed_up_once_per_window()
    {
        var sink = new ListSink();
        var trail = new AuditTrail(sink, Events);
        var time = new ManualTime();
        var limiter = new SecurityAlertLimiter(trail, new SecurityAlertLimits { Burst = 3, Window = TimeSpan.FromSeconds(60), MaxNodesListed = 2 }, time);
        for (var i = 0; i < 10; i++) limiter.Alert("malformed-pdu", $"10.0.0.{i % 4}:1000", $"bad PDU #{i}");
        // Another category has its own budget.
        limiter.Alert("capacity", "10.9.9.9:1", "over capacity");
        Assert.Equal(7, limiter.HeldBack);
        // The window ends: the next alert first sends the aggregate, then counts in a new window.
        time.Now += TimeSpan.FromSeconds(61);
        limiter.Alert("malformed-pdu", "10.0.0.7:1", "bad PDU #10");
        limiter.Dispose();
        await trail.DisposeAsync();

        var messages = sink.Messages;
        Assert.All(messages, m => Assert.Empty(AuditSchema.Errors(m.ToXml())));
        Assert.All(messages, m => Assert.Equal("110113", m.Kind.Id.Code));
        var single = messages.Where(m => m.Objects.Count == 1 && !Description(m).Contains("held back")).ToList();
        Assert.Equal(["bad PDU #0", "bad PDU #1", "bad PDU #2", "over capacity", "bad PDU #10"], single.Select(Description));
        var aggregate = Assert.Single(messages, m => Description(m).Contains("held back"));
        Assert.Contains("7 further 'malformed-pdu' alert(s)", Description(aggregate));
        Assert.Contains("(3 per 60 s)", Description(aggregate));
        // Addresses 10.0.0.3, .0, .1, .2 were held back; two are named, the others counted.
        Assert.Equal(2, aggregate.Objects.Count);
        Assert.Contains("and 2 other address(es)", Description(aggregate));
        Assert.Contains("the last: bad PDU #9", Description(aggregate));
        Assert.Equal("110182", aggregate.Objects[0].IdTypeCode.Code);
    }

    [Fact]
    public async Task Disposing_sends_what_is_still_held_back()
    {
        var sink = new ListSink();
        var trail = new AuditTrail(sink, Events);
        var limiter = new SecurityAlertLimiter(trail, new SecurityAlertLimits { Burst = 1 }, new ManualTime());
        limiter.Alert("artim", "127.0.0.1:5", "no A-ASSOCIATE-RQ");
        limiter.Alert("artim", "127.0.0.1:6", "no A-ASSOCIATE-RQ");
        limiter.Dispose();
        // After disposal nothing more is taken.
        limiter.Alert("artim", "127.0.0.1:7", "late");
        await trail.DisposeAsync();
        var messages = sink.Messages;
        Assert.Equal(2, messages.Count);
        Assert.Contains("1 further 'artim' alert(s)", Description(messages[1]));
        Assert.Equal("127.0.0.1", XDocument.Parse(messages[1].ToXml()).Root!.Element("ParticipantObjectIdentification")!.Attribute("ParticipantObjectID")!.Value);
    }

    [Fact]
    public async Task The_aggregate_goes_out_at_the_end_of_the_window_on_its_own()
    {
        var sink = new ListSink();
        var trail = new AuditTrail(sink, Events);
        // The system clock and a real timer: a short window.
        using var limiter = new SecurityAlertLimiter(trail, new SecurityAlertLimits { Burst = 1, Window = TimeSpan.FromMilliseconds(300) });
        limiter.Alert("idle", "127.0.0.1:5", "idle");
        limiter.Alert("idle", "127.0.0.1:5", "idle");
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (sink.Messages.Count < 2 && clock.Elapsed < TimeSpan.FromSeconds(20)) await Task.Delay(50);
        Assert.Contains("1 further 'idle' alert(s)", Description(sink.Messages[1]));
        await trail.DisposeAsync();
    }
}
