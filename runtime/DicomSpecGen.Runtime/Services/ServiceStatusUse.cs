using DicomSpecGen.Dimse;

namespace DicomSpecGen.Services;

/// <summary>One status a service sends in a response: the operation, the status table it is read from (a PS3.4 service
/// class table, falling back to the PS3.7 Annex C General statuses) and when it is sent. The meaning and citation are not
/// repeated here: the conformance statement looks them up in the generated table (spec/part07/statuses.yaml).</summary>
/// <param name="Operation">The DIMSE operation, e.g. C-FIND.</param>
/// <param name="Table">The status table: the service class's, or General.</param>
/// <param name="Code">The status code.</param>
/// <param name="When">When the service sends it.</param>
/// <param name="Source">A citation beyond the status table, e.g. the PS3.4 rule (from spec/part04) that sends it.</param>
public sealed record ServiceStatusUse(string Operation, DimseService Table, ushort Code, string When, string? Source = null);

/// <summary>A service that states the statuses it sends, for the conformance statement (<see cref="Conformance.ConformanceStatement"/>).</summary>
public interface IServiceStatuses
{
    IReadOnlyList<ServiceStatusUse> Statuses { get; }
}
