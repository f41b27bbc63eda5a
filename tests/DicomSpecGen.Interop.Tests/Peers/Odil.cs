namespace DicomSpecGen.Interop.Tests.Peers;

/// <summary>odil's command-line tool (Debian package odil, a Python front end to the C++ library): its echo, store,
/// find and get sub-commands. A missing tool fails the test.</summary>
public static class Odil
{
    public static string Cli => PeerProcess.Locate("odil") ?? throw new InvalidOperationException("odil is missing: apt-get install -y odil");

    public static Task<PeerProcess.Result> RunAsync(TimeSpan timeout, params string[] args) => PeerProcess.RunAsync(Cli, timeout, args);

    /// <summary>A storage SCP on python3-odil's StoreSCP/EchoSCP (Odil/scripts/odil_store_scp.py, copied beside the
    /// test binary), writing each received object into <paramref name="folder"/> named by its SOP Instance UID.</summary>
    public static async Task<PeerServer> StartStorageScpAsync(int port, string folder)
    {
        const string python = "/usr/bin/python3";
        var probe = await PeerProcess.RunAsync(python, TimeSpan.FromSeconds(30), "-c", "import odil");
        if (probe.ExitCode != 0) throw new InvalidOperationException("python3-odil is missing: apt-get install -y python3-odil\n" + probe.Output);
        var script = Path.Combine(AppContext.BaseDirectory, "Odil", "scripts", "odil_store_scp.py");
        if (!File.Exists(script)) throw new FileNotFoundException("test script missing from the output folder", script);
        return await PeerServer.StartAsync(PeerProcess.StartInfo(python, [script, port.ToString(), folder, "--max-seconds", "180"]), port, TimeSpan.FromSeconds(30));
    }
}
