using DicomSpecGen.Data;
using DicomSpecGen.Dimse;
using DicomSpecGen.Services;
using DicomSpecGen.Registry;
using DicomSpecGen.Services.Worklist;
using DicomSpecGen.Traceability;

namespace DicomSpecGen.Runtime.Tests.Worklist;

public class WorklistMatcherTests
{
    private static readonly DicomTag Sps = new(DicomTags.ScheduledProcedureStepSequence);

    private static DicomDataset Item(string name, string date, string time, string modality = "CT", string station = "AA32\\AA33")
    {
        var item = new DicomDataset().SetString(new DicomTag(DicomTags.PatientName), name);
        item.AddSequence(Sps, new DicomDataset()
            .SetString(new DicomTag(DicomTags.Modality), modality)
            .SetString(new DicomTag(DicomTags.ScheduledStationAETitle), station)
            .SetString(new DicomTag(DicomTags.ScheduledProcedureStepStartDate), date)
            .SetString(new DicomTag(DicomTags.ScheduledProcedureStepStartTime), time));
        return item;
    }

    [Theory]
    [InlineData("ScheduledProcedureStepSequence[0].ScheduledProcedureStepStartDate=20240105-20230101", 0x00400002u, "ends before it starts")]
    [InlineData("ScheduledProcedureStepSequence[0].ScheduledProcedureStepStartDate=20240230", 0x00400002u, "not a valid DA")]
    [InlineData("ScheduledProcedureStepSequence[0].ScheduledProcedureStepStartTime=2561", 0x00400003u, "not a valid TM")]
    [InlineData("StudyDate=2024-2023-", 0x00080020u, "")]
    [SpecRow("PS3.4 Table K.6-1, Scheduled Procedure Step Sequence >Scheduled Procedure Step Start Date")]
    [SpecRow("PS3.4 Table K.6-1, Scheduled Procedure Step Sequence >Scheduled Procedure Step Start Time")]
    public void Invalid_date_and_time_keys_are_refused_naming_the_attribute(string key, uint tag, string reason)
    {
        var e = Assert.Throws<WorklistQueryException>(() => new WorklistMatcher().Validate(WorklistClient.BuildIdentifier([key])));
        Assert.Equal(tag, e.Tag);
        Assert.Contains(reason, e.Comment);
        Assert.True(e.Comment.Length <= 64, e.Comment);
    }

    [Theory]
    [InlineData("ScheduledProcedureStepSequence[0].ScheduledProcedureStepStartDate=20240101-")]
    [InlineData("ScheduledProcedureStepSequence[0].ScheduledProcedureStepStartDate=-20240101")]
    [InlineData("ScheduledProcedureStepSequence[0].ScheduledProcedureStepStartTime=0800-173000.5")]
    [InlineData("ScheduledProcedureStepSequence[0].ScheduledProcedureStepStartDate=")]
    public void Valid_date_and_time_keys_pass(string key) => new WorklistMatcher().Validate(WorklistClient.BuildIdentifier([key]));

    [Fact]
    [SpecRow("PS3.4 Table K.6-1, Scheduled Procedure Step Sequence")]
    public void A_sequence_key_with_two_items_is_refused()
    {
        var q = WorklistClient.BuildIdentifier(["ScheduledProcedureStepSequence[1].Modality=CT"]);
        Assert.Equal(DicomTags.ScheduledProcedureStepSequence, Assert.Throws<WorklistQueryException>(() => new WorklistMatcher().Validate(q)).Tag);
    }

    [Fact]
    [SpecRow("PS3.4 Table K.6-1, Scheduled Procedure Step Sequence >Scheduled Procedure Step Start Time")]
    public void Date_and_time_ranges_together_are_one_period()
    {
        // July 5 to 7, 10:00 to 18:00, is the period from July 5 10:00 until July 7 18:00 (the row's remark).
        var q = WorklistClient.BuildIdentifier(["ScheduledProcedureStepSequence[0].ScheduledProcedureStepStartDate=20240705-20240707",
            "ScheduledProcedureStepSequence[0].ScheduledProcedureStepStartTime=1000-1800"]);
        var m = new WorklistMatcher();
        Assert.True(m.Matches(q, Item("A", "20240706", "080000")));  // within the period though outside 10-18
        Assert.False(m.Matches(q, Item("B", "20240705", "090000"))); // before it starts
        Assert.True(m.Matches(q, Item("C", "20240707", "175959")));
        Assert.False(m.Matches(q, Item("D", "20240707", "183000")));
    }

    [Fact]
    [SpecRow("PS3.4 Table K.6-1, Scheduled Procedure Step Sequence >Scheduled Station AE Title")]
    [SpecRow("PS3.4 Table K.6-1, Patient's Name")]
    public void Single_value_wild_card_and_multi_valued_matching()
    {
        var m = new WorklistMatcher();
        var item = Item("Mozart^Wolfgang", "20240705", "100000");
        Assert.True(m.Matches(WorklistClient.BuildIdentifier(["ScheduledProcedureStepSequence[0].ScheduledStationAETitle=AA33"]), item));
        Assert.False(m.Matches(WorklistClient.BuildIdentifier(["ScheduledProcedureStepSequence[0].ScheduledStationAETitle=AA3"]), item));
        Assert.True(m.Matches(WorklistClient.BuildIdentifier(["PatientName=MOZ*"]), item));
        Assert.False(new WorklistMatcher(caseInsensitivePersonNames: false).Matches(WorklistClient.BuildIdentifier(["PatientName=MOZ*"]), item));
        // An attribute the item lacks matches no value, only a universal key (PS3.4 K.2.2.1.1).
        Assert.False(m.Matches(WorklistClient.BuildIdentifier(["PatientID=X"]), item));
        Assert.True(m.Matches(WorklistClient.BuildIdentifier(["PatientID=*"]), item));
    }

    [Fact]
    [SpecRow("PS3.4 Table K.6-1, Scheduled Procedure Step Sequence")]
    [SpecRow("PS3.4 Table K.6-1, Patient ID")]
    public void The_response_has_every_requested_key_and_the_matching_items_reduced_to_theirs()
    {
        var item = Item("DOE^J", "20240705", "100000");
        item.GetSequence(Sps)!.Items.Add(new DicomDataset().SetString(new DicomTag(DicomTags.Modality), "MR"));
        var q = WorklistClient.BuildIdentifier(["PatientID", "ScheduledProcedureStepSequence[0].Modality=MR", "ScheduledProcedureStepSequence[0].ScheduledStationAETitle"]);
        var r = new WorklistMatcher().Response(q, item);
        Assert.Equal("", r.GetString(new DicomTag(DicomTags.PatientID)));
        Assert.False(r.Contains(new DicomTag(DicomTags.PatientName)));
        var sps = Assert.Single(r.GetSequence(Sps)!.Items);
        Assert.Equal("MR", sps.GetString(new DicomTag(DicomTags.Modality)));
        Assert.Equal("", sps.GetString(new DicomTag(DicomTags.ScheduledStationAETitle)));
        Assert.Equal(2, sps.Count);
    }

    [Fact]
    public async Task In_memory_items_come_and_go()
    {
        var source = new InMemoryWorklistSource();
        var a = source.Add(Item("A", "20240705", "100000"));
        source.Add(Item("B", "20240705", "100000"));
        Assert.True(source.Remove(a));
        var names = new List<string?>();
        await foreach (var i in source.GetItemsAsync(CancellationToken.None)) names.Add(i.GetString(new DicomTag(DicomTags.PatientName)));
        Assert.Equal(["B"], names);
    }

    [Fact]
    [SpecRow("PS3.4 Table K.4-1, A900")]
    [SpecRow("PS3.4 Table K.4-1, Cxxx")]
    public void The_failure_statuses_sent_are_those_of_the_worklist_table()
    {
        var refused = DimseStatus.Lookup(DimseService.ModalityWorklistFind, DimseStatus.ModalityWorklistFind.ErrorDataSetDoesNotMatchSopClass);
        Assert.Equal(DimseService.ModalityWorklistFind, refused.Service);
        Assert.Equal("Error: Data Set does not match SOP Class", refused.Meaning);
        var unable = DimseStatus.Lookup(DimseService.ModalityWorklistFind, DimseStatus.ModalityWorklistFind.FailedUnableToProcess);
        Assert.Equal("Failed: Unable to process", unable.Meaning);
    }
}
