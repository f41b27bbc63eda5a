using DicomSpecGen.Protocol;
using DicomSpecGen.Tools.WireTrace;
using DicomSpecGen.Traceability;

namespace DicomSpecGen.Tools.Tests.WireTrace;

public class QualifiedValuesTests
{
    private static readonly QualifiedValues Values = QualifiedValues.Load(Path.Combine(TestPaths.SpecDir, "part08", "pdus.yaml"));

    [Theory]
    [InlineData(AssociateRejectSource.ServiceUser, 7, "called-AE-title-not-recognized", "PS3.8 Table 9-21, Reason 7 (Source 1) (2024c)")]
    [InlineData(AssociateRejectSource.ServiceProviderAcse, 2, "protocol-version-not-supported", "PS3.8 Table 9-21, Reason 2 (Source 2) (2024c)")]
    [InlineData(AssociateRejectSource.ServiceProviderPresentation, 2, "local-limit-exceeded", "PS3.8 Table 9-21, Reason 2 (Source 3) (2024c)")]
    [InlineData(AssociateRejectSource.ServiceProviderAcse, 7, "not defined for Source 2", "PS3.8 Table 9-21, Reason/Diag. (2024c)")]
    [SpecRow("PS3.8 Table 9-21, Reason")]
    public void The_same_reason_byte_means_what_its_source_says(AssociateRejectSource source, byte reason, string meaning, string citation)
    {
        var rj = new AAssociateRj { Result = AssociateRejectResult.RejectedTransient, Source = source, Reason = reason };
        Assert.Equal((meaning, citation), Values.Describe(rj, "Reason"));
        Assert.Null(Values.Describe(rj, "Source")); // its own value table is not qualified
    }
}
