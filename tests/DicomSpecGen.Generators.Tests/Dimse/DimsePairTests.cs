using DicomSpecGen.Spec.Dimse;

namespace DicomSpecGen.Generators.Tests.Dimse;

/// <summary>The request/response pairs of the real messages.yaml: every C-/N- request but C-CANCEL-RQ has exactly one
/// response, and its generated CreateResponse copies every field the response table makes equal to the request's.</summary>
public class DimsePairTests
{
    private static DimseSpec Spec() => DimseSpecParser.Parse(DimseHarness.RealFiles());

    public static TheoryData<string> Requests()
    {
        var data = new TheoryData<string>();
        foreach (var m in Spec().Messages.Where(m => !m.IsResponse)) data.Add(m.Name);
        return data;
    }

    [Theory]
    [MemberData(nameof(Requests))]
    public void Each_request_has_exactly_one_response_and_CreateResponse_copies_its_equal_fields(string name)
    {
        var spec = Spec();
        Assert.Empty(spec.Diagnostics);
        var request = spec.Messages.Single(m => m.Name == name);
        Assert.EndsWith("-RQ", request.Title);
        var responses = spec.Messages.Where(m => m.IsResponse && m.Title == request.Title[..^"-RQ".Length] + "-RSP").ToList();
        var run = DimseHarness.Execute(DimseHarness.RealFiles());
        var source = run.Sources.Single(s => s.HintName == $"Dimse.Messages.{name}.g.cs").SourceText.ToString();
        var codec = run.Sources.Single(s => s.HintName == "Dimse.Codec.g.cs").SourceText.ToString();
        if (request.Title == "C-CANCEL-RQ")
        {
            // PS3.7 9.3.2.3: C-CANCEL-RQ is answered by the final response of the operation it cancels, not by its own.
            Assert.Empty(responses);
            Assert.DoesNotContain("CreateResponse", source);
            Assert.DoesNotContain($"case CommandField.{name}:", codec);
            return;
        }
        var response = Assert.Single(responses);
        Assert.Equal(request.CommandField | 0x8000, response.CommandField);
        Assert.Contains($"case CommandField.{name}: return CommandField.{response.Name};", codec);
        Assert.Contains($"public override {response.Name} CreateResponse(ushort status)", source);
        Assert.Contains("response.Status = status;", source);

        // Every (=) field is copied from the request's field of the same name, and only those and 'equals:' fields are.
        var copies = source.Split('\n').Select(l => l.Trim()).Where(l => l.StartsWith("response.") && !l.StartsWith("response.Status")).ToList();
        foreach (var f in response.Fields.Where(f => f.Usage.EndsWith("(=)")))
        {
            Assert.Contains(request.Fields, r => r.Element == f.Element);
            Assert.Contains(copies, l => l.StartsWith($"response.{f.Element} = {f.Element};"));
        }
        foreach (var f in response.Fields.Where(f => f.EqualsElement != null))
        {
            Assert.Contains(copies, l => l.StartsWith($"response.{f.Element} = {f.EqualsElement};"));
        }
        Assert.Equal(response.Fields.Count(f => f.Usage.EndsWith("(=)") || f.EqualsElement != null), copies.Count);
        // PS3.7 9.1.x.1.2 / 10.1.x.1.2: Message ID Being Responded To is the request's Message ID.
        Assert.Contains("response.MessageIDBeingRespondedTo = MessageID;", copies.Select(c => c.Split(" //")[0]));
    }
}
