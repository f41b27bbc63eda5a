using DicomSpecGen.Interop.Tests.Peers;

namespace DicomSpecGen.Interop.Tests.Services;

/// <summary>Test instances made by DCMTK's dump2dcm, so the files do not depend on our own writer.</summary>
public static class DcmtkFiles
{
    public sealed record Instance(string Path, string SopInstanceUid, string StudyUid, string SeriesUid, string PatientId);

    public static string TempDir(string prefix = "dsg-io-")
    {
        var dir = Path.Combine(Path.GetTempPath(), prefix + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(dir);
        return dir;
    }

    /// <summary>CT instances of one study; <paramref name="syntaxFlag"/> is dump2dcm's output transfer syntax (+te, +ti, +tb, +td).</summary>
    public static async Task<List<Instance>> CreateAsync(string dir, int count, string patientId = "DCMTK1", string syntaxFlag = "+te", int pixelWords = 256)
    {
        var root = "1.2.826.0.1.3680043.10.543.7." + Random.Shared.Next(1, int.MaxValue);
        var study = root + ".1";
        var series = study + ".1";
        var list = new List<Instance>();
        for (var i = 1; i <= count; i++)
        {
            var sop = $"{series}.{i}";
            var pixels = string.Join('\\', Enumerable.Range(0, pixelWords).Select(w => ((w * 7 + i) & 0xFFFF).ToString("x4")));
            var dump = Path.Combine(dir, $"ct{i}.dump");
            await File.WriteAllTextAsync(dump, $"""
                (0008,0016) UI =CTImageStorage
                (0008,0018) UI [{sop}]
                (0008,0020) DA [20240105]
                (0008,0060) CS [CT]
                (0010,0010) PN [DCMTK^TEST]
                (0010,0020) LO [{patientId}]
                (0020,000d) UI [{study}]
                (0020,000e) UI [{series}]
                (0020,0011) IS [1]
                (0020,0013) IS [{i}]
                (0028,0010) US 16
                (0028,0011) US {pixelWords / 16}
                (7fe0,0010) OW {pixels}

                """);
            var path = Path.Combine(dir, $"ct{i:D3}.dcm");
            // +l: the pixel line can exceed dump2dcm's default line limit; it exits 0 even when it wrote nothing.
            var result = await Dcmtk.RunAsync("dump2dcm", TimeSpan.FromSeconds(20), syntaxFlag, "+l", (pixels.Length + 64).ToString(), dump, path);
            Assert.True(result.ExitCode == 0 && File.Exists(path), "dump2dcm failed: " + result.Output);
            File.Delete(dump);
            list.Add(new Instance(path, sop, study, series, patientId));
        }
        return list;
    }

    /// <summary>The SOP Instance UIDs of the DICOM files in a folder, read by dcmdump (not by our reader).</summary>
    public static async Task<List<string>> SopInstanceUidsAsync(string dir)
    {
        var uids = new List<string>();
        foreach (var file in Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories))
        {
            if (file.EndsWith(".sqlite", StringComparison.Ordinal) || file.Contains("sqlite-", StringComparison.Ordinal)) continue;
            var dump = await Dcmtk.RunAsync("dcmdump", TimeSpan.FromSeconds(20), "+P", "0008,0018", file);
            if (dump.ExitCode != 0) continue;
            var open = dump.Output.IndexOf('[');
            var close = dump.Output.IndexOf(']');
            if (open >= 0 && close > open) uids.Add(dump.Output[(open + 1)..close]);
        }
        uids.Sort(StringComparer.Ordinal);
        return uids;
    }
}
