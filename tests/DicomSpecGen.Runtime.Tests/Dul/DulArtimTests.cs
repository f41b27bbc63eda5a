using DicomSpecGen.Dul;

namespace DicomSpecGen.Runtime.Tests.Dul;

/// <summary>ARTIM (PS3.8 9.1.5, Tables 9-6, 9-8, 9-9): started and stopped exactly where the actions say,
/// expiry is Evt18, and it only exists in Sta2 and Sta13.</summary>
public sealed class DulArtimTests
{
    private static readonly TimeSpan T = DulHarness.ArtimTimeout;
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(1);

    [Theory]
    [InlineData(DulEngine.Generated)]
    [InlineData(DulEngine.Interpreted)]
    public void No_A_ASSOCIATE_RQ_before_ARTIM_expires_in_Sta2_closes_the_connection(DulEngine engine)
    {
        using var h = new DulHarness(engine);
        h.Fire(DulEvent.Evt5); // AE-5: accept the connection, start ARTIM
        Assert.Equal(DulState.Sta2, h.Machine.State);

        h.Clock.Advance(T - Tick);
        Assert.Equal(DulState.Sta2, h.Machine.State);
        Assert.True(h.Machine.ArtimRunning);

        h.Clock.Advance(Tick); // Evt18 in Sta2: AA-2
        Assert.Equal(DulState.Sta1, h.Machine.State);
        Assert.False(h.Machine.ArtimRunning);
        Assert.Equal([new PortCall("AcceptTransport"), new PortCall("CloseTransport")], h.Port.Calls);
        Assert.Equal(0, h.Clock.ActiveTimers);
    }

    [Theory]
    [InlineData(DulEngine.Generated)]
    [InlineData(DulEngine.Interpreted)]
    public void A_PDU_in_Sta6_that_is_unexpected_aborts_and_ARTIM_expiry_in_Sta13_closes(DulEngine engine)
    {
        using var h = new DulHarness(engine);
        h.Machine.SetState(DulState.Sta6, DulAssociationRole.Requestor);
        h.Fire(DulEvent.Evt3, "A-ASSOCIATE-AC PDU"); // AA-8
        Assert.Equal(DulState.Sta13, h.Machine.State);
        Assert.True(h.Machine.ArtimRunning);

        h.Clock.Advance(T); // Evt18 in Sta13: AA-2
        Assert.Equal(DulState.Sta1, h.Machine.State);
        Assert.Equal(new PortCall("CloseTransport"), h.Port.Calls[^1]);
    }

    [Theory]
    [InlineData(DulEngine.Generated)]
    [InlineData(DulEngine.Interpreted)]
    public void Transport_close_in_Sta13_stops_ARTIM(DulEngine engine)
    {
        using var h = new DulHarness(engine);
        h.Machine.SetState(DulState.Sta8, DulAssociationRole.Acceptor);
        h.Fire(DulEvent.Evt14, "A-RELEASE response"); // AR-4: send A-RELEASE-RP, start ARTIM
        Assert.Equal(DulState.Sta13, h.Machine.State);
        h.Clock.Advance(T / 2);
        h.Fire(DulEvent.Evt17); // AR-5: stop ARTIM
        Assert.Equal(DulState.Sta1, h.Machine.State);
        Assert.False(h.Machine.ArtimRunning);
        var calls = h.Port.Calls.Count;

        h.Clock.Advance(T * 3);
        Assert.Equal(DulState.Sta1, h.Machine.State);
        Assert.Equal(calls, h.Port.Calls.Count);
    }

    [Theory]
    [InlineData(DulEngine.Generated)]
    [InlineData(DulEngine.Interpreted)]
    public void AA1_restarts_a_running_ARTIM(DulEngine engine)
    {
        using var h = new DulHarness(engine);
        h.Fire(DulEvent.Evt5); // AE-5 starts ARTIM at t=0
        h.Clock.Advance(T * 0.6);
        h.Fire(DulEvent.Evt10, "P-DATA-TF PDU"); // AA-1 in Sta2 restarts it at t=0.6T
        Assert.Equal(DulState.Sta13, h.Machine.State);

        h.Clock.Advance(T * 0.6); // t=1.2T: the first start would have expired
        Assert.Equal(DulState.Sta13, h.Machine.State);
        h.Clock.Advance(T * 0.4); // t=1.6T: the restart expires
        Assert.Equal(DulState.Sta1, h.Machine.State);
    }

    [Theory]
    [InlineData(DulEngine.Generated)]
    [InlineData(DulEngine.Interpreted)]
    public void AE6_stops_ARTIM_when_the_request_is_acceptable(DulEngine engine)
    {
        using var h = new DulHarness(engine);
        h.Fire(DulEvent.Evt5);
        h.Fire(DulEvent.Evt6, "A-ASSOCIATE-RQ PDU");
        Assert.Equal(DulState.Sta3, h.Machine.State);
        Assert.False(h.Machine.ArtimRunning);

        h.Clock.Advance(T * 5);
        Assert.Equal(DulState.Sta3, h.Machine.State);
    }

    [Theory]
    [InlineData(DulEngine.Generated)]
    [InlineData(DulEngine.Interpreted)]
    public void AE6_rejecting_the_request_restarts_ARTIM_and_expiry_closes(DulEngine engine)
    {
        using var h = new DulHarness(engine);
        h.Fire(DulEvent.Evt5);
        h.Clock.Advance(T * 0.9);
        h.Fire(DulEvent.Evt6, RecordingPort.Unacceptable); // AE-6: A-ASSOCIATE-RJ, start ARTIM
        Assert.Equal(DulState.Sta13, h.Machine.State);
        h.Clock.Advance(T * 0.9);
        Assert.Equal(DulState.Sta13, h.Machine.State);
        h.Clock.Advance(T * 0.1);
        Assert.Equal(DulState.Sta1, h.Machine.State);
        Assert.Equal(new PortCall("Send", DulPduKind.AAssociateRj, RecordingPort.Rejection), h.Port.Calls[^2]);
        Assert.Equal(new PortCall("CloseTransport"), h.Port.Calls[^1]);
    }

    [Theory]
    [InlineData(DulEngine.Generated)]
    [InlineData(DulEngine.Interpreted)]
    public void ARTIM_does_not_oversee_association_establishment_or_release(DulEngine engine)
    {
        // PS3.8 9.1.4 note: ARTIM should not oversee association establishment or release; Table 9-10 has
        // no ARTIM cell for Sta5 (awaiting A-ASSOCIATE-AC/RJ) or Sta7 (awaiting A-RELEASE-RP).
        using var h = new DulHarness(engine);
        h.Fire(DulEvent.Evt1, "A-ASSOCIATE request");
        h.Fire(DulEvent.Evt2);
        Assert.Equal(DulState.Sta5, h.Machine.State);
        Assert.False(h.Machine.ArtimRunning);
        h.Clock.Advance(T * 10);
        Assert.Equal(DulState.Sta5, h.Machine.State);

        // An Evt18 delivered anyway (e.g. by a caller) is a blank cell: dropped.
        var result = h.Fire(DulEvent.Evt18);
        Assert.Equal(DulUndefinedRule.ArtimNotRunning, result.Undefined);
        Assert.False(result.Rejected);
        Assert.Equal(DulState.Sta5, h.Machine.State);
    }

    [Fact]
    public async Task On_the_system_clock_an_expiry_runs_on_the_ARTIM_thread_not_the_thread_pool()
    {
        // A starved pool must not hold back ARTIM: the expiry is not a pool work item.
        var expired = new TaskCompletionSource<(long Generation, bool OnPool, string? Thread)>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var timer = new ArtimTimer(TimeProvider.System, TimeSpan.FromMilliseconds(20),
            g => expired.TrySetResult((g, Thread.CurrentThread.IsThreadPoolThread, Thread.CurrentThread.Name)));
        timer.Start();
        var stopped = new ArtimTimer(TimeProvider.System, TimeSpan.FromMilliseconds(10), _ => expired.TrySetException(new InvalidOperationException("a stopped ARTIM expired")));
        stopped.Start();
        stopped.Stop();

        var (generation, onPool, name) = await expired.Task.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(timer.Generation, generation);
        Assert.False(onPool);
        Assert.Equal("DICOM ARTIM", name);
        Assert.True(timer.TryExpire(generation));
    }

    [Fact]
    public void Stopping_an_ARTIM_on_the_system_clock_removes_its_expiry()
    {
        var before = ArtimThread.PendingCount;
        using var timer = new ArtimTimer(TimeProvider.System, TimeSpan.FromMinutes(5), _ => { });
        for (var i = 0; i < 10_000; i++)
        {
            timer.Start();
            timer.Stop();
        }
        // Other tests' associations may schedule a few meanwhile; 10,000 left-over entries would show.
        Assert.True(ArtimThread.PendingCount - before < 1_000, $"{ArtimThread.PendingCount - before} expiries left after 10,000 start/stop pairs");
    }

    [Fact]
    public void ARTIM_timeout_is_configurable_and_must_be_positive()
    {
        var clock = new ManualTimeProvider();
        using var machine = new DulStateMachine(new RecordingPort(), new DulOptions { ArtimTimeout = TimeSpan.FromSeconds(2), TimeProvider = clock });
        machine.Fire(DulEvent.Evt5);
        clock.Advance(TimeSpan.FromMilliseconds(1999));
        Assert.Equal(DulState.Sta2, machine.State);
        clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(DulState.Sta1, machine.State);

        Assert.Throws<ArgumentOutOfRangeException>(() => new DulStateMachine(new RecordingPort(), new DulOptions { ArtimTimeout = TimeSpan.Zero }));
    }

    [Fact]
    public void An_expiry_of_an_earlier_start_is_stale()
    {
        var clock = new ManualTimeProvider();
        var expired = new List<long>();
        using var artim = new ArtimTimer(clock, TimeSpan.FromSeconds(1), expired.Add);
        artim.Start();
        var first = artim.Generation;
        artim.Start();
        Assert.False(artim.TryExpire(first));
        Assert.True(artim.IsRunning);
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal([artim.Generation], expired);
        Assert.True(artim.TryExpire(artim.Generation));
        Assert.False(artim.IsRunning);
        Assert.False(artim.TryExpire(artim.Generation));
    }
}
