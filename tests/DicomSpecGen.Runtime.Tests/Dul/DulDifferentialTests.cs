using DicomSpecGen.Dul;

namespace DicomSpecGen.Runtime.Tests.Dul;

/// <summary>Feeds the same random event sequences (fixed seed, bounded) to the generated and the
/// interpreted engine and compares every step and everything the actions did.</summary>
public sealed class DulDifferentialTests
{
    private const int Sequences = 3000;
    private const int MaxLength = 40;

    [Fact]
    public void Generated_and_interpreted_engines_agree_on_random_sequences()
    {
        var random = new Random(20130908);
        var events = Enum.GetValues<DulEvent>();
        var cellsHit = new HashSet<(DulEvent, DulState)>();
        var steps = 0;

        for (var s = 0; s < Sequences; s++)
        {
            using var generated = new DulHarness(DulEngine.Generated);
            using var interpreted = new DulHarness(DulEngine.Interpreted);
            if (s % 2 == 1)
            {
                // Half the sequences start in a random state, so deep states (release collision) are reached.
                var start = (DulState)random.Next(1, 14);
                var role = random.Next(2) == 0 ? DulAssociationRole.Requestor : DulAssociationRole.Acceptor;
                foreach (var h in new[] { generated, interpreted })
                {
                    h.Machine.SetState(start, role);
                    if (DulHarness.ArtimRunsIn(start)) h.Machine.StartArtim();
                }
            }
            var length = random.Next(1, MaxLength + 1);
            for (var i = 0; i < length; i++)
            {
                var state = generated.Machine.State;
                if (random.Next(10) == 0)
                {
                    // Let time pass; ARTIM may expire (Evt18) in both.
                    var by = TimeSpan.FromSeconds(random.Next(0, 16));
                    generated.Clock.Advance(by);
                    interpreted.Clock.Advance(by);
                }
                else
                {
                    // Mostly events the current state defines, so sequences go deep into the table.
                    var candidates = random.Next(10) < 7
                        ? events.Where(e => DulTransitions.Lookup(state, e).IsDefined).ToArray()
                        : events;
                    var evt = candidates[random.Next(candidates.Length)];
                    var payload = PayloadFor(evt, random);
                    var a = generated.Fire(evt, payload);
                    var b = interpreted.Fire(evt, payload);
                    Assert.Equal(a, b);
                    if (a.IsDefined) cellsHit.Add((evt, a.From));
                    steps++;
                }

                Assert.Equal(generated.Machine.State, interpreted.Machine.State);
                Assert.Equal(generated.Port.Calls, interpreted.Port.Calls);
                Assert.Equal(generated.Machine.ArtimRunning, interpreted.Machine.ArtimRunning);
                // ARTIM runs exactly in Sta2 and Sta13 (PS3.8 Tables 9-6, 9-8, 9-9).
                Assert.Equal(DulHarness.ArtimRunsIn(generated.Machine.State), generated.Machine.ArtimRunning);
            }
        }

        Assert.True(steps > 10000, $"only {steps} steps");
        Assert.Equal(DulTransitions.DefinedCellCount, cellsHit.Count);
    }

    private static object PayloadFor(DulEvent evt, Random random) => evt switch
    {
        DulEvent.Evt6 when random.Next(3) == 0 => RecordingPort.Unacceptable,
        DulEvent.Evt16 => new DulReceivedAbort(random.Next(2) == 0 ? DulAbortSource.ServiceUser : DulAbortSource.ServiceProvider, DulProviderReason.ReasonNotSpecified),
        DulEvent.Evt19 => new DulInvalidPdu((DulProviderReason)random.Next(7)),
        _ => DulHarness.PayloadFor(evt),
    };
}
