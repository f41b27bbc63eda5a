using System.Collections.Concurrent;
using DicomSpecGen.Dimse;
using DicomSpecGen.Dul;
using DicomSpecGen.Registry;
using DicomSpecGen.Runtime.Tests.Services;
using DicomSpecGen.Services;
using DicomSpecGen.Services.Scu;
using Xunit.Abstractions;

namespace DicomSpecGen.Runtime.Tests.Reliability;

/// <summary>Concurrent associations storing into our archive SCP, mixed with C-FIND: every object arrives once,
/// byte-identical (SHA-256 of the data set), with a complete index row, and nothing is left in staging.
/// CI runs 8 associations x 50 objects; DSG_LOAD_FULL=1 runs the 16 x 500.</summary>
public class LoadTests(ITestOutputHelper output)
{
    private static readonly bool Full = Environment.GetEnvironmentVariable("DSG_LOAD_FULL") == "1";
    private static readonly int Associations = Full ? 16 : 8;
    private static readonly int PerAssociation = Full ? 500 : 50;

    [Theory]
    [InlineData(DulEngine.Generated)]
    [InlineData(DulEngine.Interpreted)]
    public async Task Concurrent_stores_with_finds_lose_nothing(DulEngine engine)
    {
        var source = TestFiles.TempDir();
        var files = new List<TestFiles.Instance>[Associations];
        for (var a = 0; a < Associations; a++)
        {
            files[a] = await TestFiles.CreateAsync(Path.Combine(source, a.ToString()) is var d && Directory.CreateDirectory(d) != null ? d : d,
                PerAssociation, patientId: $"LOAD{a}", pixelBytes: 2048 + 64 * a);
        }
        await using var server = ReliabilityServer.Start(engine: engine, maxAssociations: Associations + 2);
        var finds = 0;
        var failures = new ConcurrentQueue<string>();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await Task.WhenAll(files.Select((list, a) => Task.Run(async () =>
        {
            await using var client = await DicomClient.ConnectAsync(server.Requestor(engine));
            for (var i = 0; i < list.Count; i++)
            {
                var response = await client.StoreFileAsync(list[i].Path);
                if (response.Status != DimseStatus.Success) failures.Enqueue($"{list[i].SopInstanceUid}: 0x{response.Status:X4}");
                if (i % 10 == 9)
                {
                    // The study so far is visible to C-FIND, with at least the instances already acknowledged.
                    var query = new DicomSpecGen.Data.DicomDataset()
                        .SetString(DicomTags.QueryRetrieveLevel, DicomVr.CS, "STUDY")
                        .SetString(DicomTags.StudyInstanceUID, DicomVr.UI, list[i].StudyUid)
                        .SetString(DicomTags.NumberOfStudyRelatedInstances, DicomVr.IS, "");
                    var matches = new List<DicomSpecGen.Data.DicomDataset>();
                    DimseResponse? final = null;
                    await foreach (var m in client.FindAsync(DicomUids.StudyRootQueryRetrieveInformationModelFind, query, r => final = r)) matches.Add(m);
                    Assert.True(final?.Status == DimseStatus.Success, $"C-FIND final status 0x{final?.Status:X4}; server log: {server.Log}");
                    var single = Assert.Single(matches);
                    Assert.Equal((i + 1).ToString(), single.GetString(DicomTags.NumberOfStudyRelatedInstances)?.Trim());
                    Interlocked.Increment(ref finds);
                }
            }
            await client.ReleaseAsync();
        })));
        clock.Stop();
        var total = Associations * PerAssociation;
        output.WriteLine($"{engine}: {Associations} x {PerAssociation} C-STOREs + {finds} C-FINDs in {clock.Elapsed.TotalSeconds:F2} s ({total / clock.Elapsed.TotalSeconds:F0} stores/s)");
        Assert.Empty(failures);
        Assert.Equal(Associations * (PerAssociation / 10), finds);

        // Every object on disk once, with its data set intact, and a complete index row for it.
        var rows = await server.Archive.Index.InstancesAsync([], CancellationToken.None);
        Assert.Equal(total, rows.Count);
        var bySop = rows.ToDictionary(r => r.SopInstanceUid);
        foreach (var f in files.SelectMany(l => l))
        {
            var row = bySop[f.SopInstanceUid];
            var stored = Path.Combine(server.Folder, row.RelativePath);
            Assert.True(File.Exists(stored), stored);
            Assert.Equal(new FileInfo(stored).Length, row.Size);
            Assert.Equal(f.StudyUid, row.StudyInstanceUid);
            Assert.Equal(f.SeriesUid, row.SeriesInstanceUid);
            Assert.Equal(f.PatientId, row.PatientId);
            Assert.Equal(DicomUids.CTImageStorage, row.SopClassUid);
            Assert.Equal(StoredFiles.DataSetSha256(f.Path), StoredFiles.DataSetSha256(stored));
        }
        Assert.Equal(total, Directory.GetFiles(server.Folder, "*.dcm", SearchOption.AllDirectories).Length);
        Assert.Empty(Directory.GetFiles(Path.Combine(server.Folder, ".incoming")));
        Directory.Delete(source, recursive: true);
    }
}
