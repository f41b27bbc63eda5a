using DicomSpecGen.Archive;
using DicomSpecGen.Data;
using DicomSpecGen.Data.Part10;
using DicomSpecGen.Registry;
using DicomSpecGen.Runtime.Tests.Services;
using DicomSpecGen.Traceability;
using Microsoft.Data.Sqlite;

namespace DicomSpecGen.Runtime.Tests.ArchiveStore;

/// <summary>The matching functions (PS3.4 C.2.2.2), the index reader, and an index file from before the sequence
/// tables; the archive's use of the functions is <see cref="IndexQueryMatchingTests"/>, run against each index.</summary>
public class QueryMatchingTests
{
    private const string StudyFind = DicomUids.StudyRootQueryRetrieveInformationModelFind;

    [Theory]
    // PS3.4 C.2.2.2.4
    [InlineData("SYNTHETIC^ALICE", "SYNTH*", true)]
    [InlineData("SYNTHETIC^ALICE", "*ALICE", true)]
    [InlineData("SYNTHETIC^ALICE", "S?NTHETIC^ALIC?", true)]
    [InlineData("SYNTHETIC^ALICE", "S?NTHETIC^ALI?", false)]
    [InlineData("SYNTHETIC^ALICE", "*", true)]
    [InlineData("", "*", true)]
    [InlineData(null, "A*", false)]
    [InlineData("AB", "A**B*", true)]
    [InlineData("a[b]", "a[b]", true)]
    [InlineData("SYNTHETIC^ALICE", "synth*", false)]
    [InlineData("SYNTHETIC^ALICE", "SYNTHETIC^ALICE", true)]
    [InlineData("SYNTHETIC^ALICE", "SYNTHETIC", false)]
    public void Wildcard_matching_is_case_sensitive_by_itself(string? stored, string pattern, bool expected)
        => Assert.Equal(expected, AttributeMatcher.Wildcard(stored, pattern, ignoreCase: false));

    [Theory]
    // PS3.4 C.2.2.2.1
    [InlineData("synthetic*", DicomVr.PN, true, true)]
    [InlineData("synthetic*", DicomVr.PN, false, false)]
    [InlineData("synthetic^alice", DicomVr.PN, true, true)]
    [InlineData("synthetic^alice", DicomVr.PN, false, false)]
    [InlineData("synthetic*", DicomVr.LO, true, false)] // case-insensitivity is for PN only
    [InlineData("SYNTHETIC^ALICE", DicomVr.PN, true, true)]
    [InlineData("Synthetic^Alic", DicomVr.PN, true, false)]
    public void Pn_matching_ignores_case_only_when_asked(string key, DicomVr vr, bool ignoreCase, bool expected)
        => Assert.Equal(expected, AttributeMatcher.Matches("Synthetic^Alice", key, vr, ignoreCase));

    [Fact]
    public void Case_folding_is_for_ascii_letters_only()
    {
        // "é" and "É" as Latin-1 text; in UTF-8 their bytes read as Latin-1 differ in more than case.
        Assert.True(AttributeMatcher.Matches("ABc", "abC", DicomVr.PN, true));
        Assert.False(AttributeMatcher.Matches("\u00E9", "\u00C9", DicomVr.PN, true));
        Assert.True(AttributeMatcher.Matches("\u00E9", "\u00E9", DicomVr.PN, true));
    }

    [Theory]
    // PS3.4 C.2.2.2.5
    [InlineData("20240105", "20240101-20240131", true)]
    [InlineData("20240105", "20240106-", false)]
    [InlineData("20240105", "-20240105", true)]
    [InlineData("20240105", "-20240104", false)]
    [InlineData(null, "20240101-", false)]
    public void Date_ranges_are_inclusive_and_open_ended(string? stored, string key, bool expected)
        => Assert.Equal(expected, AttributeMatcher.Matches(stored, key, DicomVr.DA, false));

    [Theory]
    // PS3.4 C.2.2.2.2
    // PS3.4 C.2.2.2.3
    [InlineData("1.2.3", "1.2.4\\1.2.3", DicomVr.UI, true)]
    [InlineData("1.2.3", "1.2.4\\1.2.5", DicomVr.UI, false)]
    [InlineData("1.2.3", "", DicomVr.UI, true)]
    [InlineData(null, "", DicomVr.CS, true)]
    [InlineData("1.2.3", "1.2.*", DicomVr.UI, false)] // no wild cards for UI: single value matching
    public void Uid_lists_and_universal_keys(string? stored, string key, DicomVr vr, bool expected)
        => Assert.Equal(expected, AttributeMatcher.Matches(stored, key, vr, false));

    [Fact]
    public async Task An_index_file_from_before_the_sequence_table_is_migrated_and_keeps_its_rows()
    {
        var folder = TestFiles.TempDir();
        var path = Path.Combine(folder, "index.sqlite");
        // The schema as it was before sequence matching: no procedure_code table.
        using (var old = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            old.Open();
            using var create = old.CreateCommand();
            create.CommandText = """
                CREATE TABLE patient(patient_id TEXT PRIMARY KEY, patient_name TEXT, birth_date TEXT, sex TEXT);
                CREATE TABLE study(study_uid TEXT PRIMARY KEY, patient_id TEXT NOT NULL, study_date TEXT, study_time TEXT, accession TEXT, study_id TEXT, study_description TEXT);
                CREATE TABLE series(series_uid TEXT PRIMARY KEY, study_uid TEXT NOT NULL, modality TEXT, series_number TEXT, series_description TEXT);
                CREATE TABLE instance(sop_uid TEXT PRIMARY KEY, series_uid TEXT NOT NULL, sop_class TEXT NOT NULL, instance_number TEXT, transfer_syntax TEXT NOT NULL, path TEXT NOT NULL, size INTEGER NOT NULL);
                INSERT INTO patient VALUES('OLD', 'OLD^PATIENT', NULL, NULL);
                INSERT INTO study(study_uid, patient_id) VALUES('1.2.8', 'OLD');
                INSERT INTO series(series_uid, study_uid, modality) VALUES('1.2.8.1', '1.2.8', 'CT');
                INSERT INTO instance VALUES('1.2.8.1.1', '1.2.8.1', '1.2.840.10008.5.1.4.1.1.2', '1', '1.2.840.10008.1.2.1', 'a.dcm', 10);
                """;
            create.ExecuteNonQuery();
        }
        using var archive = new DicomArchive(new FileSystemInstanceStore(folder), new SqliteInstanceIndex(path), "SCP");
        await IndexQueryMatchingTests.AddAsync(archive, "1.2.9.1", "1.2.9.1.1", "CT", "NEW^PATIENT", "NEW", ("P5-0001", "DCM", "CT head"));
        Assert.Equal(["1.2.8", "1.2.9.1"], IndexQueryMatchingTests.Uids(await IndexQueryMatchingTests.FindAsync(archive, IndexQueryMatchingTests.Study((DicomTags.PatientName, DicomVr.PN, "*patient")))));
        Assert.Equal(["1.2.9.1"], IndexQueryMatchingTests.Uids(await IndexQueryMatchingTests.FindAsync(archive, IndexQueryMatchingTests.ProcedureKey((DicomTags.CodeValue, DicomVr.SH, "P5*")))));
    }

    [Fact]
    public async Task A_sequence_before_the_last_indexed_tag_does_not_end_the_index_read()
    {
        // The end of a top-level sequence used to look like a tag past the last indexed one, so every attribute
        // after the first sequence (here Patient's Name, Study Instance UID...) was lost from the index.
        var ds = new DicomDataset()
            .SetString(DicomTags.SOPClassUID, DicomVr.UI, DicomUids.CTImageStorage)
            .SetString(DicomTags.SOPInstanceUID, DicomVr.UI, "1.2.7.1.1")
            .SetString(DicomTags.PatientName, DicomVr.PN, "AFTER^SEQUENCE")
            .SetString(DicomTags.PatientID, DicomVr.LO, "S1")
            .SetString(DicomTags.StudyInstanceUID, DicomVr.UI, "1.2.7")
            .SetString(DicomTags.SeriesInstanceUID, DicomVr.UI, "1.2.7.1");
        ds.AddSequence(new DicomTag(DicomTags.ReferencedStudySequence), new DicomDataset()
            .SetString(DicomTags.ReferencedSOPClassUID, DicomVr.UI, "1.2.840.10008.3.1.2.3.1")
            .SetString(DicomTags.ReferencedSOPInstanceUID, DicomVr.UI, "1.2.7.99"));
        var path = Path.Combine(TestFiles.TempDir(), "s.dcm");
        await using (var file = File.Create(path)) await DicomFile.WriteAsync(file, new DicomFileMeta(DicomUids.CTImageStorage, "1.2.7.1.1", DicomUids.ExplicitVRLittleEndian), ds);
        await using var read = File.OpenRead(path);
        var record = await InstanceRecordReader.ReadAsync(read, "s.dcm", read.Length, CancellationToken.None);
        Assert.Equal("AFTER^SEQUENCE", record.PatientName);
        Assert.Equal("S1", record.PatientId);
    }

    [Fact]
    public void A_mistake_in_the_query_key_file_is_reported_at_its_line()
    {
        var e = Assert.Throws<QueryKeySpecException>(() => QueryKeys.Parse("spec/part04/query-keys.yaml", """
            edition: "2020c"
            document: PS3.4
            keys:
              - { name: A, model: StudyRoot, level: STUDY, tag: "(0010,0010)", keyword: PatientName, type: R, source: "PS3.4 Table C.6-5, Patient's Name" }
              - { name: B, model: StudyRoot, level: SERIE, tag: "(0010,0010)", keyword: PatientName, type: R, source: "PS3.4 Table C.6-5, Patient's Name" }
            """));
        Assert.Contains("query-keys.yaml(5,", e.Message);
        Assert.Contains("level must be PATIENT, STUDY, SERIES or IMAGE, got 'SERIE'", e.Message);
    }
}

/// <summary>The archive's use of the matching functions, against each index (SQLite, PostgreSQL): Modalities in
/// Study, PN case, sequence matching.</summary>
public abstract class IndexQueryMatchingTests
{
    private const string StudyFind = DicomUids.StudyRootQueryRetrieveInformationModelFind;

    protected abstract IndexBackend Backend { get; }

    // --- the archive -------------------------------------------------------------------------------------

    internal static async Task AddAsync(DicomArchive archive, string studyUid, string seriesUid, string modality, string patientName, string patientId,
        params (string Value, string Scheme, string Meaning)[] procedureCodes)
    {
        var sop = seriesUid + ".1";
        var ds = new DicomDataset()
            .SetString(DicomTags.SOPClassUID, DicomVr.UI, DicomUids.CTImageStorage)
            .SetString(DicomTags.SOPInstanceUID, DicomVr.UI, sop)
            .SetString(DicomTags.StudyDate, DicomVr.DA, "20240105")
            .SetString(DicomTags.Modality, DicomVr.CS, modality)
            .SetString(DicomTags.PatientName, DicomVr.PN, patientName)
            .SetString(DicomTags.PatientID, DicomVr.LO, patientId)
            .SetString(DicomTags.StudyInstanceUID, DicomVr.UI, studyUid)
            .SetString(DicomTags.SeriesInstanceUID, DicomVr.UI, seriesUid)
            .SetString(DicomTags.InstanceNumber, DicomVr.IS, "1");
        if (procedureCodes.Length > 0)
        {
            ds.AddSequence(new DicomTag(DicomTags.ProcedureCodeSequence), [.. procedureCodes.Select(c => new DicomDataset()
                .SetString(DicomTags.CodeValue, DicomVr.SH, c.Value)
                .SetString(DicomTags.CodingSchemeDesignator, DicomVr.SH, c.Scheme)
                .SetString(DicomTags.CodeMeaning, DicomVr.LO, c.Meaning))]);
        }
        var path = Path.Combine(TestFiles.TempDir(), "i.dcm");
        await using (var file = File.Create(path)) await DicomFile.WriteAsync(file, new DicomFileMeta(DicomUids.CTImageStorage, sop, DicomUids.ExplicitVRLittleEndian), ds);
        await using var read = File.OpenRead(path);
        // Through the reader the archive uses, so the sequence items are read as a stored file's would be.
        var record = await InstanceRecordReader.ReadAsync(read, "x/" + sop + ".dcm", read.Length, CancellationToken.None);
        await archive.Index.AddAsync(record, CancellationToken.None);
    }

    internal static async Task<List<DicomDataset>> FindAsync(DicomArchive archive, DicomDataset identifier)
    {
        var list = new List<DicomDataset>();
        await foreach (var r in archive.FindAsync(StudyFind, identifier, CancellationToken.None)) list.Add(r);
        return list;
    }

    internal static DicomDataset Study(params (uint Tag, DicomVr Vr, string Value)[] keys)
    {
        var ds = new DicomDataset().SetString(new DicomTag(DicomTags.QueryRetrieveLevel), DicomVr.CS, "STUDY")
            .SetString(new DicomTag(DicomTags.StudyInstanceUID), DicomVr.UI, "");
        foreach (var (tag, vr, value) in keys) ds.SetString(new DicomTag(tag), vr, value);
        return ds;
    }

    private async Task<DicomArchive> ThreeStudiesAsync(ArchiveQueryOptions? options = null)
    {
        var archive = Backend.Open(TestFiles.TempDir(), "SCP", options);
        await AddAsync(archive, "1.2.9.1", "1.2.9.1.1", "CT", "SYNTHETIC^ALICE", "P1", ("P5-0001", "DCM", "CT head"));
        await AddAsync(archive, "1.2.9.1", "1.2.9.1.2", "SR", "SYNTHETIC^ALICE", "P1");
        await AddAsync(archive, "1.2.9.2", "1.2.9.2.1", "OT", "Synthetic^Bob", "P2", ("X-17", "99LOCAL", "Other thing"), ("P5-0002", "DCM", "CT chest"));
        await AddAsync(archive, "1.2.9.3", "1.2.9.3.1", "MR", "REAL^CAROL", "P3");
        return archive;
    }

    internal static List<string> Uids(IEnumerable<DicomDataset> responses)
        => responses.Select(r => r.GetString(new DicomTag(DicomTags.StudyInstanceUID))!).Order(StringComparer.Ordinal).ToList();

    [Fact]
    [SpecRow("PS3.4 Table C.6-5, Modalities in Study")]
    public async Task Modalities_in_study_matches_studies_with_a_series_of_that_modality_and_returns_all_of_them()
    {
        using var archive = await ThreeStudiesAsync();
        var ct = await FindAsync(archive, Study((DicomTags.ModalitiesInStudy, DicomVr.CS, "CT")));
        Assert.Equal(["1.2.9.1"], Uids(ct));
        // Returned: every modality of the study, not only the matched one.
        Assert.Equal(["CT", "SR"], ct[0].GetStrings(new DicomTag(DicomTags.ModalitiesInStudy)).Order());
        Assert.Equal(["1.2.9.1", "1.2.9.3"], Uids(await FindAsync(archive, Study((DicomTags.ModalitiesInStudy, DicomVr.CS, "CT\\MR")))));
        Assert.Equal(["1.2.9.3"], Uids(await FindAsync(archive, Study((DicomTags.ModalitiesInStudy, DicomVr.CS, "M?")))));
        Assert.Equal(3, (await FindAsync(archive, Study((DicomTags.ModalitiesInStudy, DicomVr.CS, "")))).Count);
        // The retrieve side resolves the same set (C-MOVE/C-GET identifiers go through the same translation).
        var instances = await archive.ResolveAsync(DicomUids.StudyRootQueryRetrieveInformationModelMove, Study((DicomTags.ModalitiesInStudy, DicomVr.CS, "OT")), CancellationToken.None);
        Assert.Equal(["1.2.9.2.1.1"], instances.Select(i => i.SopInstanceUid));
    }

    [Fact]
    [SpecRow("PS3.4 Table C.6-5, Patient's Name")]
    public async Task Patient_name_matches_ignoring_case_by_default_and_exactly_when_turned_off()
    {
        using (var archive = await ThreeStudiesAsync())
        {
            Assert.Equal(["1.2.9.1", "1.2.9.2"], Uids(await FindAsync(archive, Study((DicomTags.PatientName, DicomVr.PN, "synthetic*")))));
            Assert.Equal(["1.2.9.2"], Uids(await FindAsync(archive, Study((DicomTags.PatientName, DicomVr.PN, "SYNTHETIC^BOB")))));
            // Other VRs stay case-sensitive (PS3.4 C.2.2.2.1).
            Assert.Empty(await FindAsync(archive, Study((DicomTags.PatientID, DicomVr.LO, "p1"))));
        }
        using (var strict = await ThreeStudiesAsync(new ArchiveQueryOptions { CaseInsensitivePersonNames = false }))
        {
            Assert.Empty(await FindAsync(strict, Study((DicomTags.PatientName, DicomVr.PN, "synthetic*"))));
            Assert.Equal(["1.2.9.1"], Uids(await FindAsync(strict, Study((DicomTags.PatientName, DicomVr.PN, "SYNTHETIC*")))));
        }
    }

    internal static DicomDataset ProcedureKey(params (uint Tag, DicomVr Vr, string Value)[] itemKeys)
    {
        var item = new DicomDataset();
        foreach (var (tag, vr, value) in itemKeys) item.SetString(new DicomTag(tag), vr, value);
        var identifier = Study();
        identifier.AddSequence(new DicomTag(DicomTags.ProcedureCodeSequence), itemKeys.Length == 0 ? [] : [item]);
        return identifier;
    }

    [Fact]
    // PS3.4 C.2.2.2.6
    [SpecRow("PS3.4 Table C.6-2b")]
    public async Task Sequence_matching_of_procedure_code_items_with_wildcard_single_and_universal_item_keys()
    {
        using var archive = await ThreeStudiesAsync();
        var wildcard = await FindAsync(archive, ProcedureKey((DicomTags.CodeValue, DicomVr.SH, "P5-*"), (DicomTags.CodeMeaning, DicomVr.LO, "")));
        Assert.Equal(["1.2.9.1", "1.2.9.2"], Uids(wildcard));
        // Only the matching items come back, with only the requested item keys.
        var bob = wildcard.Single(r => r.GetString(new DicomTag(DicomTags.StudyInstanceUID)) == "1.2.9.2");
        var item = Assert.Single(bob.GetSequence(new DicomTag(DicomTags.ProcedureCodeSequence))!.Items);
        Assert.Equal("P5-0002", item.GetString(new DicomTag(DicomTags.CodeValue)));
        Assert.Equal("CT chest", item.GetString(new DicomTag(DicomTags.CodeMeaning)));
        Assert.False(item.Contains(new DicomTag(DicomTags.CodingSchemeDesignator)));

        // All item keys must match in the same item: X-17 is in study 2 but with scheme 99LOCAL, not DCM.
        Assert.Empty(await FindAsync(archive, ProcedureKey((DicomTags.CodeValue, DicomVr.SH, "X-17"), (DicomTags.CodingSchemeDesignator, DicomVr.SH, "DCM"))));
        Assert.Equal(["1.2.9.2"], Uids(await FindAsync(archive, ProcedureKey((DicomTags.CodeValue, DicomVr.SH, "X-17"), (DicomTags.CodingSchemeDesignator, DicomVr.SH, "99LOCAL")))));
        Assert.Equal(["1.2.9.1"], Uids(await FindAsync(archive, ProcedureKey((DicomTags.CodeMeaning, DicomVr.LO, "CT h?ad")))));

        // Universal: an empty sequence or universal item keys match every study and return all items.
        var all = await FindAsync(archive, ProcedureKey());
        Assert.Equal(3, all.Count);
        Assert.Equal(2, all.Single(r => r.GetString(new DicomTag(DicomTags.StudyInstanceUID)) == "1.2.9.2").GetSequence(new DicomTag(DicomTags.ProcedureCodeSequence))!.Items.Count);
        Assert.Equal(3, (await FindAsync(archive, ProcedureKey((DicomTags.CodeValue, DicomVr.SH, "*")))).Count);

        // At SERIES level the study's sequence still selects: every series of the matching study, each with the items.
        var series = ProcedureKey((DicomTags.CodeMeaning, DicomVr.LO, "ct H*"));
        series.SetString(new DicomTag(DicomTags.QueryRetrieveLevel), DicomVr.CS, "SERIES");
        series.SetString(new DicomTag(DicomTags.SeriesInstanceUID), DicomVr.UI, "");
        var found = await FindAsync(archive, series);
        Assert.Empty(found); // Code Meaning is LO: matched case-sensitively
        series.GetSequence(new DicomTag(DicomTags.ProcedureCodeSequence))!.Items[0].SetString(new DicomTag(DicomTags.CodeMeaning), DicomVr.LO, "CT h*");
        found = await FindAsync(archive, series);
        Assert.Equal(["1.2.9.1.1", "1.2.9.1.2"], found.Select(r => r.GetString(new DicomTag(DicomTags.SeriesInstanceUID))!).Order(StringComparer.Ordinal));
        Assert.All(found, r => Assert.Equal("CT head", Assert.Single(r.GetSequence(new DicomTag(DicomTags.ProcedureCodeSequence))!.Items).GetString(new DicomTag(DicomTags.CodeMeaning))));
    }
    [Fact]
    [SpecRow("PS3.4 Table C.6-5, Number of Study Related Instances")]
    [SpecRow("PS3.4 Table C.6-5, SOP Classes in Study")]
    [SpecRow("PS3.4 Table C.6-1, Number of Patient Related Instances")]
    [SpecRow("PS3.4 Table C.6-3, Number of Series Related Instances")]
    public async Task Derived_counts_follow_stores_replacements_moves_and_kept_duplicates()
    {
        using var archive = Backend.Open(TestFiles.TempDir(), "SCP");
        var index = (Archive.Index.SqlInstanceIndex)archive.IndexBackend;
        async Task Add(string series, string sop, string sopClass, Archive.Index.DuplicatePolicy policy = Archive.Index.DuplicatePolicy.Replace)
            => await index.AddAsync(new InstanceRecord
            {
                PatientId = "D1", PatientName = "COUNT^ME", StudyInstanceUid = "1.2.7", StudyDate = "20240105",
                SeriesInstanceUid = series, Modality = series.EndsWith(".1", StringComparison.Ordinal) ? "CT" : "SR",
                SopInstanceUid = sop, SopClassUid = sopClass, InstanceNumber = "1", TransferSyntaxUid = DicomUids.ExplicitVRLittleEndian,
                RelativePath = sop + ".dcm", Size = 1,
            }, policy, CancellationToken.None);
        // What the responses say at PATIENT, STUDY and SERIES level: (studies, series, instances), (instances, series,
        // modalities, SOP classes), and per series its instances.
        async Task<string> Counts()
        {
            DicomDataset Level(string level, params uint[] keys)
            {
                var ds = new DicomDataset().SetString(new DicomTag(DicomTags.QueryRetrieveLevel), DicomVr.CS, level)
                    .SetString(new DicomTag(DicomTags.PatientID), DicomVr.LO, "D1");
                foreach (var key in keys)
                {
                    var vr = key switch
                    {
                        DicomTags.ModalitiesInStudy => DicomVr.CS,
                        DicomTags.StudyInstanceUID or DicomTags.SeriesInstanceUID or DicomTags.SOPClassesInStudy => DicomVr.UI,
                        _ => DicomVr.IS,
                    };
                    ds.SetString(new DicomTag(key), vr, "");
                }
                return ds;
            }
            async Task<List<DicomDataset>> Find(string model, DicomDataset id)
            {
                var list = new List<DicomDataset>();
                await foreach (var r in archive.FindAsync(model, id, CancellationToken.None)) list.Add(r);
                return list;
            }
            string Get(DicomDataset ds, uint tag) => string.Join("\\", ds.GetStrings(new DicomTag(tag)).Order(StringComparer.Ordinal));
            var patient = Assert.Single(await Find(DicomUids.PatientRootQueryRetrieveInformationModelFind, Level("PATIENT",
                DicomTags.NumberOfPatientRelatedStudies, DicomTags.NumberOfPatientRelatedSeries, DicomTags.NumberOfPatientRelatedInstances)));
            var study = Assert.Single(await Find(StudyFind, Level("STUDY", DicomTags.StudyInstanceUID, DicomTags.NumberOfStudyRelatedInstances,
                DicomTags.NumberOfStudyRelatedSeries, DicomTags.ModalitiesInStudy, DicomTags.SOPClassesInStudy)));
            var series = await Find(StudyFind, Level("SERIES", DicomTags.SeriesInstanceUID, DicomTags.NumberOfSeriesRelatedInstances)
                .SetString(new DicomTag(DicomTags.StudyInstanceUID), DicomVr.UI, "1.2.7"));
            return $"{Get(patient, DicomTags.NumberOfPatientRelatedStudies)} {Get(patient, DicomTags.NumberOfPatientRelatedSeries)} {Get(patient, DicomTags.NumberOfPatientRelatedInstances)}; " +
                $"{Get(study, DicomTags.NumberOfStudyRelatedInstances)} {Get(study, DicomTags.NumberOfStudyRelatedSeries)} {Get(study, DicomTags.ModalitiesInStudy)} " +
                $"{Get(study, DicomTags.SOPClassesInStudy)}; " +
                string.Join(" ", series.Select(r => $"{Get(r, DicomTags.SeriesInstanceUID)}={Get(r, DicomTags.NumberOfSeriesRelatedInstances)}").Order(StringComparer.Ordinal));
        }
        const string ct = DicomUids.CTImageStorage, sr = "1.2.840.10008.5.1.4.1.1.88.11";
        await Add("1.2.7.1", "1.2.7.1.1", ct);
        await Add("1.2.7.1", "1.2.7.1.2", ct);
        await Add("1.2.7.2", "1.2.7.2.1", sr);
        Assert.Equal($"1 2 3; 3 2 CT\\SR {ct}\\{sr}; 1.2.7.1=2 1.2.7.2=1", await Counts());
        // Stored again (replace): the same counts.
        await Add("1.2.7.1", "1.2.7.1.2", ct);
        // A duplicate kept out (first copy stays): nothing counted.
        await Add("1.2.7.2", "1.2.7.1.1", sr, Archive.Index.DuplicatePolicy.KeepFirst);
        Assert.Equal($"1 2 3; 3 2 CT\\SR {ct}\\{sr}; 1.2.7.1=2 1.2.7.2=1", await Counts());
        // Replaced by a copy in the other series with another SOP Class: the count moves with it.
        await Add("1.2.7.2", "1.2.7.1.2", sr);
        Assert.Equal($"1 2 3; 3 2 CT\\SR {ct}\\{sr}; 1.2.7.1=1 1.2.7.2=2", await Counts());
        // The last instance of a series moves away: the series has none and is no longer counted or listed.
        await Add("1.2.7.2", "1.2.7.1.1", sr);
        Assert.Equal($"1 1 3; 3 1 SR {sr}; 1.2.7.2=3", await Counts());
        // A key of a lower level (Modality at STUDY level) takes the joined query: the study is still found.
        Assert.Single(await FindAsync(archive, Study((DicomTags.Modality, DicomVr.CS, "SR"))));
    }

    [Theory]
    // PS3.4 C.2.2.2.4, C.2.2.2.1.1: the index decides as AttributeMatcher does (PostgreSQL through LIKE, whose own
    // wild cards and escape must be taken literally; case folding of ASCII letters only).
    [InlineData("SYNTHETIC^ALICE", "synth*", true)]
    [InlineData("SYNTHETIC^ALICE", "synth*", false)]
    [InlineData("SYNTHETIC^ALICE", "S?NTHETIC^ALI?", true)]
    [InlineData("50%_OFF^X", "50%*", false)]
    [InlineData("50%_OFF^X", "5_%*", false)]
    [InlineData("50A_OFF^X", "50%*", false)]
    [InlineData("AB^C", "a?^c", true)]
    [InlineData("ZO\u00EB^X", "zo\u00CB*", true)]
    [InlineData("ZO\u00EB^X", "zo\u00EB*", true)]
    [InlineData("A[B]^C", "a[b]*", true)]
    // The literal prefix bounds a range over the folded name index (migration 4): it must not drop a match.
    [InlineData("smithers^jo", "SMITH*", true)]
    [InlineData("smithers^jo", "SMITH*", false)]
    [InlineData("Smith^John", "SMITH^JOHN", true)]
    [InlineData("SMITH^JOHN", "smith^j*n", true)]
    [InlineData("A~B^C", "a~*", true)]
    [InlineData("AB\u007F^C", "ab\u007F*", true)]
    public async Task Wild_card_and_case_decisions_are_the_same_in_the_index_as_in_memory(string stored, string pattern, bool ignoreCase)
    {
        using var archive = Backend.Open(TestFiles.TempDir(), "SCP", new ArchiveQueryOptions { CaseInsensitivePersonNames = ignoreCase });
        await AddAsync(archive, "1.2.6.1", "1.2.6.1.1", "CT", stored, "W1");
        var expected = AttributeMatcher.Matches(stored, pattern, DicomVr.PN, ignoreCase);
        Assert.Equal(expected, (await FindAsync(archive, Study((DicomTags.PatientName, DicomVr.PN, pattern)))).Count == 1);
    }
}

public sealed class SqliteIndexQueryMatchingTests : IndexQueryMatchingTests
{
    protected override IndexBackend Backend => IndexBackend.Sqlite;
}

[Collection(PostgresCollection.Name)]
public sealed class PostgresIndexQueryMatchingTests(PostgresCluster cluster) : IndexQueryMatchingTests
{
    protected override IndexBackend Backend { get; } = new PostgresBackend(cluster);
}
