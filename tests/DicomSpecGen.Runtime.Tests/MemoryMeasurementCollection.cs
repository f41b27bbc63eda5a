namespace DicomSpecGen.Runtime.Tests;

/// <summary>Tests that measure process-wide memory (GC.GetTotalMemory, GC.GetTotalAllocatedBytes, working set)
/// or allocate heavily run in this collection: it never runs in parallel with any other test, so one test's
/// allocations cannot show up in another's measurement.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MemoryMeasurementCollection
{
    public const string Name = "MemoryMeasurement";
}
