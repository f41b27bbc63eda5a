namespace DicomSpecGen.Interop.Tests.Peers;

/// <summary>The shared peers folder (pynetdicom scripts and setup-peers.sh), which lives beside the repository
/// clone as <c>shared/peers</c> rather than in it: <c>DSG_SHARED_DIR</c> names the <c>shared</c> folder, else the
/// nearest <c>shared/peers</c> above the test binary is used.</summary>
public static class SharedPeers
{
    private static readonly Lazy<string> Folder = new(Locate);

    public static string Dir => Folder.Value;

    public static string Script(string name)
    {
        var path = Path.Combine(Dir, name);
        if (!File.Exists(path)) throw new FileNotFoundException($"shared peer script {name} is missing from {Dir}", path);
        return path;
    }

    private static string Locate()
    {
        var env = Environment.GetEnvironmentVariable("DSG_SHARED_DIR");
        if (!string.IsNullOrEmpty(env))
        {
            var peers = Path.Combine(env, "peers");
            return Directory.Exists(peers) ? peers : throw new DirectoryNotFoundException($"DSG_SHARED_DIR={env} has no peers folder");
        }
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
        {
            var peers = Path.Combine(dir.FullName, "shared", "peers");
            if (File.Exists(Path.Combine(peers, "setup-peers.sh"))) return peers;
        }
        throw new DirectoryNotFoundException($"no shared/peers folder above {AppContext.BaseDirectory}; set DSG_SHARED_DIR to the shared folder");
    }
}
