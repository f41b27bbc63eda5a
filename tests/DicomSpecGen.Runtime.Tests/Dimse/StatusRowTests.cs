using DicomSpecGen.Dimse;
using DicomSpecGen.Traceability;

namespace DicomSpecGen.Runtime.Tests.Dimse;

/// <summary>Every row of statuses.yaml, read with the generator's parser, against the generated lookup and row table.</summary>
public class StatusRowTests
{
    public static TheoryData<string, string> StatusRows()
    {
        var data = new TheoryData<string, string>();
        foreach (var service in SpecFiles.Load().Services)
        {
            foreach (var s in service.Statuses) data.Add(service.Name, s.Code.Text);
        }
        return data;
    }

    public static TheoryData<string> ClassRows()
    {
        var data = new TheoryData<string>();
        foreach (var c in SpecFiles.Load().Classes) data.Add(c.Class);
        return data;
    }

    [Theory]
    [MemberData(nameof(StatusRows))]
    // The General rows cite their Annex C section; the service rows their PS3.4 table (or section, for later rows).
    [SpecRow("PS3.7 Annex C.1.1")]
    [SpecRow("PS3.7 Annex C.3.1")]
    [SpecRow("PS3.7 Annex C.4.2")]
    [SpecRow("PS3.7 Annex C.4.3")]
    [SpecRow("PS3.7 Annex C.5.6")]
    [SpecRow("PS3.7 Annex C.5.7")]
    [SpecRow("PS3.7 Annex C.5.8")]
    [SpecRow("PS3.7 Annex C.5.9")]
    [SpecRow("PS3.7 Annex C.5.10")]
    [SpecRow("PS3.7 Annex C.5.11")]
    [SpecRow("PS3.7 Annex C.5.12")]
    [SpecRow("PS3.7 Annex C.5.13")]
    [SpecRow("PS3.7 Annex C.5.14")]
    [SpecRow("PS3.7 Annex C.5.15")]
    [SpecRow("PS3.7 Annex C.5.16")]
    [SpecRow("PS3.7 Annex C.5.17")]
    [SpecRow("PS3.7 Annex C.5.18")]
    [SpecRow("PS3.7 Annex C.5.19")]
    [SpecRow("PS3.7 Annex C.5.20")]
    [SpecRow("PS3.7 Annex C.5.21")]
    [SpecRow("PS3.7 Annex C.5.22")]
    [SpecRow("PS3.7 Annex C.5.23")]
    [SpecRow("PS3.7 Annex C.5.24")]
    [SpecRow("PS3.7 Annex C.5.25")]
    [SpecRow("PS3.4 Table B.2-1")]
    [SpecRow("PS3.4 Table C.4-1")]
    [SpecRow("PS3.4 Table C.4-2")]
    [SpecRow("PS3.4 Table C.4-3")]
    [SpecRow("PS3.4 C.4.1.1.4")]
    [SpecRow("PS3.4 Table Y.4-1")]
    [SpecRow("PS3.4 Table Y.4-2")]
    public void Status_row_is_found_at_both_ends_of_its_code_range(string serviceName, string code)
    {
        var service = SpecFiles.Load().Services.Single(s => s.Name == serviceName);
        var row = service.Statuses.Single(s => s.Code.Text == code);
        var generatedService = Enum.Parse<DimseService>(serviceName);
        foreach (var probe in new[] { row.Code.Low, row.Code.High })
        {
            Assert.True(DimseStatus.TryLookup(generatedService, (ushort)probe, out var info));
            Assert.Equal(row.Meaning, info.Meaning);
            Assert.Equal(Enum.Parse<StatusClass>(row.Class), info.Class);
            Assert.Equal(generatedService, info.Service);
            Assert.Equal(row.Source.ToString(), info.Source);
        }
        var tableRow = Assert.Single(DimseStatus.Rows, r => r.Service == generatedService && r.Low == row.Code.Low);
        Assert.Equal(new DimseStatusRow(generatedService, (ushort)row.Code.Low, (ushort)row.Code.High, Enum.Parse<StatusClass>(row.Class), row.Meaning, row.Source.ToString()), tableRow);
        // A General row's name: is a constant of DimseStatus; a service row's name: keeps its constant below.
        if (row.Name != null && serviceName == "General")
        {
            Assert.Equal((ushort)row.Code.Low, (ushort)typeof(DimseStatus).GetField(row.Name)!.GetValue(null)!);
        }
        if (serviceName != "General")
        {
            // A service row is a constant of DimseStatus.<Service>, named after its meaning, valued its (first) code.
            var constants = typeof(DimseStatus).GetNestedType(serviceName)!;
            var field = constants.GetField(row.Constant);
            Assert.True(field != null, $"no DimseStatus.{serviceName}.{row.Constant}");
            Assert.Equal((ushort)row.Code.Low, (ushort)field.GetValue(null)!);
        }
    }

    [Theory]
    [MemberData(nameof(ClassRows))]
    [SpecRow("PS3.7 Annex C, Status Class convention")]
    public void Status_class_row_classifies_each_end_of_its_codes(string statusClass)
    {
        var row = SpecFiles.Load().Classes.Single(c => c.Class == statusClass);
        foreach (var range in row.Codes)
        {
            foreach (var probe in new[] { (ushort)range.Low, (ushort)range.High })
            {
                if (statusClass == "Assigned")
                {
                    // The assigned codes take their General status's class; undefined ones are Unknown.
                    Assert.True(DimseStatus.IsAssigned(probe));
                    var expected = DimseStatus.TryLookup(DimseService.General, probe, out var general) ? general.Class : StatusClass.Unknown;
                    Assert.Equal(expected, DimseStatus.ClassOf(probe));
                }
                else
                {
                    Assert.False(DimseStatus.IsAssigned(probe));
                    Assert.Equal(Enum.Parse<StatusClass>(statusClass), DimseStatus.ClassOf(probe));
                }
            }
        }
    }

    [Fact]
    public void Each_service_class_holds_exactly_the_constants_of_its_rows()
    {
        foreach (var service in SpecFiles.Load().Services.Where(s => s.Name != "General" && s.Statuses.Count > 0))
        {
            var fields = typeof(DimseStatus).GetNestedType(service.Name)!.GetFields().Select(f => f.Name).Order(StringComparer.Ordinal);
            Assert.Equal(service.Statuses.Select(s => s.Constant).Order(StringComparer.Ordinal), fields);
        }
    }

    [Fact]
    public void Row_table_has_one_row_per_yaml_status()
        => Assert.Equal(SpecFiles.Load().Services.Sum(s => s.Statuses.Count), DimseStatus.Rows.Count);
}
