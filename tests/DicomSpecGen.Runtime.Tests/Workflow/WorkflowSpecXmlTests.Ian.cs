using DicomSpecGen.Traceability;
using DicomSpecGen.Workflow;

namespace DicomSpecGen.Runtime.Tests.Workflow;

/// <summary>spec/part04/ian.yaml against the PS3.4 2020c DocBook: Table R.3.2-1 and the SOP class UID of R.3.3.</summary>
public partial class WorkflowSpecXmlTests
{
    [Fact]
    [SpecRow("PS3.4 Table R.3.2-1")]
    [SpecRow("PS3.4 R.3.3")]
    public void Ian_attributes_are_the_rows_of_table_R_3_2_1_and_the_uid_is_R_3_3s()
    {
        var xml = Attributes("R.3.2-1", 0);
        foreach (var a in IanSpec.Attributes)
        {
            Assert.True(xml.TryGetValue(Cited(a.Source), out var row), $"{a.Source} is not a row of Table R.3.2-1");
            Assert.Equal(row.Cells[1], Tag(a.Tag));
            Assert.Equal(Usage(row.Cells[2]), (a.Scu, a.Scp));
            if (a.Condition != null) Assert.Contains(a.Condition, row.Cells[2], StringComparison.Ordinal);
        }
        Assert.Equal(xml.Keys.Order(), IanSpec.Attributes.Select(a => Cited(a.Source)).Order());
        var uid = Assert.Single(IanSpec.SopClasses);
        Assert.Equal("1.2.840.10008.5.1.4.33", uid.Uid);
        Assert.Contains(Section("R.3.3"), p => p.Contains($"\"{uid.Uid}\"", StringComparison.Ordinal));
    }
}
