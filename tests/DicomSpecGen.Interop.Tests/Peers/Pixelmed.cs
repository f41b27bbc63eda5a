using System.Diagnostics;

namespace DicomSpecGen.Interop.Tests.Peers;

/// <summary>PixelMed (Debian packages libpixelmed-java, pixelmed-apps; Java from default-jdk-headless): its
/// com.pixelmed.network command-line classes run with <c>java -cp pixelmed.jar</c>, and Java sources of this test
/// project compiled against the jar. A missing jar or JDK fails the test.</summary>
public static class Pixelmed
{
    public const string Jar = "/usr/share/java/pixelmed.jar";

    private static string RequireJar() => File.Exists(Jar) ? Jar : throw new InvalidOperationException($"PixelMed is missing ({Jar}): apt-get install -y libpixelmed-java pixelmed-apps");

    public static string Java => PeerProcess.Locate("java") ?? throw new InvalidOperationException("java is missing: apt-get install -y default-jdk-headless");

    public static string Javac => PeerProcess.Locate("javac") ?? throw new InvalidOperationException("javac is missing: apt-get install -y default-jdk-headless");

    /// <summary>Arguments to run <paramref name="mainClass"/> with the jar (and <paramref name="extraClassPath"/>) on the class path.</summary>
    public static ProcessStartInfo StartInfo(string mainClass, string? extraClassPath, params string[] args)
    {
        var classPath = extraClassPath == null ? RequireJar() : RequireJar() + ":" + extraClassPath;
        // Headless and no LDAP lookups: the SCP's no-argument defaults try an LDAP federation we never use.
        return PeerProcess.StartInfo(Java, ["-Djava.awt.headless=true", "-cp", classPath, mainClass, .. args]);
    }

    public static Task<PeerProcess.Result> RunAsync(TimeSpan timeout, string mainClass, params string[] args) => PeerProcess.RunAsync(StartInfo(mainClass, null, args), timeout);

    /// <summary>Compiles a Java source of this test project (copied beside the test binary from Pixelmed/java) into
    /// <paramref name="outputFolder"/>; returns that folder for the class path.</summary>
    public static async Task<string> CompileAsync(string sourceName, string outputFolder, TimeSpan timeout)
    {
        var source = Path.Combine(AppContext.BaseDirectory, "Pixelmed", "java", sourceName);
        if (!File.Exists(source)) throw new FileNotFoundException("Java source missing from the test output folder", source);
        var result = await PeerProcess.RunAsync(Javac, timeout, "-cp", RequireJar(), "-d", outputFolder, source);
        Assert.True(result.ExitCode == 0, "javac failed: " + result);
        return outputFolder;
    }

    /// <summary>PixelMed's StorageSOPClassSCPDispatcher on <paramref name="port"/> as <paramref name="aeTitle"/>,
    /// writing each received object into <paramref name="folder"/> (named by its SOP Instance UID).</summary>
    public static Task<PeerServer> StartStorageScpAsync(int port, string aeTitle, string folder)
        => PeerServer.StartAsync(StartInfo("com.pixelmed.network.StorageSOPClassSCPDispatcher", null, port.ToString(), aeTitle, folder), port, TimeSpan.FromSeconds(60));
}
