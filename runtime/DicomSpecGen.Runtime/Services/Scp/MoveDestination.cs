namespace DicomSpecGen.Services.Scp;

/// <summary>Where a C-MOVE destination AE title lives (PS3.4 C.4.2: the SCP must know it by configuration).</summary>
public sealed record MoveDestination(string AeTitle, string Host, int Port);
