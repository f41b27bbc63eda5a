using Microsoft.CodeAnalysis;

namespace DicomSpecGen.Generators.Tests.Dimse;

/// <summary>One bad-YAML case per diagnostic the DIMSE files can raise: the ID, the file and the line.</summary>
public class DimseDiagnosticTests
{
    private const string ElementsPath = "/repo/spec/part07/command-elements.yaml";
    private const string MessagesPath = "/repo/spec/part07/messages.yaml";
    private const string StatusesPath = "/repo/spec/part07/statuses.yaml";

    private const string Elements = """
        edition: "2013"
        document: PS3.7
        elements:
          - { tag: "(0000,0000)", keyword: CommandGroupLength, name: "Command Group Length", vr: UL, vm: "1", retired: false, source: "PS3.7 Table E.1-1, (0000,0000)" }
          - { tag: "(0000,0002)", keyword: AffectedSOPClassUID, name: "Affected SOP Class UID", vr: UI, vm: "1", retired: false, source: "PS3.7 Table E.1-1, (0000,0002)" }
          - { tag: "(0000,0100)", keyword: CommandField, name: "Command Field", vr: US, vm: "1", retired: false, source: "PS3.7 Table E.1-1, (0000,0100)" }
          - { tag: "(0000,0110)", keyword: MessageID, name: "Message ID", vr: US, vm: "1", retired: false, source: "PS3.7 Table E.1-1, (0000,0110)" }
          - { tag: "(0000,0120)", keyword: MessageIDBeingRespondedTo, name: "Message ID Being Responded To", vr: US, vm: "1", retired: false, source: "PS3.7 Table E.1-1, (0000,0120)" }
          - tag: "(0000,0800)"
            keyword: CommandDataSetType
            name: "Command Data Set Type"
            vr: US
            vm: "1"
            source: "PS3.7 Table E.1-1, (0000,0800)"
            values:
              - { name: Null, value: 0x0101, source: "PS3.7 Table E.1-1, (0000,0800)" }
              - { name: Present, value: 0x0001, source: "PS3.7 Table E.1-1, (0000,0800)" }
          - { tag: "(0000,0900)", keyword: Status, name: "Status", vr: US, vm: "1", retired: false, source: "PS3.7 Table E.1-1, (0000,0900)" }
        """;

    private const string Messages = """
        edition: "2013"
        document: PS3.7
        messages:
          - name: CEchoRq
            title: C-ECHO-RQ
            commandField: 0x0030
            kind: request
            source: "PS3.7 Table 9.3-12"
            usageSource: "PS3.7 Table 9.1-5, Req/Ind"
            fields:
              - { element: CommandGroupLength, usage: "M", source: "PS3.7 Table 9.3-12, Command Group Length (0000,0000)" }
              - { element: AffectedSOPClassUID, usage: "M", source: "PS3.7 Table 9.3-12, Affected SOP Class UID (0000,0002)" }
              - { element: CommandField, usage: "M", source: "PS3.7 Table 9.3-12, Command Field (0000,0100)" }
              - { element: MessageID, usage: "M", source: "PS3.7 Table 9.3-12, Message ID (0000,0110)" }
              - { element: CommandDataSetType, usage: "M", source: "PS3.7 Table 9.3-12, Command Data Set Type (0000,0800)" }
          - name: CEchoRsp
            title: C-ECHO-RSP
            commandField: 0x8030
            kind: response
            source: "PS3.7 Table 9.3-13"
            usageSource: "PS3.7 Table 9.1-5, Rsp/Conf"
            fields:
              - { element: CommandGroupLength, usage: "M", source: "PS3.7 Table 9.3-13, Command Group Length (0000,0000)" }
              - { element: AffectedSOPClassUID, usage: "U(=)", source: "PS3.7 Table 9.3-13, Affected SOP Class UID (0000,0002)" }
              - { element: CommandField, usage: "M", source: "PS3.7 Table 9.3-13, Command Field (0000,0100)" }
              - { element: MessageIDBeingRespondedTo, usage: "M", source: "PS3.7 Table 9.3-13, Message ID Being Responded To (0000,0120)" }
              - { element: CommandDataSetType, usage: "M", source: "PS3.7 Table 9.3-13, Command Data Set Type (0000,0800)" }
              - { element: Status, usage: "M", source: "PS3.7 Table 9.3-13, Status (0000,0900)" }
        """;

    private const string Statuses = """
        edition: "2013"
        document: PS3.7
        classes:
          - { class: Success, codes: ["0000"], source: "PS3.7 Annex C, Status Class convention, Success" }
          - { class: Failure, codes: ["Axxx", "Cxxx"], source: "PS3.7 Annex C, Status Class convention, Failure" }
        services:
          - name: General
            title: "General"
            source: "PS3.7 Annex C"
            statuses:
              - { code: "0000", meaning: "Success", class: Success, name: Success, source: "PS3.7 Annex C.1.1, Success" }
              - { code: "0122", meaning: "Refused: SOP Class Not Supported", class: Failure, source: "PS3.7 Annex C.5.6" }
          - name: Storage
            title: "Storage"
            source: "PS3.4 Table B.2-1"
            statuses:
              - { code: "A700-A7FF", meaning: "Refused: Out of Resources", class: Failure, source: "PS3.4 Table B.2-1, A700-A7FF" }
              - { code: "C000-CFFF", meaning: "Cannot Understand", class: Failure, source: "PS3.4 Table B.2-1, C000-CFFF" }
        """;

    private static DimseHarness.Run RunWith(string? elements = Elements, string? messages = Messages, string? statuses = Statuses)
    {
        var files = new List<(string, string)>();
        if (elements != null) files.Add((ElementsPath, elements));
        if (messages != null) files.Add((MessagesPath, messages));
        if (statuses != null) files.Add((StatusesPath, statuses));
        return DimseHarness.Execute(files);
    }

    /// <summary>The single diagnostic, checked for ID, file and the line holding <paramref name="lineText"/>.</summary>
    private static Diagnostic Single(DimseHarness.Run run, string id, string path, string text, string lineText)
    {
        var d = Assert.Single(run.Diagnostics);
        Assert.Equal(id, d.Id);
        Assert.Equal(DiagnosticSeverity.Error, d.Severity);
        var span = d.Location.GetLineSpan();
        Assert.Equal(path, span.Path);
        var line = text.Split('\n')[span.StartLinePosition.Line];
        Assert.Contains(lineText, line);
        Assert.Empty(run.Sources); // no code from a broken spec
        return d;
    }

    private static string Replace(string text, string from, string to)
    {
        Assert.Contains(from, text);
        return text.Replace(from, to);
    }

    [Fact]
    public void ValidFixtureHasNoDiagnosticsAndCompiles()
    {
        var run = RunWith();
        Assert.Empty(run.Diagnostics);
        Assert.NotEmpty(run.Sources);
        Assert.Empty(run.CompileErrors);
    }

    [Fact]
    public void DSG0201_UnknownElementInAMessageTable()
    {
        var messages = Replace(Messages, "element: MessageID, usage", "element: MessageId, usage");
        var d = Single(RunWith(messages: messages), "DSG0201", MessagesPath, messages, "MessageId");
        Assert.Contains("'MessageId'", d.GetMessage());
    }

    [Fact]
    public void DSG0202_DuplicateCommandField()
    {
        var messages = Replace(Messages, "commandField: 0x8030", "commandField: 0x0030");
        var d = Single(RunWith(messages: messages), "DSG0202", MessagesPath, messages, "commandField: 0x0030");
        Assert.Contains("C-ECHO-RQ", d.GetMessage());
    }

    [Fact]
    public void DSG0203_BadUsageCode()
    {
        var messages = Replace(Messages, "element: Status, usage: \"M\"", "element: Status, usage: \"R\"");
        Single(RunWith(messages: messages), "DSG0203", MessagesPath, messages, "usage: \"R\"");
    }

    [Fact]
    public void DSG0203_ConditionalUsageWithoutCondition()
    {
        var messages = Replace(Messages, "element: AffectedSOPClassUID, usage: \"U(=)\"", "element: AffectedSOPClassUID, usage: \"C(=)\"");
        Single(RunWith(messages: messages), "DSG0203", MessagesPath, messages, "C(=)");
    }

    [Fact]
    public void DSG0204_OverlappingStatusRangesInOneService()
    {
        var statuses = Replace(Statuses, "code: \"C000-CFFF\"", "code: \"A7F0-A800\"");
        var d = Single(RunWith(statuses: statuses), "DSG0204", StatusesPath, statuses, "A7F0-A800");
        Assert.Contains("A700-A7FF", d.GetMessage());
    }

    [Fact]
    public void DSG0204_ServiceStatusOverlappingGeneral()
    {
        var statuses = Replace(Statuses, "code: \"C000-CFFF\"", "code: \"0100-01FF\"");
        var d = Single(RunWith(statuses: statuses), "DSG0204", StatusesPath, statuses, "0100-01FF");
        Assert.Contains("General", d.GetMessage());
    }

    [Fact]
    public void DSG0204_OverlappingClassConvention()
    {
        var statuses = Replace(Statuses, "codes: [\"Axxx\", \"Cxxx\"]", "codes: [\"Axxx\", \"A0xx\"]");
        Single(RunWith(statuses: statuses), "DSG0204", StatusesPath, statuses, "A0xx");
    }

    [Fact]
    public void DSG0205_TagOutsideGroup0000()
    {
        var elements = Replace(Elements, "tag: \"(0000,0900)\"", "tag: \"(0008,0900)\"");
        Single(RunWith(elements: elements), "DSG0205", ElementsPath, elements, "(0008,0900)");
    }

    [Fact]
    public void DSG0206_DuplicateElementTag()
    {
        var elements = Replace(Elements, "tag: \"(0000,0900)\"", "tag: \"(0000,0120)\"");
        var d = Single(RunWith(elements: elements), "DSG0206", ElementsPath, elements, "keyword: Status");
        Assert.Contains("(0000,0120)", d.GetMessage());
    }

    [Fact]
    public void DSG0206_FieldListedTwiceInAMessage()
    {
        var messages = Replace(Messages,
            "      - { element: MessageID, usage: \"M\", source: \"PS3.7 Table 9.3-12, Message ID (0000,0110)\" }\n",
            "      - { element: MessageID, usage: \"M\", source: \"PS3.7 Table 9.3-12, Message ID (0000,0110)\" }\n      - { element: MessageID, usage: \"U\", source: \"again\" }\n");
        Single(RunWith(messages: messages), "DSG0206", MessagesPath, messages, "source: \"again\"");
    }

    [Fact]
    public void DSG0207_StatusConditionInAMessageWithoutStatus()
    {
        var messages = Replace(Messages,
            "element: AffectedSOPClassUID, usage: \"M\", source: \"PS3.7 Table 9.3-12",
            "element: AffectedSOPClassUID, usage: \"C\", condition: \"when pending\", requiredWhen: Pending, source: \"PS3.7 Table 9.3-12");
        Single(RunWith(messages: messages), "DSG0207", MessagesPath, messages, "requiredWhen: Pending");
    }

    [Fact]
    public void DSG0208_MalformedStatusCode()
    {
        var statuses = Replace(Statuses, "code: \"C000-CFFF\"", "code: \"C0000\"");
        Single(RunWith(statuses: statuses), "DSG0208", StatusesPath, statuses, "C0000");
    }

    [Fact]
    public void DSG0208_UnknownStatusClass()
    {
        var statuses = Replace(Statuses, "meaning: \"Cannot Understand\", class: Failure", "meaning: \"Cannot Understand\", class: Error");
        Single(RunWith(statuses: statuses), "DSG0208", StatusesPath, statuses, "class: Error");
    }

    [Fact]
    public void DSG0209_MessageWithoutCommandDataSetType()
    {
        var messages = Replace(Messages, "      - { element: CommandDataSetType, usage: \"M\", source: \"PS3.7 Table 9.3-12, Command Data Set Type (0000,0800)\" }\n", "");
        var d = Single(RunWith(messages: messages), "DSG0209", MessagesPath, messages, "- name: CEchoRq");
        Assert.Contains("CommandDataSetType", d.GetMessage());
    }

    [Fact]
    public void DSG0209_DataSetTypeWithoutNullValue()
    {
        var elements = Replace(Elements, "      - { name: Null, value: 0x0101, source: \"PS3.7 Table E.1-1, (0000,0800)\" }\n", "");
        Single(RunWith(elements: elements), "DSG0209", ElementsPath, elements, "name: Present");
    }

    [Fact]
    public void DSG0210_UnsupportedVr()
    {
        var elements = Replace(Elements, "keyword: Status, name: \"Status\", vr: US", "keyword: Status, name: \"Status\", vr: SQ");
        Single(RunWith(elements: elements), "DSG0210", ElementsPath, elements, "vr: SQ");
    }

    [Fact]
    public void DSG0211_MessagesWithoutCommandElementsFile()
    {
        Single(RunWith(elements: null), "DSG0211", MessagesPath, Messages, "edition");
    }

    [Fact]
    public void DSG0004_RowWithoutSource()
    {
        var messages = Replace(Messages, ", source: \"PS3.7 Table 9.3-13, Status (0000,0900)\"", "");
        Single(RunWith(messages: messages), "DSG0004", MessagesPath, messages, "element: Status");
    }

    [Fact]
    public void DSG0005_UnknownKey()
    {
        var elements = Replace(Elements, "keyword: Status, name: \"Status\"", "keyword: Status, nmae: \"Status\", name: \"Status\"");
        Single(RunWith(elements: elements), "DSG0005", ElementsPath, elements, "nmae");
    }

    [Fact]
    public void DSG0201_ResponseFieldEqualsARequestFieldThatDoesNotExist()
    {
        var messages = Replace(Messages, "{ element: MessageIDBeingRespondedTo, usage: \"M\", source",
            "{ element: MessageIDBeingRespondedTo, usage: \"M\", equals: MessageNumber, equalsSource: \"PS3.7 9.1.5.1.2\", source");
        var d = Single(RunWith(messages: messages), "DSG0201", MessagesPath, messages, "equals: MessageNumber");
        Assert.Contains("C-ECHO-RQ has no such field", d.GetMessage());
    }

    [Fact]
    public void DSG0201_EqualUsageOnAFieldTheRequestLacks()
    {
        var messages = Replace(Messages, "{ element: Status, usage: \"M\", source", "{ element: Status, usage: \"U(=)\", source");
        Single(RunWith(messages: messages), "DSG0201", MessagesPath, messages, "element: Status, usage: \"U(=)\"");
    }

    [Fact]
    public void DSG0004_EqualsWithoutItsSource()
    {
        var messages = Replace(Messages, "{ element: MessageIDBeingRespondedTo, usage: \"M\", source",
            "{ element: MessageIDBeingRespondedTo, usage: \"M\", equals: MessageID, source");
        Single(RunWith(messages: messages), "DSG0004", MessagesPath, messages, "equals: MessageID");
    }

    [Fact]
    public void DSG0003_EqualsOnARequestField()
    {
        var messages = Replace(Messages, "{ element: MessageID, usage: \"M\", source",
            "{ element: MessageID, usage: \"M\", equals: MessageID, equalsSource: \"PS3.7 9.1.5.1.2\", source");
        Single(RunWith(messages: messages), "DSG0003", MessagesPath, messages, "equals: MessageID");
    }

    [Fact]
    public void ValidFixtureGeneratesCreateResponseCopyingTheEqualFields()
    {
        var messages = Replace(Messages, "{ element: MessageIDBeingRespondedTo, usage: \"M\", source",
            "{ element: MessageIDBeingRespondedTo, usage: \"M\", equals: MessageID, equalsSource: \"PS3.7 9.1.5.1.2\", source");
        var run = RunWith(messages: messages);
        Assert.Empty(run.Diagnostics);
        Assert.Empty(run.CompileErrors);
        var rq = run.Sources.Single(s => s.HintName == "Dimse.Messages.CEchoRq.g.cs").SourceText.ToString();
        Assert.Contains("public override CEchoRsp CreateResponse(ushort status)", rq);
        Assert.Contains("response.AffectedSOPClassUID = AffectedSOPClassUID;", rq);
        Assert.Contains("response.MessageIDBeingRespondedTo = MessageID;", rq);
        Assert.Contains("response.Status = status;", rq);
    }

    [Fact]
    public void DSG0001_YamlSyntaxError()
    {
        var statuses = Replace(Statuses, "services:", "services: [");
        Assert.Contains(RunWith(statuses: statuses).Diagnostics, d => d.Id == "DSG0001" && d.Location.GetLineSpan().Path == StatusesPath);
    }

    [Fact]
    public void EveryDiagnosticIdOfTheDimseRangeHasATestHere()
    {
        var ids = typeof(DicomSpecGen.Spec.Common.DiagnosticIds.Dimse).GetFields().Select(f => (string)f.GetValue(null)!).ToList();
        var tested = typeof(DimseDiagnosticTests).GetMethods().Select(m => m.Name).Where(n => n.StartsWith("DSG")).Select(n => n.Substring(0, 7)).ToHashSet();
        Assert.Equal(11, ids.Count);
        Assert.All(ids, id => Assert.Contains(id, tested));
    }
}
