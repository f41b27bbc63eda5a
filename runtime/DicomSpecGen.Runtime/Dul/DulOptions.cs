namespace DicomSpecGen.Dul;

/// <summary>Options of a <see cref="DulStateMachine"/>.</summary>
public sealed record DulOptions
{
    /// <summary>The engine that runs Table 9-10.</summary>
    public DulEngine Engine { get; init; } = DulEngine.Generated;

    /// <summary>The ARTIM timeout; configurable as the standard requires.</summary>
    /// <remarks>PS3.8 9.1.5</remarks>
    public TimeSpan ArtimTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The time source of ARTIM (a fake one makes tests deterministic).</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
