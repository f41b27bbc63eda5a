using System.Xml.Linq;
using DicomSpecGen.Spec.Dul;

namespace DicomSpecGen.Generators.Tests.Dul;

/// <summary>The YAML checked against the standard itself: Table 9-10 and the action tables parsed from the
/// 2013 DocBook XML (tests/reference/standard/part08.xml), and the cross-checked reference TSVs.</summary>
public sealed class DulStandardTests
{
    private static readonly XNamespace Db = "http://docbook.org/ns/docbook";
    private static readonly XNamespace Xml = "http://www.w3.org/XML/1998/namespace";

    private static DulSpec Spec() => DulSpecParser.Parse(DulGeneratorHarness.SpecFiles().Select(f => new DulSpecFile(f.Path, f.Text)));

    [Fact]
    public void Every_cell_matches_table_9_10_of_the_standard_blank_cells_included()
    {
        var table = Table("table_9-10");
        var rows = table.Element(Db + "tbody")!.Elements(Db + "tr").ToList();
        var spec = Spec();
        Assert.Equal(spec.Events.Count, rows.Count);
        var compared = 0;
        for (var r = 0; r < rows.Count; r++)
        {
            var cells = rows[r].Elements(Db + "td").ToList();
            Assert.Equal(1 + spec.States.Count, cells.Count);
            var evt = spec.Events[r];
            for (var c = 1; c < cells.Count; c++)
            {
                var state = spec.States[c - 1];
                var yaml = spec.Cells.Single(x => x.Event == evt.Id && x.State == state.Id);
                var paras = cells[c].Elements(Db + "para").Select(p => p.Value.Trim()).ToList();
                if (paras.Count == 0)
                {
                    Assert.False(yaml.IsDefined, $"{evt.Id}/{state.Id} is blank in the standard");
                }
                else
                {
                    // "AE-6" / "Sta3 or 13"
                    Assert.Equal(paras[0].Replace("-", ""), yaml.Action);
                    var next = paras[1].Split(" or ");
                    var expected = next.Take(1).Concat(next.Skip(1).Select(n => "Sta" + n)).ToList();
                    Assert.Equal(expected, yaml.Next);
                }
                compared++;
            }
        }
        Assert.Equal(247, compared);
    }

    [Fact]
    public void Actions_and_their_next_states_match_tables_9_6_to_9_9()
    {
        var spec = Spec();
        var found = 0;
        foreach (var id in new[] { "table_9-6", "table_9-7", "table_9-8", "table_9-9" })
        {
            foreach (var row in Table(id).Element(Db + "tbody")!.Elements(Db + "tr"))
            {
                var cells = row.Elements(Db + "td").ToList();
                var label = cells[0].Value.Trim();
                var text = string.Join(" ", cells[1].Elements(Db + "para").Select(p => p.Value));
                var action = spec.Actions.Single(a => a.Id == label);
                Assert.Equal("PS3.8 Table " + id["table_".Length..] + ", " + label, action.Source.Text);
                // Each next state the YAML gives is named in the standard's text ("Next state is Sta4", "STA13").
                foreach (var next in action.Next)
                {
                    Assert.Matches($@"(?i)\b{next.State}\b", text);
                }
                var mentioned = System.Text.RegularExpressions.Regex.Matches(text, @"(?i)\bsta(\d+)\b").Select(m => "Sta" + m.Groups[1].Value).Distinct();
                Assert.Equal(mentioned.OrderBy(s => s), action.Next.Select(n => n.State).OrderBy(s => s));
                found++;
            }
        }
        Assert.Equal(28, found);
        Assert.Equal(28, spec.Actions.Count);
    }

    [Fact]
    public void States_and_events_match_the_reference_tsv()
    {
        var spec = Spec();
        var states = Tsv("dul-states.tsv");
        Assert.Equal(states.Select(r => (r[0], r[1])), spec.States.Select(s => (s.Id, s.Description)));
        var events = Tsv("dul-events.tsv");
        Assert.Equal(events.Select(r => (r[0], r[1])), spec.Events.Select(e => (e.Id, e.Description)));
        var transitions = Tsv("dul-transitions.tsv");
        Assert.Equal(
            transitions.Select(r => $"{r[0]}/{r[1]}: {r[2].Replace("-", "")} -> {r[3]}").OrderBy(s => s, StringComparer.Ordinal),
            spec.Cells.Where(c => c.IsDefined).Select(c => $"{c.Event}/{c.State}: {c.Action} -> {string.Join("|", c.Next)}").OrderBy(s => s, StringComparer.Ordinal));
    }

    private static XElement Table(string id)
    {
        var doc = XDocument.Load(Path.Combine(ReferenceDir(), "standard", "part08.xml"));
        return doc.Descendants(Db + "table").Single(t => (string?)t.Attribute(Xml + "id") == id);
    }

    private static List<string[]> Tsv(string name)
        => File.ReadAllLines(Path.Combine(ReferenceDir(), name)).Skip(1).Where(l => l.Length > 0).Select(l => l.Split('\t')).ToList();

    /// <summary>The reference facts: DSG_REFERENCE_DIR, else tests/reference of this clone.</summary>
    private static string ReferenceDir()
        => Environment.GetEnvironmentVariable("DSG_REFERENCE_DIR") is { Length: > 0 } env ? env : Path.Combine(DulGeneratorHarness.RepoRoot, "tests", "reference");
}
