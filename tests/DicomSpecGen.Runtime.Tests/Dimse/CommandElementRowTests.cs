using DicomSpecGen.Dimse;
using DicomSpecGen.Traceability;

namespace DicomSpecGen.Runtime.Tests.Dimse;

/// <summary>Every row of command-elements.yaml, read with the generator's parser, against the generated tags,
/// element table and named values.</summary>
public class CommandElementRowTests
{
    public static TheoryData<string> ElementRows()
    {
        var data = new TheoryData<string>();
        foreach (var e in SpecFiles.Load().Elements) data.Add(e.Keyword);
        return data;
    }

    [Theory]
    [MemberData(nameof(ElementRows))]
    [SpecRow("PS3.7 Table E.1-1")]
    [SpecRow("PS3.7 Table E.2-1")]
    public void Element_row_has_its_tag_entry_and_named_values(string keyword)
    {
        var row = SpecFiles.Load().Elements.Single(e => e.Keyword == keyword);
        Assert.Equal(row.Tag, (uint)typeof(CommandElement).GetField(keyword)!.GetValue(null)!);
        var info = CommandElement.Find(row.Tag);
        Assert.NotNull(info);
        Assert.Equal((row.Keyword, row.Name, row.Vr, row.Vm, row.Retired, row.Source.ToString()),
            (info!.Keyword, info.Name, info.Vr, info.Vm, info.Retired, info.Source));
        if (row.Values.Count == 0) return;
        var values = typeof(CommandElement).Assembly.GetType("DicomSpecGen.Dimse." + keyword, throwOnError: true)!;
        Assert.Equal(row.Values.Select(v => (v.Name, (ushort)v.Value)).Order(),
            Enum.GetValues(values).Cast<object>().Select(v => (Enum.GetName(values, v)!, Convert.ToUInt16(v))).Order());
    }
}
