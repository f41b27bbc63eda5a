using System.Diagnostics;
using System.Security.Cryptography.X509Certificates;
using DicomSpecGen.Interop.Tests.Services;

namespace DicomSpecGen.Interop.Tests.Reliability;

/// <summary>A throw-away CA with a server certificate (localhost, 127.0.0.1) and a client certificate, made with
/// the openssl command line in a temporary folder; a second, unrelated CA for the untrusted case.</summary>
internal sealed class TestCertificates
{
    public required string Folder { get; init; }
    public string Path(string name) => System.IO.Path.Combine(Folder, name);
    public X509Certificate2 Load(string name) => X509Certificate2.CreateFromPemFile(Path(name + ".crt"), Path(name + ".key"));
    public X509Certificate2Collection Root(string ca = "ca") => [X509CertificateLoader.LoadCertificateFromFile(Path(ca + ".crt"))];

    public static TestCertificates Create()
    {
        var dir = DcmtkFiles.TempDir("dsg-tls-");
        File.WriteAllText(System.IO.Path.Combine(dir, "server.ext"), "subjectAltName=DNS:localhost,IP:127.0.0.1\nextendedKeyUsage=serverAuth\n");
        File.WriteAllText(System.IO.Path.Combine(dir, "client.ext"), "extendedKeyUsage=clientAuth\n");
        foreach (var ca in new[] { "ca", "other-ca" })
            OpenSsl(dir, $"req -x509 -newkey rsa:2048 -nodes -keyout {ca}.key -out {ca}.crt -days 2 -subj /CN={ca}");
        foreach (var (name, ca) in new[] { ("server", "ca"), ("client", "ca"), ("rogue", "other-ca") })
        {
            OpenSsl(dir, $"req -newkey rsa:2048 -nodes -keyout {name}.key -out {name}.csr -subj /CN={(name == "client" ? "client" : "localhost")}");
            var ext = name == "client" ? "client.ext" : "server.ext";
            OpenSsl(dir, $"x509 -req -in {name}.csr -CA {ca}.crt -CAkey {ca}.key -CAcreateserial -out {name}.crt -days 2 -extfile {ext}");
        }
        return new TestCertificates { Folder = dir };
    }

    private static void OpenSsl(string dir, string arguments)
    {
        var info = new ProcessStartInfo("openssl") { WorkingDirectory = dir, RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var a in arguments.Split(' ')) info.ArgumentList.Add(a);
        using var p = Process.Start(info)!;
        var err = p.StandardError.ReadToEndAsync();
        p.StandardOutput.ReadToEnd();
        if (!p.WaitForExit(30_000)) { p.Kill(); throw new TimeoutException("openssl " + arguments); }
        if (p.ExitCode != 0) throw new InvalidOperationException($"openssl {arguments}: {err.Result}");
    }
}
