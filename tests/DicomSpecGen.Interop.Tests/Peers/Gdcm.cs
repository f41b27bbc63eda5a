namespace DicomSpecGen.Interop.Tests.Peers;

/// <summary>GDCM's <c>gdcmscu</c> (Debian package libgdcm-tools). A missing binary fails the test.</summary>
public static class Gdcm
{
    public static string Scu => PeerProcess.Locate("gdcmscu") ?? throw new InvalidOperationException("GDCM's gdcmscu is missing: apt-get install -y libgdcm-tools");

    /// <summary>Runs gdcmscu with <c>-D</c> (debug), whose output shows the PDUs and command sets it received.</summary>
    public static Task<PeerProcess.Result> RunAsync(TimeSpan timeout, params string[] args) => PeerProcess.RunAsync(PeerProcess.StartInfo(Scu, ["-D", .. args]), timeout);

    /// <summary>gdcmscu 3.0.21 (Debian) aborts (SIGABRT, exit 134) right after it receives the A-RELEASE-RP, with any
    /// peer (DCMTK's storescp too): <c>CompositeNetworkFunctions</c> calls <c>ULConnectionManager::BreakConnection</c>
    /// on the connection its release already closed, which throws "ProtocolStream as nullptr is invalid". So the
    /// run counts as complete when it exited 0, or aborted with that message after the A-RELEASE-RP (PDU type 6)
    /// reached it: the association was released normally on the wire.</summary>
    public static void AssertReleased(PeerProcess.Result result)
    {
        if (result.ExitCode == 0) return;
        var releaseRp = result.Output.LastIndexOf("PDU code: 6", StringComparison.Ordinal);
        var abort = result.Output.IndexOf("ProtocolStream as nullptr is invalid", StringComparison.Ordinal);
        Assert.True(result.ExitCode == 134 && releaseRp >= 0 && abort > releaseRp,
            "gdcmscu did not get through A-RELEASE: " + Tail(result.Output));
    }

    /// <summary>The Status values of the responses with <paramref name="commandField"/> gdcmscu printed (its -D dump
    /// prints each command set as "(0000,0100) ?? (US) field" ... "(0000,0900) ?? (US) status", several times).</summary>
    public static List<int> Statuses(string output, int commandField)
    {
        var statuses = new List<int>();
        var lines = output.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (!lines[i].StartsWith("(0000,0100) ?? (US) " + commandField + " ", StringComparison.Ordinal)) continue;
            for (var j = i + 1; j < lines.Length && j < i + 12 && !lines[j].StartsWith("(0000,0000)", StringComparison.Ordinal); j++)
            {
                if (!lines[j].StartsWith("(0000,0900) ?? (US) ", StringComparison.Ordinal)) continue;
                statuses.Add(int.Parse(lines[j]["(0000,0900) ?? (US) ".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries)[0]));
                break;
            }
        }
        return statuses;
    }

    public static string Tail(string output) => output.Length <= 4000 ? output : "…" + output[^4000..];
}
