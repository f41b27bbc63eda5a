using System.Net.Http.Json;
using System.Text.Json;
using DicomSpecGen.Interop.Tests.Peers;
using DicomSpecGen.Interop.Tests.Services;

namespace DicomSpecGen.Interop.Tests.Orthanc;

/// <summary>Orthanc as SCU against our archive SCP, driven through its REST API on loopback: C-ECHO, C-STORE of
/// instances uploaded to Orthanc, C-FIND (query) and C-MOVE back to Orthanc (retrieve).</summary>
public class OrthancScuToOurScpTests(OrthancPeer peer) : IClassFixture<OrthancPeer>
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    /// <summary>Orthanc's name for our SCP in its DicomModalities (the lower-cased AE title).</summary>
    private static readonly string Modality = "modalities/" + OrthancPeer.OurAe.ToLowerInvariant();

    private static async Task<JsonElement> PostAsync(HttpClient http, string path, object body)
    {
        var response = await http.PostAsJsonAsync(path, body, JsonSerializerOptions.Default); // Orthanc wants PascalCase field names
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"POST {path}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private static IEnumerable<string> Uids(IEnumerable<DcmtkFiles.Instance> files) => files.Select(f => f.SopInstanceUid).Order(StringComparer.Ordinal);

    [Fact]
    public async Task Orthanc_echoes_our_scp()
    {
        using var http = peer.Orthanc.Http();
        await PostAsync(http, Modality + "/echo", new { Timeout = 10 });
    }

    [Fact]
    public async Task Orthanc_stores_uploaded_instances_into_our_archive()
    {
        using var temp = new TempDir();
        var files = await DcmtkFiles.CreateAsync(temp.Path, 3, "ORTH-SCU-STORE", pixelWords: 30_000);
        using var http = peer.Orthanc.Http();
        var ids = new List<string>();
        foreach (var f in files)
        {
            var upload = await http.PostAsync("instances", new ByteArrayContent(await File.ReadAllBytesAsync(f.Path)));
            Assert.True(upload.IsSuccessStatusCode, await upload.Content.ReadAsStringAsync());
            ids.Add(JsonDocument.Parse(await upload.Content.ReadAsStringAsync()).RootElement.GetProperty("ID").GetString()!);
        }
        var store = await PostAsync(http, Modality + "/store", new { Resources = ids, Synchronous = true });
        Assert.Equal(0, store.GetProperty("FailedInstancesCount").GetInt32());
        Assert.Equal(3, store.GetProperty("InstancesCount").GetInt32());

        foreach (var f in files)
        {
            var stored = peer.Archive.StoredFiles().Single(p => Path.GetFileName(p) == f.SopInstanceUid + ".dcm");
            var a = await Dcmtk.RunAsync("dcmdump", Limit, "+L", "+P", "7fe0,0010", "+P", "0010,0020", f.Path);
            var b = await Dcmtk.RunAsync("dcmdump", Limit, "+L", "+P", "7fe0,0010", "+P", "0010,0020", stored);
            Assert.Equal(a.Output, b.Output);
        }
    }

    [Fact]
    public async Task Orthanc_queries_our_scp_and_retrieves_the_study_into_itself()
    {
        using var temp = new TempDir();
        var files = await DcmtkFiles.CreateAsync(temp.Path, 2, "ORTH-SCU-QR");
        // Into our archive with DCMTK's storescu, so Orthanc has never seen these instances.
        var storescu = await Dcmtk.RunAsync("storescu", Limit, "-aet", "DCMTKSCU", "-aec", OrthancPeer.OurAe, "127.0.0.1", peer.Archive.Port.ToString(), files[0].Path, files[1].Path);
        Assert.True(storescu.ExitCode == 0, storescu.Output);

        using var http = peer.Orthanc.Http();
        var query = await PostAsync(http, Modality + "/query", new
        {
            Level = "Study",
            Query = new Dictionary<string, string> { ["PatientID"] = "ORTH-SCU-QR", ["StudyInstanceUID"] = "", ["NumberOfStudyRelatedInstances"] = "" },
        });
        var queryId = query.GetProperty("ID").GetString();
        var answers = JsonDocument.Parse(await http.GetStringAsync($"queries/{queryId}/answers")).RootElement;
        Assert.Equal(1, answers.GetArrayLength());
        var answer = JsonDocument.Parse(await http.GetStringAsync($"queries/{queryId}/answers/0/content?simplify")).RootElement;
        Assert.Equal(files[0].StudyUid, answer.GetProperty("StudyInstanceUID").GetString());
        Assert.Equal("2", answer.GetProperty("NumberOfStudyRelatedInstances").GetString());

        // C-MOVE from our SCP to Orthanc itself.
        await PostAsync(http, $"queries/{queryId}/retrieve", new { TargetAet = OrthancPeer.OrthancAe, Synchronous = true });
        var found = new List<string>();
        foreach (var f in files)
        {
            var lookup = await http.PostAsync("tools/lookup", new StringContent(f.SopInstanceUid));
            var hits = JsonDocument.Parse(await lookup.Content.ReadAsStringAsync()).RootElement;
            if (hits.EnumerateArray().Any(h => h.GetProperty("Type").GetString() == "Instance")) found.Add(f.SopInstanceUid);
        }
        Assert.Equal(Uids(files), found.Order(StringComparer.Ordinal));
    }
}
