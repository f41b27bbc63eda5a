namespace DicomSpecGen.Interop.Tests.Peers;

/// <summary>A file's data set as DCMTK's dcmdump prints it (long values in full), without the File Meta Information
/// and the transfer syntax line: two files hold the same data set when these agree, whoever wrote them.</summary>
public static class DataSetDump
{
    public static async Task<string> OfAsync(string path)
    {
        var dump = await Dcmtk.RunAsync("dcmdump", TimeSpan.FromSeconds(30), "+L", path);
        Assert.True(dump.ExitCode == 0, $"dcmdump {path}: {dump.Output}");
        var lines = dump.Output.Split('\n');
        var start = Array.FindIndex(lines, l => l.StartsWith("# Dicom-Data-Set", StringComparison.Ordinal));
        Assert.True(start >= 0, $"dcmdump {path} printed no data set: {dump.Output}");
        return string.Join('\n', lines.Skip(start + 1).Where(l => !l.StartsWith("# Used TransferSyntax", StringComparison.Ordinal)));
    }

    public static async Task AssertSameAsync(string expectedPath, string actualPath) => Assert.Equal(await OfAsync(expectedPath), await OfAsync(actualPath));
}
