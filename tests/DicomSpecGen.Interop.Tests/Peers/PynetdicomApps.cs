using System.Diagnostics;

namespace DicomSpecGen.Interop.Tests.Peers;

/// <summary>The applications pynetdicom ships (<c>python3 -m pynetdicom echoscu|storescu|findscu|getscu|movescu|storescp</c>),
/// run with Debian's /usr/bin/python3. A missing interpreter or package fails the test with how to install it.</summary>
public static class PynetdicomApps
{
    public const string Python = "/usr/bin/python3";

    public static ProcessStartInfo StartInfo(string app, params string[] args)
    {
        if (!File.Exists(Python)) throw new InvalidOperationException($"{Python} is missing: apt-get install -y python3");
        var info = PeerProcess.StartInfo(Python, ["-m", "pynetdicom", app, .. args]);
        info.Environment["PYTHONDONTWRITEBYTECODE"] = "1";
        return info;
    }

    /// <summary>Runs an app to completion; a missing pynetdicom shows as its import error, turned into how to install it.</summary>
    public static async Task<PeerProcess.Result> RunAsync(TimeSpan timeout, string app, params string[] args)
    {
        var result = await PeerProcess.RunAsync(StartInfo(app, args), timeout);
        if (result.Stderr.Contains("No module named pynetdicom", StringComparison.Ordinal))
            throw new InvalidOperationException($"pynetdicom is missing for {Python}: {Python} -m pip install pynetdicom==2.0.2 pydicom==2.3.1");
        return result;
    }

    /// <summary>pynetdicom's storescp on <paramref name="port"/> as <paramref name="aeTitle"/>, writing received objects into <paramref name="folder"/>.</summary>
    public static Task<PeerServer> StartStorescpAsync(int port, string aeTitle, string folder)
        => PeerServer.StartAsync(StartInfo("storescp", "-aet", aeTitle, "-od", folder, port.ToString()), port, TimeSpan.FromSeconds(60));
}
