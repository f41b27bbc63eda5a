using System.Globalization;
using DicomSpecGen.Dimse;

namespace DicomSpecGen.Runtime.Tests.Dimse;

/// <summary>The generated tables against the reference facts in tests/reference.</summary>
public class ReferenceFactsTests
{
    [Fact]
    public void CommandElementCountEqualsReference()
    {
        var rows = TestPaths.ReadTsv("command-elements.tsv");
        Assert.Equal(CommandElement.Count, rows.Count);
        Assert.Equal(rows.Count, CommandElement.All.Count);
    }

    [Fact]
    public void EveryReferenceCommandElementMatchesTagKeywordVrVmAndRetired()
    {
        foreach (var row in TestPaths.ReadTsv("command-elements.tsv"))
        {
            var tag = uint.Parse(row["tag"].Substring(6, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            var info = CommandElement.Find(tag);
            Assert.NotNull(info);
            Assert.Equal(row["keyword"], info!.Keyword);
            Assert.Equal(row["name"], info.Name);
            Assert.Equal(row["vr"], info.Vr);
            Assert.Equal(row["vm"], info.Vm);
            Assert.Equal(row["retired"] == "Y", info.Retired);
            Assert.StartsWith(info.Retired ? "PS3.7 Table E.2-1" : "PS3.7 Table E.1-1", info.Source);
        }
    }

    [Fact]
    public void CommandFieldEnumEqualsReference()
    {
        var rows = TestPaths.ReadTsv("command-fields.tsv");
        var values = Enum.GetValues<CommandField>();
        Assert.Equal(rows.Count, values.Length);
        foreach (var row in rows)
        {
            var value = ushort.Parse(row["value"].Substring(2), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            var field = (CommandField)value;
            Assert.True(Enum.IsDefined(field), row["name"]);
            var message = Messages.Create(field);
            Assert.Equal(row["name"], message.Title);
            Assert.Equal(row["kind"] == "response", message.IsResponse);
        }
    }
}
