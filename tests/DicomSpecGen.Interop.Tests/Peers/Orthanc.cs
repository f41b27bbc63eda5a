using System.Diagnostics;
using System.Text.Json;

namespace DicomSpecGen.Interop.Tests.Peers;

/// <summary>A real Orthanc PACS (Debian package <c>orthanc</c>) started as a plain process on free loopback ports
/// with its configuration, storage and index in a temporary folder; killed by PID and the folder deleted on dispose.</summary>
public sealed class Orthanc : IAsyncDisposable
{
    /// <summary>Debian installs it in /usr/sbin, which is not on every user's PATH.</summary>
    private static string? Binary() => new[] { "/usr/sbin" }.Concat((Environment.GetEnvironmentVariable("PATH") ?? "").Split(':'))
        .Select(d => Path.Combine(d, "Orthanc")).FirstOrDefault(File.Exists);

    private readonly PeerServer _server;
    private readonly TempDir _dir;

    private Orthanc(PeerServer server, TempDir dir, string aeTitle, int httpPort)
    {
        _server = server;
        _dir = dir;
        AeTitle = aeTitle;
        HttpPort = httpPort;
    }

    public string AeTitle { get; }

    public int DicomPort => _server.Port;

    public int HttpPort { get; }

    public bool HasExited => _server.HasExited;

    /// <summary>A modality Orthanc knows (it only answers C-FIND/C-MOVE/C-GET for those, and moves only to them).</summary>
    public sealed record Modality(string AeTitle, string Host, int Port);

    public static Task<Orthanc> StartAsync(string aeTitle, params Modality[] modalities) => StartAsync(aeTitle, Dcmtk.FreePort(), modalities);

    /// <summary>Starts Orthanc on a DICOM port chosen beforehand (so a peer can be told it before Orthanc runs).</summary>
    public static Task<Orthanc> StartAsync(string aeTitle, int dicomPort, params Modality[] modalities) => StartAsync(aeTitle, dicomPort, null, modalities);

    /// <summary>The ModalityWorklists plugin of the Debian package (dpkg -L orthanc).</summary>
    public const string WorklistPlugin = "/usr/share/orthanc/plugins/libModalityWorklists.so";

    /// <summary>Starts Orthanc with its ModalityWorklists plugin serving the .wl files of <paramref name="worklistFolder"/>
    /// (directly in it; no per-AE sub-folder as wlmscpfs has). Orthanc answers worklist C-FIND only for a known modality.</summary>
    public static Task<Orthanc> StartWithWorklistsAsync(string aeTitle, string worklistFolder, params Modality[] modalities)
    {
        if (!File.Exists(WorklistPlugin)) throw new InvalidOperationException($"Orthanc's worklist plugin {WorklistPlugin} is missing (apt-get install -y orthanc)");
        return StartAsync(aeTitle, Dcmtk.FreePort(), config =>
        {
            config["Plugins"] = new[] { WorklistPlugin };
            config["Worklists"] = new Dictionary<string, object> { ["Enable"] = true, ["Database"] = worklistFolder };
        }, modalities);
    }

    /// <summary>Starts Orthanc; <paramref name="configure"/> may add to or change the configuration before it is written.</summary>
    public static async Task<Orthanc> StartAsync(string aeTitle, int dicomPort, Action<Dictionary<string, object>>? configure, params Modality[] modalities)
    {
        var binary = Binary() ?? throw new InvalidOperationException("Orthanc is not installed (apt-get install -y orthanc)");
        var dir = new TempDir("dsg-orthanc-");
        try
        {
            var httpPort = Dcmtk.FreePort();
            var config = new Dictionary<string, object>
            {
                ["Name"] = "DSG-INTEROP",
                ["StorageDirectory"] = Path.Combine(dir.Path, "storage"),
                ["IndexDirectory"] = Path.Combine(dir.Path, "index"),
                ["StorageCompression"] = false,
                ["Plugins"] = Array.Empty<string>(),
                ["HttpServerEnabled"] = true,
                ["HttpPort"] = httpPort,
                ["RemoteAccessAllowed"] = false,
                ["AuthenticationEnabled"] = false,
                ["DicomServerEnabled"] = true,
                ["DicomAet"] = aeTitle,
                ["DicomPort"] = dicomPort,
                ["DicomCheckCalledAet"] = true,
                ["DicomScuTimeout"] = 10,
                ["DicomScpTimeout"] = 30,
                ["DicomAssociationCloseDelay"] = 0, // close its C-MOVE associations at once, not after 5 s
                ["SaveJobs"] = false,
                ["DicomModalities"] = modalities.ToDictionary(m => m.AeTitle.ToLowerInvariant(), m => (object)new Dictionary<string, object>
                {
                    ["AET"] = m.AeTitle, ["Host"] = m.Host, ["Port"] = m.Port,
                    ["AllowEcho"] = true, ["AllowFind"] = true, ["AllowMove"] = true, ["AllowGet"] = true, ["AllowStore"] = true,
                }),
            };
            configure?.Invoke(config);
            var configPath = Path.Combine(dir.Path, "orthanc.json");
            await File.WriteAllTextAsync(configPath, JsonSerializer.Serialize(config, new JsonSerializerOptions { WriteIndented = true }));
            var info = new ProcessStartInfo(binary)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                WorkingDirectory = dir.Path,
            };
            info.ArgumentList.Add(configPath);
            var server = await PeerServer.StartAsync(info, dicomPort, TimeSpan.FromSeconds(60));
            return new Orthanc(server, dir, aeTitle, httpPort);
        }
        catch
        {
            dir.Dispose();
            throw;
        }
    }

    /// <summary>Orthanc's REST API on loopback, to check what it stored independently of DICOM.</summary>
    /// <summary>Orthanc as Storage Commitment SCU: POST /modalities/{id}/storage-commitment for the instances, then polls
    /// the report (at most 20 s) until it is no longer Pending; returns the report's JSON.</summary>
    public async Task<JsonElement> RequestStorageCommitmentAsync(string modality, IEnumerable<(string SopClassUid, string SopInstanceUid)> instances)
    {
        using var http = Http();
        var items = instances.Select(i => new { SOPClassUID = i.SopClassUid, SOPInstanceUID = i.SopInstanceUid }).ToArray();
        // A body with Content-Length: Orthanc's HTTP server reads no chunked request body.
        using var body = new StringContent(JsonSerializer.Serialize(new { DicomInstances = items }));
        using var post = await http.PostAsync($"modalities/{modality}/storage-commitment", body);
        Assert.True(post.IsSuccessStatusCode, await post.Content.ReadAsStringAsync());
        var path = JsonDocument.Parse(await post.Content.ReadAsStringAsync()).RootElement.GetProperty("Path").GetString()!.TrimStart('/');
        JsonElement report = default;
        for (var i = 0; i < 100; i++)
        {
            report = JsonDocument.Parse(await http.GetStringAsync(path)).RootElement;
            if (report.GetProperty("Status").GetString() != "Pending") break;
            await Task.Delay(200);
        }
        return report;
    }

    public HttpClient Http() => new(new HttpClientHandler { UseProxy = false }) // never route loopback through a CI proxy
    {
        BaseAddress = new Uri($"http://127.0.0.1:{HttpPort}/"),
        Timeout = TimeSpan.FromSeconds(20),
    };

    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        _dir.Dispose();
    }
}
