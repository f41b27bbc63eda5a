using DicomSpecGen.Interop.Tests.Peers;
using DicomSpecGen.Interop.Tests.Services;
using DicomSpecGen.Traceability;

namespace DicomSpecGen.Interop.Tests.Cli;

/// <summary>Defaults that meet (issue 19 items 5–7): dsg's SCU and SCP talk with no flags, the strict called-AE
/// check is one flag away and explained; get/move -od write plain files like getscu/movescu; dsg scp --bind.</summary>
public class CliDefaultsTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(90);

    private static string[] Quiet(string archive) => ["0", "-od", archive, "--bind", "127.0.0.1"];

    [Theory]
    [SpecRow("PS3.8 Table 9-11")]
    [InlineData("scp", "--aetitle", "ÄRZTE", "U+00C4")]
    [InlineData("scp", "--aetitle", "ABCDEFGHIJKLMNOPQRS", "has 19 characters")]
    [InlineData("echo", "--call", "A\\B", "U+005C")]
    [InlineData("echo", "--aetitle", "   ", "empty or all spaces")]
    public async Task An_AE_title_option_that_is_no_AE_title_is_refused_before_listening_or_connecting(string command, string option, string value, string why)
    {
        // A peer that would answer: the refusal must come before any connection (echo) or listening (scp).
        await using var scp = await DsgScp.StartAsync(Quiet(DcmtkFiles.TempDir("dsg-defaults-")));
        string[] args = command == "scp"
            ? ["scp", "0", "--bind", "127.0.0.1", "-od", DcmtkFiles.TempDir("dsg-defaults-"), option, value]
            : ["echo", option, value, "127.0.0.1", scp.Port.ToString()];
        var run = await Dsg.RunAsync(Limit, args);
        Assert.True(run.ExitCode != 0, run.Output);
        Assert.Contains($"{option}: '{value}'", run.Output);
        Assert.Contains(why, run.Output);
        Assert.Contains("PS3.5 Table 6.2-1", run.Output);
        Assert.DoesNotContain("listening on port", run.Output);
        Assert.DoesNotContain("C-ECHO succeeded", run.Output);
    }

    [Fact]
    public async Task Dsg_echo_with_no_flags_meets_dsg_scp_with_no_ae_flags_and_any_called_ae_is_accepted()
    {
        await using var scp = await DsgScp.StartAsync(Quiet(DcmtkFiles.TempDir("dsg-defaults-")));
        var echo = await Dsg.RunAsync(Limit, "echo", "127.0.0.1", scp.Port.ToString());
        Assert.True(echo.ExitCode == 0, echo.Output + scp.Output);
        Assert.Contains("C-ECHO succeeded", echo.Output);

        // Like storescp: any called AE title unless the strict check is asked for.
        var dcmtk = await Dcmtk.RunAsync("echoscu", Limit, "-aec", "WHATEVER", "127.0.0.1", scp.Port.ToString());
        Assert.True(dcmtk.ExitCode == 0, dcmtk.Output + scp.Output);
    }

    [Fact]
    [SpecRow("PS3.8 Table 9-21, Reason 7 (Source 1)")]
    public async Task Require_called_aet_rejects_a_wrong_called_ae_and_explain_names_the_check()
    {
        await using var scp = await DsgScp.StartAsync([.. Quiet(DcmtkFiles.TempDir("dsg-defaults-")), "--require-called-aet", "--explain"]);
        var port = scp.Port.ToString();

        var wrong = await Dcmtk.RunAsync("echoscu", Limit, "-aec", "WRONG", "127.0.0.1", port);
        Assert.NotEqual(0, wrong.ExitCode);
        Assert.Contains("Called AE Title Not Recognized", wrong.Output);
        // dsg scp --explain says which check refused it.
        Assert.Contains("called-AE-title check refused it: the request calls 'WRONG'", await scp.WaitForOutputAsync("'WRONG'", TimeSpan.FromSeconds(10)));

        var right = await Dcmtk.RunAsync("echoscu", Limit, "-aec", "DSGSCP", "127.0.0.1", port);
        Assert.True(right.ExitCode == 0, right.Output + scp.Output);

        // dsg explain against the peer: the reason and the peer's check it points to.
        var remote = await Dsg.RunAsync(Limit, "explain", "-aec", "WRONG", "127.0.0.1", port);
        Assert.Equal(2, remote.ExitCode);
        Assert.Contains("called-AE-title-not-recognized", remote.Output);
        Assert.Contains("the peer's called-AE-title check", remote.Output);
        Assert.Contains("PS3.8 Table 9-21", remote.Output);

        // dsg explain --local with the same flag: the policy's own words.
        var local = await Dsg.RunAsync(Limit, "explain", "--local", "--require-called-aet", "-aec", "WRONG");
        Assert.Equal(2, local.ExitCode);
        Assert.Contains("the called-AE-title check refused it", local.Output);
        var lenient = await Dsg.RunAsync(Limit, "explain", "--local", "-aec", "WRONG");
        Assert.Equal(0, lenient.ExitCode);
        Assert.Contains("called AE title not checked", lenient.Output);
    }

    /// <summary>Files directly in the folder: no index, no staging folder, no hashed sub-folders.</summary>
    private static void AssertPlainLayout(string folder)
    {
        Assert.Empty(Directory.GetDirectories(folder));
        Assert.False(File.Exists(Path.Combine(folder, "index.sqlite")), "index.sqlite in " + folder);
        Assert.All(Directory.GetFiles(folder), f => Assert.EndsWith(".dcm", f));
    }

    [Fact]
    public async Task Dsg_get_from_dcmqrscp_writes_plain_files_named_like_getscus()
    {
        var qrPort = Dcmtk.FreePort();
        await using var qr = await OurScuToDcmtkTests.StartQrScpAsync(qrPort, ("DSGSCU", Dcmtk.FreePort()));
        var files = await DcmtkFiles.CreateAsync(DcmtkFiles.TempDir(), 3);
        var store = await Dcmtk.RunAsync("storescu", Limit, "-aec", "QRSCP", "127.0.0.1", qrPort.ToString(), files[0].Path, files[1].Path, files[2].Path);
        Assert.True(store.ExitCode == 0, store.Output);
        string[] keys = ["-k", "QueryRetrieveLevel=STUDY", "-k", $"StudyInstanceUID={files[0].StudyUid}"];

        var reference = DcmtkFiles.TempDir();
        var getscu = await Dcmtk.RunAsync("getscu", Limit, ["-S", "-aec", "QRSCP", "-od", reference, .. keys, "127.0.0.1", qrPort.ToString()]);
        Assert.True(getscu.ExitCode == 0, getscu.Output);

        var output = DcmtkFiles.TempDir();
        var get = await Dsg.RunAsync(Limit, ["get", "-aec", "QRSCP", "-od", output, .. keys, "127.0.0.1", qrPort.ToString()]);
        Assert.True(get.ExitCode == 0, get.Output);
        AssertPlainLayout(output);
        // getscu's names ("CT.<SOP Instance UID>") with the .dcm extension.
        var names = Directory.GetFiles(output).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(Directory.GetFiles(reference).Select(f => Path.GetFileName(f) + ".dcm").Order(StringComparer.Ordinal), names);
        Assert.Equal(files.Select(f => $"CT.{f.SopInstanceUid}.dcm").Order(StringComparer.Ordinal), names);
        Assert.Equal(files.Select(f => f.SopInstanceUid).Order(StringComparer.Ordinal), await DcmtkFiles.SopInstanceUidsAsync(output));

        // The old layout is one option away.
        var indexed = DcmtkFiles.TempDir();
        var archived = await Dsg.RunAsync(Limit, ["get", "--archive-layout", "-aec", "QRSCP", "-od", indexed, .. keys, "127.0.0.1", qrPort.ToString()]);
        Assert.True(archived.ExitCode == 0, archived.Output);
        Assert.True(File.Exists(Path.Combine(indexed, "index.sqlite")));
        Assert.NotEmpty(Directory.GetDirectories(indexed));
        Assert.Equal(files.Select(f => f.SopInstanceUid).Order(StringComparer.Ordinal), await DcmtkFiles.SopInstanceUidsAsync(indexed));
    }

    [Fact]
    public async Task Dsg_get_from_dsg_scp_writes_plain_files_and_a_second_retrieve_loses_nothing()
    {
        await using var scp = await DsgScp.StartAsync(Quiet(DcmtkFiles.TempDir("dsg-defaults-")));
        var port = scp.Port.ToString();
        var files = await DcmtkFiles.CreateAsync(DcmtkFiles.TempDir(), 2);
        var store = await Dcmtk.RunAsync("storescu", Limit, "127.0.0.1", port, files[0].Path, files[1].Path);
        Assert.True(store.ExitCode == 0, store.Output);
        string[] get = ["get", "-k", $"StudyInstanceUID={files[0].StudyUid}", "127.0.0.1", port];

        var output = DcmtkFiles.TempDir();
        var first = await Dsg.RunAsync(Limit, [.. get, "-od", output]);
        Assert.True(first.ExitCode == 0, first.Output);
        AssertPlainLayout(output);
        Assert.Equal(2, Directory.GetFiles(output).Length);
        Assert.Equal(files.Select(f => f.SopInstanceUid).Order(StringComparer.Ordinal), await DcmtkFiles.SopInstanceUidsAsync(output));

        // Same instances again: the identical copies are not duplicated.
        var again = await Dsg.RunAsync(Limit, [.. get, "-od", output]);
        Assert.True(again.ExitCode == 0, again.Output);
        Assert.Equal(2, Directory.GetFiles(output).Length);

        // A file there that differs from what arrives is neither replaced nor lost: the new one is kept beside it.
        var edited = Path.Combine(output, $"CT.{files[0].SopInstanceUid}.dcm");
        var localCopy = await File.ReadAllBytesAsync(edited);
        localCopy[^1] ^= 0xFF;
        await File.WriteAllBytesAsync(edited, localCopy);
        var third = await Dsg.RunAsync(Limit, [.. get, "-od", output]);
        Assert.True(third.ExitCode == 0, third.Output);
        Assert.Equal(localCopy, await File.ReadAllBytesAsync(edited));
        var kept = Path.Combine(output, $"CT.{files[0].SopInstanceUid}-2.dcm");
        Assert.True(File.Exists(kept), string.Join(", ", Directory.GetFiles(output).Select(Path.GetFileName)));
        Assert.Equal(3, Directory.GetFiles(output).Length);
        var dump = await Dcmtk.RunAsync("dcmdump", Limit, "+P", "0008,0018", kept);
        Assert.Contains(files[0].SopInstanceUid, dump.Output);
    }

    [Fact]
    public async Task Dsg_move_port_writes_plain_files()
    {
        var qrPort = Dcmtk.FreePort();
        var ourPort = Dcmtk.FreePort();
        await using var qr = await OurScuToDcmtkTests.StartQrScpAsync(qrPort, ("DSGCLI", ourPort));
        var files = await DcmtkFiles.CreateAsync(DcmtkFiles.TempDir(), 2);
        var store = await Dcmtk.RunAsync("storescu", Limit, "-aec", "QRSCP", "127.0.0.1", qrPort.ToString(), files[0].Path, files[1].Path);
        Assert.True(store.ExitCode == 0, store.Output);
        var output = DcmtkFiles.TempDir();
        var move = await Dsg.RunAsync(Limit, "move", "-aet", "DSGCLI", "-aec", "QRSCP", "--port", ourPort.ToString(), "-od", output,
            "-k", $"StudyInstanceUID={files[0].StudyUid}", "127.0.0.1", qrPort.ToString());
        Assert.True(move.ExitCode == 0, move.Output);
        AssertPlainLayout(output);
        Assert.Equal(files.Select(f => $"CT.{f.SopInstanceUid}.dcm").Order(StringComparer.Ordinal), Directory.GetFiles(output).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Scp_bind_listens_only_on_the_given_address_and_a_bad_address_exits_4()
    {
        await using var scp = await DsgScp.StartAsync("0", "-od", DcmtkFiles.TempDir("dsg-defaults-"), "--bind", "127.0.0.1");
        Assert.Contains("of 127.0.0.1", scp.FirstLine);
        var sockets = await RunAsync("ss", "-ltnH", $"sport = :{scp.Port}");
        Assert.Contains($"127.0.0.1:{scp.Port} ", sockets);
        Assert.DoesNotContain($"0.0.0.0:{scp.Port} ", sockets);
        Assert.DoesNotContain($"*:{scp.Port} ", sockets);
        Assert.Equal(0, (await Dcmtk.RunAsync("echoscu", Limit, "127.0.0.1", scp.Port.ToString())).ExitCode);

        var notAnAddress = await Dsg.RunAsync(Limit, "scp", "0", "-od", DcmtkFiles.TempDir("dsg-defaults-"), "--bind", "not-an-address");
        Assert.Equal(4, notAnAddress.ExitCode);
        Assert.Contains("not an IP address", notAnAddress.Output);
        // TEST-NET-1 (RFC 5737): a well-formed address no interface here has.
        var notOurs = await Dsg.RunAsync(Limit, "scp", "0", "-od", DcmtkFiles.TempDir("dsg-defaults-"), "--bind", "192.0.2.1");
        Assert.Equal(4, notOurs.ExitCode);
        Assert.Contains("cannot listen on 192.0.2.1", notOurs.Output);
    }

    [Fact]
    public async Task Scp_listens_on_every_interface_by_default()
    {
        await using var scp = await DsgScp.StartAsync("0", "-od", DcmtkFiles.TempDir("dsg-defaults-"));
        Assert.Contains("of 0.0.0.0", scp.FirstLine);
        Assert.Contains($"0.0.0.0:{scp.Port} ", await RunAsync("ss", "-ltnH", $"sport = :{scp.Port}"));
    }

    private static async Task<string> RunAsync(string tool, params string[] args)
    {
        var info = new System.Diagnostics.ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) info.ArgumentList.Add(a);
        using var process = System.Diagnostics.Process.Start(info) ?? throw new InvalidOperationException("could not start " + tool);
        var output = await process.StandardOutput.ReadToEndAsync().WaitAsync(TimeSpan.FromSeconds(20));
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(20));
        Assert.True(process.ExitCode == 0, $"{tool} exited {process.ExitCode}: {await process.StandardError.ReadToEndAsync()}");
        return output;
    }
}
