namespace DicomSpecGen.Interop.Tests.Peers;

/// <summary>odil's command-line tool (Debian package odil, a Python front end to the C++ library): its echo, store,
/// find and get sub-commands. A missing tool fails the test.</summary>
public static class Odil
{
    public static string Cli => PeerProcess.Locate("odil") ?? throw new InvalidOperationException("odil is missing: apt-get install -y odil");

    public static Task<PeerProcess.Result> RunAsync(TimeSpan timeout, params string[] args) => PeerProcess.RunAsync(Cli, timeout, args);
}
