using System;
using DicomSpecGen.Spec.Common;

namespace DicomSpecGen.Spec.Registry
{
    /// <summary>How a transfer syntax encodes a Data Set (PS3.5 Section 10 and Annex A).</summary>
    /// <param name="Vr">"implicit", "explicit" or "none" (not a binary Data Set encoding).</param>
    /// <param name="ByteOrder">"little", "big" or "none".</param>
    /// <param name="Deflated">The whole Data Set after the File Meta Information is deflated.</param>
    /// <param name="PixelData">"native", "encapsulated", "referenced" or "none".</param>
    public sealed record TransferSyntaxEncoding(string Vr, string ByteOrder, bool Deflated, string PixelData, Citation Source);

    /// <summary>One row of the UID registry (PS3.6 Table ).</summary>
    public sealed record UidEntry(
        string Uid, string Title, string Keyword, string Type, bool Retired, string Info,
        TransferSyntaxEncoding? TransferSyntax, Citation Source, int Line);

    /// <summary>The whole uids.yaml file with the problems found in it.</summary>
    public sealed record UidRegistry(string Edition, EquatableArray<UidEntry> Uids, EquatableArray<SpecDiagnostic> Diagnostics);
}
