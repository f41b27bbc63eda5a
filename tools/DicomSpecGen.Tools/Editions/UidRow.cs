namespace DicomSpecGen.Tools.Editions;

/// <summary>A UID registry row as the edition diff compares it.</summary>
/// <param name="Type">The UID Type column; null where the table has none (Table A-2).</param>
public sealed record UidRow(string Uid, string Title, string? Type, bool Retired, string? Info, string Source);
