using DicomSpecGen.Workflow;

namespace DicomSpecGen.Runtime.Tests.Workflow;

/// <summary>The workflow spec loaders report a bad row at its line with the spec diagnostics, never load it.</summary>
public class WorkflowSpecLoaderTests
{
    private const string Header = "edition: \"2020c\"\ndocument: PS3.4\nsopClasses:\n  - { name: ModalityWorklistInformationModelFind, uid: \"1.2.840.10008.5.1.4.31\", title: \"t\", source: \"PS3.4 Table K.6.1.4-1, x\" }\n";

    [Fact]
    public void A_keyword_that_is_not_the_tags_keyword_is_an_error_at_its_line()
    {
        var text = Header + "keys:\n  - { name: PatientID, module: m, tag: \"(0010,0010)\", keyword: PatientID, matching: R, return: \"1\", source: \"PS3.4 Table K.6-1, Patient ID\" }\n";
        var e = Assert.Throws<WorkflowSpecException>(() => WorklistSpec.Parse("worklist.yaml", text));
        Assert.Contains("worklist.yaml(6", e.Message, StringComparison.Ordinal);
        Assert.Contains("keyword PatientID is not the PS3.6 keyword of (0010,0010)", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_keys_and_bad_types_are_errors()
    {
        var text = Header + "keys:\n  - { name: PatientName, module: m, tag: \"(0010,0010)\", keyword: PatientName, matching: U, return: \"4\", colour: red, source: \"PS3.4 Table K.6-1, Patient's Name\" }\n";
        var e = Assert.Throws<WorkflowSpecException>(() => WorklistSpec.Parse("worklist.yaml", text));
        Assert.Contains("DSG0005", e.Message, StringComparison.Ordinal);
        Assert.Contains("matching must be R, O or -", e.Message, StringComparison.Ordinal);
        Assert.Contains("return must be one of", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_transition_to_an_unknown_state_is_an_error()
    {
        var text = "edition: \"2020c\"\ndocument: PS3.4\nsopClasses: []\nstates: []\ntransitions:\n  - { name: Create, by: N-CREATE, to: Paused, description: d, source: \"PS3.4 F.7.2.1.3, x\" }\nrules: []\nerrorComments: []\nattributes: []\n";
        var e = Assert.Throws<WorkflowSpecException>(() => MppsSpec.Parse("mpps.yaml", text));
        Assert.Contains("to: Paused is not a state of this file", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_embedded_files_load()
    {
        Assert.Equal(79, WorklistSpec.Keys.Count);
        Assert.Equal(90, MppsSpec.Attributes.Count);
        Assert.Equal(32, StorageCommitmentSpec.ActionAttributes.Count + StorageCommitmentSpec.EventAttributes.Count);
    }
}
