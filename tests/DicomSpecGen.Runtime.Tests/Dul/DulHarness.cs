using DicomSpecGen.Dul;
using DicomSpecGen.Dul.Interpreter;
using DicomSpecGen.Spec.Dul;

namespace DicomSpecGen.Runtime.Tests.Dul;

/// <summary>A state machine over a recording port and a manual clock.</summary>
public sealed class DulHarness : IDisposable
{
    public static readonly TimeSpan ArtimTimeout = TimeSpan.FromSeconds(10);

    public DulHarness(DulEngine engine)
    {
        Machine = new DulStateMachine(Port, new DulOptions { Engine = engine, ArtimTimeout = ArtimTimeout, TimeProvider = Clock });
    }

    public RecordingPort Port { get; } = new();

    public ManualTimeProvider Clock { get; } = new();

    public DulStateMachine Machine { get; }

    public DulStepResult Fire(DulEvent evt, object? payload = null) => Machine.Fire(evt, payload);

    public void Dispose() => Machine.Dispose();

    /// <summary>The DUL spec, read from the YAML embedded in the runtime.</summary>
    public static DulSpec Spec => InterpretedDulEngine.Embedded.Spec;

    public static readonly DulEngine[] Engines = [DulEngine.Generated, DulEngine.Interpreted];

    /// <summary>The payload a test passes with an event: what the association layer would hand over.</summary>
    public static object PayloadFor(DulEvent evt) => evt switch
    {
        DulEvent.Evt16 => new DulReceivedAbort(DulAbortSource.ServiceUser, DulProviderReason.ReasonNotSpecified, "A-ABORT PDU"),
        DulEvent.Evt19 => new DulInvalidPdu(DulProviderReason.InvalidPduParameterValue, "bad PDU length"),
        _ => $"payload of {evt}",
    };

    /// <summary>States in which ARTIM runs (every action that starts it leads to Sta2 or Sta13).</summary>
    public static bool ArtimRunsIn(DulState state) => state is DulState.Sta2 or DulState.Sta13;
}
