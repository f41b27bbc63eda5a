using DicomSpecGen.Data;
using DicomSpecGen.Dimse;

namespace DicomSpecGen.Services;

/// <summary>A response received for one of our requests, with its data set (e.g. a C-FIND identifier) decoded.</summary>
public sealed record DimseResponse(DimseMessage Message, DicomDataset? DataSet)
{
    public ushort Status => Message.ResponseStatus ?? 0xFFFF;

    public StatusClass StatusClass => DimseStatus.ClassOf(Status);

    public bool IsPending => StatusClass == StatusClass.Pending;
}
