using DicomSpecGen.Dimse;

namespace DicomSpecGen.Services.QueryRetrieve;

/// <summary>Sub-operation counters of a C-MOVE/C-GET (PS3.4 C.4.2.1.5, C.4.3.1.5).</summary>
/// <param name="total">The number of sub-operations.</param>
/// <param name="someFailed">The final status when a sub-operation failed or warned: B000 of the service's table.</param>
internal sealed class SubOperationCounts(int total, ushort someFailed)
{
    public int Remaining = total, Completed, Failed, Warning;

    /// <summary>Writes the counts into a C-MOVE/C-GET response (the generated <see cref="IDimseSubOperationCounts"/>).</summary>
    public void Apply(DimseMessage response)
    {
        var (remaining, completed, failed, warning) = ((ushort)Remaining, (ushort)Completed, (ushort)Failed, (ushort)Warning);
        if (response is IDimseSubOperationCounts c)
            (c.NumberOfRemainingSuboperations, c.NumberOfCompletedSuboperations, c.NumberOfFailedSuboperations, c.NumberOfWarningSuboperations) = (remaining, completed, failed, warning);
    }

    public void Count(ushort status)
    {
        Remaining--;
        switch (DimseStatus.ClassOf(status))
        {
            case StatusClass.Success: Completed++; break;
            case StatusClass.Warning: Warning++; break;
            default: Failed++; break;
        }
    }

    /// <summary>The final status: success, or B000 when any sub-operation failed (PS3.4 Tables C.4-2, C.4-3).</summary>
    public ushort Final(bool cancelled) => cancelled ? DimseStatus.Cancel : Failed > 0 || Warning > 0 ? someFailed : DimseStatus.Success;
}
