using System.Text.Json;
using DicomSpecGen.Interop.Tests.Peers;

namespace DicomSpecGen.Interop.Tests.Pynetdicom;

/// <summary>Runs scripts/pyn_qr_scu.py (one pynetdicom association, one echo/find/move/get) and reads its JSON result.</summary>
public static class PynQrScu
{
    public sealed record Response(int? Status, IReadOnlyDictionary<string, string>? Identifier, IReadOnlyDictionary<string, int> Counters);

    public sealed record Rejection(int Result, int Source, int Reason);

    public sealed record Result(bool Established, Rejection? Rejected, IReadOnlyList<Response> Responses, string Log)
    {
        public IEnumerable<Response> Pending => Responses.Where(r => r.Status is 0xFF00 or 0xFF01);

        public Response Final => Responses.Count > 0 ? Responses[^1] : throw new InvalidOperationException("no response: " + Log);
    }

    public static async Task<Result> RunAsync(int port, string operation, params string[] args)
    {
        var (code, stdout, stderr) = await Peers.Pynetdicom.RunAsync(TimeSpan.FromSeconds(60), Peers.Pynetdicom.OwnScript("pyn_qr_scu.py"),
            ["127.0.0.1", port.ToString(), operation, .. args]);
        Assert.True(code == 0, $"pyn_qr_scu.py exited {code}: {stdout}{stderr}");
        using var json = JsonDocument.Parse(stdout);
        var root = json.RootElement;
        Rejection? rejected = root.GetProperty("rejected").ValueKind == JsonValueKind.Null ? null : new Rejection(
            root.GetProperty("rejected").GetProperty("result").GetInt32(),
            root.GetProperty("rejected").GetProperty("source").GetInt32(),
            root.GetProperty("rejected").GetProperty("reason").GetInt32());
        var responses = new List<Response>();
        foreach (var r in root.GetProperty("responses").EnumerateArray())
        {
            var status = r.GetProperty("status").ValueKind == JsonValueKind.Null ? (int?)null : r.GetProperty("status").GetInt32();
            Dictionary<string, string>? identifier = null;
            if (r.TryGetProperty("identifier", out var id) && id.ValueKind == JsonValueKind.Object)
                identifier = id.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString() ?? "");
            var counters = r.EnumerateObject().Where(p => p.Name.StartsWith("NumberOf", StringComparison.Ordinal)).ToDictionary(p => p.Name, p => p.Value.GetInt32());
            responses.Add(new Response(status, identifier, counters));
        }
        return new Result(root.GetProperty("established").GetBoolean(), rejected, responses, stderr);
    }
}
