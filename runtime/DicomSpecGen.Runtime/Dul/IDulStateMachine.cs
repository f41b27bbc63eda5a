namespace DicomSpecGen.Dul;

/// <summary>The DICOM Upper Layer protocol state machine of one association.</summary>
/// <remarks>PS3.8 9.2</remarks>
public interface IDulStateMachine
{
    /// <summary>The current state.</summary>
    DulState State { get; }

    /// <summary>Fires an event with its payload (the primitive or received PDU, or null) and runs the cell of
    /// Table 9-10. Never throws for an event the table leaves blank: the result says it was rejected or ignored.</summary>
    DulStepResult Fire(DulEvent evt, object? payload = null);
}
