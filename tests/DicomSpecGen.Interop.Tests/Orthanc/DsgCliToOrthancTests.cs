using DicomSpecGen.Interop.Tests.Cli;
using DicomSpecGen.Interop.Tests.Peers;
using DicomSpecGen.Interop.Tests.Services;

namespace DicomSpecGen.Interop.Tests.Orthanc;

/// <summary>The dsg command line against Orthanc: echo, store a folder, find it, move it to our archive SCP, get it.</summary>
public class DsgCliToOrthancTests(OrthancPeer peer) : IClassFixture<OrthancPeer>
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(90);

    private string[] Peer(params string[] args) => [.. args, "-aet", OrthancPeer.OurAe, "-aec", OrthancPeer.OrthancAe, "-to", "20", "127.0.0.1", peer.Orthanc.DicomPort.ToString()];

    [Fact]
    public async Task Echo_store_find_move_and_get_with_dsg()
    {
        using var temp = new TempDir();
        var input = Directory.CreateDirectory(Path.Combine(temp.Path, "in")).FullName;
        var files = await DcmtkFiles.CreateAsync(input, 3, "ORTH-CLI");
        var uids = files.Select(f => f.SopInstanceUid).Order(StringComparer.Ordinal).ToList();

        var echo = await Dsg.RunAsync(Limit, Peer("echo"));
        Assert.True(echo.ExitCode == 0, echo.Output);
        Assert.Contains("C-ECHO succeeded", echo.Output);

        var store = await Dsg.RunAsync(Limit, [.. Peer("store"), input]);
        Assert.True(store.ExitCode == 0, store.Output);
        Assert.Contains("stored 3 of 3 files", store.Output);

        var find = await Dsg.RunAsync(Limit, Peer("find", "-k", "PatientID=ORTH-CLI", "-k", "StudyInstanceUID"));
        Assert.True(find.ExitCode == 0, find.Output);
        Assert.Contains($"StudyInstanceUID={files[0].StudyUid}", find.Output);
        Assert.Contains("1 match(es)", find.Output);

        var move = await Dsg.RunAsync(Limit, Peer("move", "-aem", OrthancPeer.OurAe, "-k", $"StudyInstanceUID={files[0].StudyUid}"));
        Assert.True(move.ExitCode == 0, move.Output);
        Assert.Contains("failed 0", move.Output);
        Assert.Equal(uids, peer.Archive.StoredFiles().Select(Path.GetFileNameWithoutExtension).Where(n => uids.Contains(n!)).Order(StringComparer.Ordinal));

        var output = Path.Combine(temp.Path, "got");
        var get = await Dsg.RunAsync(Limit, Peer("get", "-od", output, "-k", $"StudyInstanceUID={files[0].StudyUid}"));
        Assert.True(get.ExitCode == 0, get.Output);
        Assert.Contains("completed 3", get.Output);
        Assert.Equal(uids, await DcmtkFiles.SopInstanceUidsAsync(output));
    }
}
