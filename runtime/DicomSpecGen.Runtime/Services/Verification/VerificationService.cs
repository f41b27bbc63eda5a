using DicomSpecGen.Dimse;
using DicomSpecGen.Registry;

namespace DicomSpecGen.Services.Verification;

/// <summary>The Verification SOP class SCP: answers C-ECHO with success, on the read loop (no task per echo).</summary>
/// <remarks>PS3.4 Annex A.4 (C-ECHO SCP behaviour: status Success).</remarks>
public sealed class VerificationService : IDicomService, ICEchoHandler, IServiceStatuses
{
    public IReadOnlyList<ServiceStatusUse> Statuses { get; } = [new("C-ECHO", DimseService.Verification, DimseStatus.Success, "always")];

    public IReadOnlyList<ServedSopClass> SopClasses { get; } = [new ServedSopClass(DicomUids.Verification)];

    public RequestDelivery Delivery => RequestDelivery.Inline;

    public Task<ushort> OnCEchoAsync(DimseRequestContext request, CEchoRq echo, CancellationToken cancellationToken)
        => Task.FromResult(DimseStatus.Success);
}
