using System.Text.RegularExpressions;
using System.Xml.Linq;
using DicomSpecGen.Dimse;
using DicomSpecGen.Traceability;
using DicomSpecGen.Workflow;

namespace DicomSpecGen.Runtime.Tests.Workflow;

/// <summary>The workflow facts of spec/part04 (worklist.yaml, mpps.yaml, storage-commitment.yaml, and the Modality
/// Worklist statuses of spec/part07/statuses.yaml), as the runtime loads them, against the PS3.4 2020c DocBook
/// (tests/reference/editions/part04-2020c.xml): every row is found in the table or section it cites with the same
/// tag and types, and every attribute row of those tables is transcribed.</summary>
public partial class WorkflowSpecXmlTests
{
    private const string Edition = " (2020c)";

    private static readonly XNamespace Db = "http://docbook.org/ns/docbook";
    private static readonly XNamespace Xml = "http://www.w3.org/XML/1998/namespace";

    private static readonly Lazy<XDocument> Part04 = new(() =>
    {
        var path = Path.Combine(Dimse.TestPaths.ReferenceDir, "editions", "part04-2020c.xml");
        if (!File.Exists(path)) throw new FileNotFoundException("PS3.4 2020c DocBook missing (see tests/reference/SOURCES.md)", path);
        return XDocument.Load(path);
    });

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    /// <summary>The text of an element; a cross-reference becomes "Table X" / "Section X" as the standard prints it.</summary>
    private static string Text(XElement e)
    {
        if (e.Elements(Db + "para").Any()) return string.Join(' ', e.Elements(Db + "para").Select(Text)); // a cell of several paragraphs
        var parts = e.DescendantNodes().Select(n => n switch
        {
            XText t when t.Parent?.Name != Db + "xref" => t.Value,
            XElement { Name.LocalName: "xref" } x => Reference((string?)x.Attribute("linkend") ?? ""),
            _ => "",
        });
        return Spaces().Replace(string.Concat(parts).Replace("\u200b", ""), " ").Trim();
    }

    private static string Reference(string linkend) => linkend switch
    {
        _ when linkend.StartsWith("table_", StringComparison.Ordinal) => "Table " + linkend[6..],
        _ when linkend.StartsWith("sect_", StringComparison.Ordinal) => "Section " + linkend[5..],
        _ => "",
    };

    private static List<string[]> Table(string label)
    {
        var table = Part04.Value.Descendants(Db + "table").SingleOrDefault(t => (string?)t.Attribute(Xml + "id") == "table_" + label)
            ?? throw new InvalidOperationException($"PS3.4 Table {label} not found in part04-2020c.xml");
        return [.. table.Descendants(Db + "tr").Select(tr => tr.Elements().Where(c => c.Name == Db + "td" || c.Name == Db + "th").Select(Text).ToArray())];
    }

    /// <summary>The paragraphs of a section (not of its sub-sections).</summary>
    private static List<string> Section(string label)
    {
        var section = Part04.Value.Descendants(Db + "section").SingleOrDefault(s => (string?)s.Attribute("label") == label)
            ?? throw new InvalidOperationException($"PS3.4 section {label} not found in part04-2020c.xml");
        return [.. section.Elements(Db + "para").Select(Text)];
    }

    /// <summary>Attribute rows of a nested attribute table, keyed by the citation the YAML uses: the enclosing
    /// sequences' names and the row's name, each with its "&gt;" marks ("Scheduled Procedure Step Sequence &gt;Modality").
    /// A heading row (one cell) sets the module; "Include" and "All other Attributes" rows are not attribute rows.</summary>
    private static Dictionary<string, (string? Module, string[] Cells)> Attributes(string label, int nameColumn, Func<string[], string?>? group = null)
    {
        var result = new Dictionary<string, (string?, string[])>();
        string? module = null, currentGroup = null;
        var stack = new List<(int Depth, string Name)>();
        foreach (var cells in Table(label).Skip(1))
        {
            if (cells.Length == 1)
            {
                if (!cells[0].TrimStart('>').StartsWith("Include", StringComparison.Ordinal)) module = cells[0]; // a spanning ">Include" row is no heading
                continue;
            }
            if (group?.Invoke(cells) is { } g) { currentGroup = g; stack.Clear(); }
            var raw = cells[nameColumn];
            var depth = raw.Length - raw.TrimStart('>').Length;
            var name = raw.TrimStart('>').Trim();
            stack.RemoveAll(s => s.Depth >= depth);
            if (name.StartsWith("Include", StringComparison.Ordinal) || name.StartsWith("All ", StringComparison.Ordinal)) continue;
            var path = string.Join(' ', stack.Select(s => new string('>', s.Depth) + s.Name).Append(new string('>', depth) + name));
            result.Add($"PS3.4 Table {label}, " + (currentGroup != null ? currentGroup + ", " : "") + path, (module, cells));
            stack.Add((depth, name));
        }
        return result;
    }

    private static string Tag(uint tag) => $"({tag >> 16:X4},{tag & 0xFFFF:X4})";

    private static string Cited(string source)
    {
        Assert.EndsWith(Edition, source);
        return source[..^Edition.Length];
    }

    [Fact]
    [SpecRow("PS3.4 Table K.6-1")]
    public void Worklist_keys_are_the_rows_of_table_K_6_1()
    {
        var xml = Attributes("K.6-1", 0);
        foreach (var key in WorklistSpec.Keys)
        {
            Assert.True(xml.TryGetValue(Cited(key.Source), out var row), $"{key.Source} is not a row of Table K.6-1");
            Assert.Equal(row.Cells[1], Tag(key.Tag));
            Assert.Equal(row.Cells[2], key.Matching);
            Assert.Equal(row.Cells[3], key.Return);
            Assert.Equal(row.Module, key.Module);
            Assert.Equal(row.Cells[4].Length == 0 ? null : row.Cells[4], key.Remark);
            Assert.Equal(key.Parent == null, !row.Cells[0].StartsWith('>'));
        }
        Assert.Equal(xml.Keys.Order(), WorklistSpec.Keys.Select(k => Cited(k.Source)).Order());
        Assert.Contains(WorklistSpec.Keys, k => k.Keyword == "ScheduledStationAETitle" && k.Parent == "ScheduledProcedureStepSequence" && k.Matching == "R");
    }

    [Fact]
    [SpecRow("PS3.4 Table K.6.1.4-1")]
    [SpecRow("PS3.4 F.7.3")]
    [SpecRow("PS3.4 J.3.4")]
    [SpecRow("PS3.4 J.3.5")]
    public void Sop_class_uids_are_the_ones_the_standard_gives()
    {
        var mwl = Assert.Single(WorklistSpec.SopClasses);
        Assert.Contains(Table("K.6.1.4-1"), r => r.SequenceEqual([mwl.Title, mwl.Uid]));
        foreach (var row in MppsSpec.SopClasses.Concat(StorageCommitmentSpec.SopClasses))
        {
            var section = Cited(row.Source).Split(',')[0]["PS3.4 ".Length..];
            Assert.Contains(Section(section), p => p.Contains($"\"{row.Uid}\"", StringComparison.Ordinal));
        }
        Assert.Equal(["1.2.840.10008.3.1.2.3.3"], MppsSpec.SopClasses.Select(s => s.Uid));
        Assert.Equal(["1.2.840.10008.1.20.1", "1.2.840.10008.1.20.1.1"], StorageCommitmentSpec.SopClasses.Select(s => s.Uid));
    }

    private static (string Scu, string Scp) Usage(string cell)
    {
        if (cell.Equals("Not allowed", StringComparison.OrdinalIgnoreCase)) return ("-", "-");
        var m = Regex.Match(cell, @"^([0-9]C?|-)/([0-9]C?|-)");
        Assert.True(m.Success, cell);
        return (m.Groups[1].Value, m.Groups[2].Value);
    }

    [Fact]
    [SpecRow("PS3.4 Table F.7.2-1")]
    public void Mpps_attributes_are_the_rows_of_table_F_7_2_1()
    {
        var xml = Attributes("F.7.2-1", 0);
        foreach (var a in MppsSpec.Attributes)
        {
            Assert.True(xml.TryGetValue(Cited(a.Source), out var row), $"{a.Source} is not a row of Table F.7.2-1");
            Assert.Equal(row.Cells[1], Tag(a.Tag));
            Assert.Equal(Usage(row.Cells[2]), (a.NCreateScu, a.NCreateScp));
            Assert.Equal(Usage(row.Cells[3]), (a.NSetScu, a.NSetScp));
            if (a.NCreateCondition != null) Assert.Contains(a.NCreateCondition, row.Cells[2], StringComparison.Ordinal);
            if (a.NSetCondition != null) Assert.Contains(a.NSetCondition, row.Cells[3], StringComparison.Ordinal);
            if (a.FinalState != null) Assert.Equal(row.Cells[4], a.FinalState);
            Assert.Equal(row.Module, a.Module);
        }
        Assert.Equal(xml.Keys.Order(), MppsSpec.Attributes.Select(a => Cited(a.Source)).Order());
        var status = Assert.Single(MppsSpec.Attributes, a => a.Keyword == "PerformedProcedureStepStatus");
        Assert.Equal(("1", "1", "3", "1"), (status.NCreateScu, status.NCreateScp, status.NSetScu, status.NSetScp));
    }

    [Fact]
    [SpecRow("PS3.4 F.7.2.1.2")]
    [SpecRow("PS3.4 F.7.2.1.3")]
    [SpecRow("PS3.4 F.7.2.2.2")]
    [SpecRow("PS3.4 F.7.2.2.3")]
    public void Mpps_states_transitions_and_rules_quote_the_section_they_cite()
    {
        var quoted = MppsSpec.States.Select(s => (s.Source, s.Description))
            .Concat(MppsSpec.Transitions.Select(t => (t.Source, t.Description)))
            .Concat(MppsSpec.Rules.Select(r => (r.Source, r.Description)));
        foreach (var (source, description) in quoted)
        {
            var section = Cited(source).Split(',')[0]["PS3.4 ".Length..];
            Assert.Contains(Section(section), p => p.Contains(description, StringComparison.Ordinal));
        }
        Assert.Equal(["IN PROGRESS"], MppsSpec.States.Where(s => s.Initial).Select(s => s.Value));
        Assert.Equal(["COMPLETED", "DISCONTINUED"], MppsSpec.States.Where(s => s.Final).Select(s => s.Value).Order());
        Assert.True(MppsSpec.CanSet("IN PROGRESS", "COMPLETED"));
        Assert.True(MppsSpec.CanSet("IN PROGRESS", "DISCONTINUED"));
        Assert.False(MppsSpec.CanSet("COMPLETED", "IN PROGRESS"));
        Assert.False(MppsSpec.CanSet("DISCONTINUED", "COMPLETED"));
        // The N-SET refusal quotes the status code the section names.
        var rule = Assert.Single(MppsSpec.Rules, r => r.By == "N-SET");
        Assert.Contains($"(Code: {rule.Status:X4}H)", rule.Description, StringComparison.Ordinal);
        Assert.Equal(DimseStatus.ProcessingFailure, rule.Status);
        Assert.Equal(DimseStatus.InvalidAttributeValue, Assert.Single(MppsSpec.Rules, r => r.By == "N-CREATE").Status);
    }

    [Fact]
    [SpecRow("PS3.4 Table F.7.2-2")]
    public void Mpps_error_comment_is_table_F_7_2_2()
    {
        var rows = Table("F.7.2-2").Skip(1).ToList();
        var comment = Assert.Single(MppsSpec.ErrorComments);
        Assert.Equal([["Failure", comment.Meaning, comment.Status.ToString("X4"), comment.ErrorComment, comment.ErrorId.ToString("X4")]], rows);
        Assert.Equal("Performed Procedure Step Object may no longer be updated", comment.ErrorComment);
        Assert.Equal(0xA710, comment.ErrorId);
    }

    [Fact]
    [SpecRow("PS3.4 Table J.3-1")]
    [SpecRow("PS3.4 Table J.3-2")]
    public void Storage_commitment_action_and_event_information_are_tables_J_3_1_and_J_3_2()
    {
        foreach (var (label, types, attributes) in new[]
                 {
                     ("J.3-1", StorageCommitmentSpec.Actions, StorageCommitmentSpec.ActionAttributes),
                     ("J.3-2", StorageCommitmentSpec.Events, StorageCommitmentSpec.EventAttributes),
                 })
        {
            var typeRows = Table(label).Skip(1).Where(r => r[0].Length > 0).Select(r => (r[0], r[1])).ToList();
            Assert.Equal(typeRows, types.Select(t => (t.Title, t.Id.ToString())));
            foreach (var t in types) Assert.Equal($"PS3.4 Table {label}, {t.Title}", Cited(t.Source));
            var xml = Attributes(label, 2, cells => cells[0].Length > 0 ? cells[0] : null);
            foreach (var a in attributes)
            {
                Assert.True(xml.TryGetValue(Cited(a.Source), out var row), $"{a.Source} is not a row of Table {label}");
                Assert.Equal(row.Cells[3], Tag(a.Tag));
                Assert.Equal(Usage(row.Cells[4]), (a.Scu, a.Scp));
                Assert.StartsWith($"PS3.4 Table {label}, {types.Single(t => t.Id == a.TypeId).Title}, ", a.Source);
                if (a.Condition != null) Assert.Contains(a.Condition, row.Cells[4], StringComparison.Ordinal);
            }
            Assert.Equal(xml.Keys.Order(), attributes.Select(a => Cited(a.Source)).Order());
        }
        Assert.Equal((ushort)1, Assert.Single(StorageCommitmentSpec.Actions).Id);
        var failed = Assert.Single(StorageCommitmentSpec.EventAttributes, a => a.TypeId == 2 && a.Keyword == "FailureReason");
        Assert.Equal("FailedSOPSequence", failed.Parent);
    }

    [Fact]
    [SpecRow("PS3.4 Table K.4-1")]
    public void Modality_worklist_statuses_are_table_K_4_1()
    {
        // Rows of K.4-1 after the first of a status type lack its first cell; the code is the second last cell.
        var xml = Table("K.4-1").Skip(1).Select(r => (Meaning: r[^3], Code: r[^2])).ToList();
        var rows = DimseStatus.Rows.Where(r => r.Service == DimseService.ModalityWorklistFind).ToList();
        Assert.Equal(5, rows.Count);
        foreach (var row in rows)
        {
            var code = Cited(row.Source)["PS3.4 Table K.4-1, ".Length..];
            var expected = code == "Cxxx" ? (0xC000, 0xCFFF) : (Convert.ToInt32(code, 16), Convert.ToInt32(code, 16));
            Assert.Equal(expected, (row.Low, row.High));
            Assert.Contains((row.Meaning, code), xml);
        }
        // 0000 and FE00 of the table are the General statuses every service falls back to.
        Assert.Contains(xml, r => r.Code == "0000");
        Assert.Equal(DimseService.General, DimseStatus.Lookup(DimseService.ModalityWorklistFind, 0xFE00).Service);
    }
}
