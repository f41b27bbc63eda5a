namespace DicomSpecGen.Association;

/// <summary>Maximum number of operations invoked and performed asynchronously, as proposed or negotiated (the values
/// of the generated <see cref="Protocol.AsynchronousOperationsWindow"/> sub-item); 1/1 is the default (synchronous)
/// mode, 0 means unlimited.</summary>
/// <remarks>PS3.7 D.3.3.3</remarks>
public sealed record AsyncOperationLimits(ushort Invoked, ushort Performed);
