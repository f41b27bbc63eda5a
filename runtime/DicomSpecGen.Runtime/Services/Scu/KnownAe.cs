namespace DicomSpecGen.Services.Scu;

/// <summary>Where an application entity known by configuration lives: a C-MOVE destination (PS3.4 C.4.2.1: the SCP
/// must know it), or the SCU a Storage Commitment report goes to on a new association.</summary>
public sealed record KnownAe(string AeTitle, string Host, int Port);
