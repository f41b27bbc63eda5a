using DicomSpecGen.Interop.Tests.Peers;

namespace DicomSpecGen.Interop.Tests.Data;

/// <summary>Runs a DCMTK file tool through <see cref="Peers.Dcmtk"/> and requires exit code 0.</summary>
internal static class DcmtkTool
{
    public static string RunOk(string tool, params string[] args)
    {
        var result = Peers.Dcmtk.RunAsync(tool, TimeSpan.FromSeconds(30), args).GetAwaiter().GetResult();
        Assert.True(result.ExitCode == 0, $"{tool} {string.Join(' ', args)} exited {result.ExitCode}: {result.Output}");
        return result.Output;
    }
}
