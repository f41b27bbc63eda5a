namespace DicomSpecGen.Services.Scp;

/// <summary>An identifier the query service cannot match (e.g. no or an unknown Query/Retrieve Level).</summary>
public sealed class QueryException(string message) : Exception(message);
