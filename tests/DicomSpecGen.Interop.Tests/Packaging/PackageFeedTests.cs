using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using DicomSpecGen.Interop.Tests.Cli;
using DicomSpecGen.Interop.Tests.Peers;

namespace DicomSpecGen.Interop.Tests.Packaging;

/// <summary>The packages as a user gets them: every project that opts in with &lt;IsPackable&gt;true&lt;/IsPackable&gt; is
/// packed (Release) into a local folder feed once per class, then fresh projects outside the repository restore them
/// from that feed (plus the normal NuGet sources, for Microsoft's packages) and build. Slow by nature (pack, restore,
/// build): one class, one pack, bounded steps.</summary>
public sealed class PackageFeedTests(PackageFeedFixture feed) : IClassFixture<PackageFeedFixture>
{
    private static readonly TimeSpan Step = TimeSpan.FromMinutes(5);

    [Fact]
    public void Feed_holds_the_runtime_archive_hosting_generator_and_tool_packages_with_symbols_and_nothing_else()
    {
        var names = Directory.GetFiles(feed.Feed).Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal).ToArray();
        var v = feed.Version;
        string[] expected =
        [
            $"DicomSpecGen.Archive.{v}.nupkg", $"DicomSpecGen.Archive.{v}.snupkg",
            $"DicomSpecGen.Generators.{v}.nupkg",
            $"DicomSpecGen.Hosting.{v}.nupkg", $"DicomSpecGen.Hosting.{v}.snupkg",
            $"DicomSpecGen.Runtime.{v}.nupkg", $"DicomSpecGen.Runtime.{v}.snupkg",
            $"dsg.{v}.nupkg", $"dsg.{v}.snupkg",
            $"dsgtool.{v}.nupkg", $"dsgtool.{v}.snupkg",
        ];
        Assert.Equal(expected.Order(StringComparer.Ordinal), names);
    }

    [Fact]
    public void Archive_package_carries_the_database_clients_and_the_runtime_package_none()
    {
        string Nuspec(string id)
        {
            using var zip = System.IO.Compression.ZipFile.OpenRead(Path.Combine(feed.Feed, $"{id}.{feed.Version}.nupkg"));
            using var reader = new StreamReader(zip.GetEntry($"{id}.nuspec")!.Open());
            return reader.ReadToEnd();
        }
        var archive = Nuspec("DicomSpecGen.Archive");
        Assert.Contains("id=\"DicomSpecGen.Runtime\"", archive);
        Assert.Contains("id=\"Microsoft.Data.Sqlite\"", archive);
        Assert.Contains("id=\"Npgsql\"", archive);
        var runtime = Nuspec("DicomSpecGen.Runtime");
        Assert.DoesNotContain("Sqlite", runtime);
        Assert.DoesNotContain("Npgsql", runtime);
    }

    [Fact]
    public async Task Benchmark_fuzz_and_test_projects_are_not_packable()
    {
        foreach (var project in new[] { "bench/DicomSpecGen.Benchmarks/DicomSpecGen.Benchmarks.csproj", "bench/DicomSpecGen.Fuzz/DicomSpecGen.Fuzz.csproj",
                     "tests/DicomSpecGen.Interop.Tests/DicomSpecGen.Interop.Tests.csproj", "generators/DicomSpecGen.Spec/DicomSpecGen.Spec.csproj" })
        {
            var r = await DotnetCli.RunAsync(RepoFolders.Root, Step, null, "msbuild", project, "-getProperty:IsPackable");
            Assert.True(r.ExitCode == 0, r.Output);
            Assert.Equal("false", r.Output.Trim());
        }
    }

    [Fact]
    public async Task Runtime_package_carries_metadata_the_spec_assembly_and_no_generator_dependency()
    {
        using var zip = System.IO.Compression.ZipFile.OpenRead(Path.Combine(feed.Feed, $"DicomSpecGen.Runtime.{feed.Version}.nupkg"));
        var entries = zip.Entries.Select(e => e.FullName).ToHashSet();
        Assert.Contains("lib/net10.0/DicomSpecGen.Runtime.dll", entries);
        Assert.Contains("lib/net10.0/DicomSpecGen.Spec.dll", entries);
        Assert.Contains("README.md", entries);
        Assert.Contains("LICENSE", entries);
        using var reader = new StreamReader(zip.GetEntry("DicomSpecGen.Runtime.nuspec")!.Open());
        var nuspec = await reader.ReadToEndAsync();
        Assert.Contains("<license type=\"expression\">MIT</license>", nuspec);
        Assert.Contains("<readme>README.md</readme>", nuspec);
        Assert.Contains("<tags>dicom", nuspec);
        Assert.Contains("id=\"YamlDotNet\"", nuspec);
        Assert.DoesNotContain("DicomSpecGen.Generators", nuspec);
        Assert.DoesNotContain("DicomSpecGen.Spec\"", nuspec);
    }

    [Fact]
    public async Task Console_app_referencing_the_runtime_package_echoes_and_stores_to_dsg_scp()
    {
        using var archive = new TempDir("dsg-pack-scp-");
        await using var scp = await DsgScpProcess.StartAsync("--bind", "127.0.0.1", "-aet", "PACKSCP", "-od", archive.Path);
        using var app = feed.NewProject("dsg-pack-app-");
        await feed.DotnetAsync(app.Path, "new", "console", "--framework", "net10.0", "--name", "PackApp", "--output", app.Path);
        await feed.DotnetAsync(app.Path, "add", "package", "DicomSpecGen.Runtime", "--version", feed.Version);
        await File.WriteAllTextAsync(Path.Combine(app.Path, "Program.cs"), ConsumerProgram);

        var sop = "2.25." + BitConverter.ToUInt64(Guid.NewGuid().ToByteArray());
        var run = await feed.DotnetAsync(app.Path, "run", "--", "127.0.0.1", scp.Port.ToString(), "PACKSCP", sop, Path.Combine(app.Path, "ct.dcm"));
        Assert.Contains("C-ECHO status 0x0000", run);
        Assert.Contains("C-STORE status 0x0000", run);

        // The SCP wrote the instance into its folder (whatever its layout): a file holding the SOP Instance UID.
        var stored = Directory.GetFiles(archive.Path, "*", SearchOption.AllDirectories)
            .Where(f => Encoding.ASCII.GetString(File.ReadAllBytes(f)).Contains(sop, StringComparison.Ordinal)).ToList();
        Assert.True(stored.Any(f => !f.EndsWith(".db", StringComparison.Ordinal) && !f.Contains(".db-", StringComparison.Ordinal)),
            "no file holding " + sop + " in " + archive.Path + "; scp said: " + scp.Output);
    }

    [Fact]
    public async Task Dsg_installs_from_the_feed_as_a_dotnet_tool_and_echoes_dsg_scp()
    {
        using var archive = new TempDir("dsg-pack-tool-scp-");
        await using var scp = await DsgScpProcess.StartAsync("--bind", "127.0.0.1", "-od", archive.Path);
        // As a user types it: the machine's own NuGet settings plus --add-source, no nuget.config of ours.
        using var tools = new TempDir("dsg-pack-tool-");
        var install = await feed.DotnetAsync(tools.Path, "tool", "install", "--tool-path", Path.Combine(tools.Path, "bin"),
            "--add-source", feed.Feed, "--version", feed.Version, "dsg");
        Assert.Contains("dsg", install);

        var dsg = Path.Combine(tools.Path, "bin", "dsg");
        Assert.True(File.Exists(dsg), "no dsg command in " + Path.Combine(tools.Path, "bin") + ": " + install);
        var echo = await DotnetCli.RunAsync(tools.Path, TimeSpan.FromMinutes(1), dsg, "echo", "127.0.0.1", scp.Port.ToString());
        Assert.True(echo.ExitCode == 0, echo.Output);
    }

    [Fact]
    public async Task Project_referencing_only_the_generator_package_generates_the_registry_and_takes_an_edited_spec()
    {
        using var app = feed.NewProject("dsg-pack-gen-");
        await feed.DotnetAsync(app.Path, "new", "console", "--framework", "net10.0", "--name", "GenApp", "--output", app.Path);
        await feed.DotnetAsync(app.Path, "add", "package", "DicomSpecGen.Generators", "--version", feed.Version);
        await File.WriteAllTextAsync(Path.Combine(app.Path, "Program.cs"),
            "System.Console.WriteLine(\"verification=\" + DicomSpecGen.Registry.DicomUids.Verification);\n" +
            "System.Console.WriteLine(\"ct=\" + DicomSpecGen.Registry.DicomUids.CTImageStorage);\n");
        var run = await feed.DotnetAsync(app.Path, "run");
        Assert.Contains("verification=1.2.840.10008.1.1", run);
        Assert.Contains("ct=1.2.840.10008.5.1.4.1.1.2", run);

        // Regenerate with a private SOP class: copy the package's spec/, add a row, point DicomSpecGenSpecDir at the copy.
        var packaged = Path.Combine(feed.PackagesFolder, "dicomspecgen.generators", feed.Version.ToLowerInvariant(), "spec");
        Assert.True(File.Exists(Path.Combine(packaged, "part06", "uids.yaml")), "the package has no spec/part06/uids.yaml under " + packaged);
        var mine = Path.Combine(app.Path, "myspec");
        foreach (var file in Directory.GetFiles(packaged, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(mine, Path.GetRelativePath(packaged, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        await File.AppendAllTextAsync(Path.Combine(mine, "part06", "uids.yaml"),
            "  - { uid: \"1.2.826.0.1.3680043.10.1234.1\", title: Example Private Storage, keyword: ExamplePrivateStorage, type: SOP Class, source: local private SOP class }\n");
        var project = Path.Combine(app.Path, "GenApp.csproj");
        var text = await File.ReadAllTextAsync(project);
        await File.WriteAllTextAsync(project, text.Replace("</Project>",
            "  <PropertyGroup><DicomSpecGenSpecDir>$(MSBuildProjectDirectory)/myspec</DicomSpecGenSpecDir></PropertyGroup>\n</Project>"));
        await File.AppendAllTextAsync(Path.Combine(app.Path, "Program.cs"),
            "System.Console.WriteLine(\"private=\" + DicomSpecGen.Registry.DicomUids.ExamplePrivateStorage);\n");
        run = await feed.DotnetAsync(app.Path, "run");
        Assert.Contains("private=1.2.826.0.1.3680043.10.1234.1", run);
    }

    [Fact]
    public async Task Getting_started_programs_build_from_the_feed_and_echo()
    {
        await using var scp = await DsgScpProcess.StartAsync("--bind", "127.0.0.1", "-od", Path.Combine(Path.GetTempPath(), "dsg-pack-gs-" + Guid.NewGuid().ToString("N")[..8]));

        // docs/getting-started.md steps 1-4, its Program.cs as written.
        using var echo = feed.NewProject("dsg-pack-gs-echo-");
        await feed.DotnetAsync(echo.Path, "new", "console", "--framework", "net10.0", "--name", "EchoApp", "--output", echo.Path);
        await feed.DotnetAsync(echo.Path, "add", "package", "DicomSpecGen.Runtime", "--version", feed.Version);
        await File.WriteAllTextAsync(Path.Combine(echo.Path, "Program.cs"), GettingStarted("echo"));
        var run = await feed.DotnetAsync(echo.Path, "run", "--", "127.0.0.1", scp.Port.ToString());
        Assert.Contains("C-ECHO status 0x0000", run);

        // "An SCP in the generic host": its appsettings.json and Program.cs, driven by DCMTK's echoscu.
        using var hosted = feed.NewProject("dsg-pack-gs-host-");
        await feed.DotnetAsync(hosted.Path, "new", "console", "--framework", "net10.0", "--name", "MyScp", "--output", hosted.Path);
        await feed.DotnetAsync(hosted.Path, "add", "package", "DicomSpecGen.Hosting", "--version", feed.Version);
        await feed.DotnetAsync(hosted.Path, "add", "package", "Microsoft.Extensions.Hosting", "--version", "10.0.0");
        await File.WriteAllTextAsync(Path.Combine(hosted.Path, "appsettings.json"), GettingStarted("appsettings"));
        await File.WriteAllTextAsync(Path.Combine(hosted.Path, "Program.cs"), GettingStarted("hosted"));
        var project = Path.Combine(hosted.Path, "MyScp.csproj");
        await File.WriteAllTextAsync(project, (await File.ReadAllTextAsync(project)).Replace("</Project>",
            "  <ItemGroup><None Include=\"appsettings.json\" CopyToOutputDirectory=\"PreserveNewest\" /></ItemGroup>\n</Project>"));
        await feed.DotnetAsync(hosted.Path, "build");
        var info = Peers.PeerProcess.StartInfo("dotnet", [Path.Combine(hosted.Path, "bin", "Debug", "net10.0", "MyScp.dll"), "--Dicom:Port=0"]);
        await using var myScp = await DsgScpProcess.StartAsync(Process.Start(info)!);
        var echoscu = await Dcmtk.RunAsync("echoscu", TimeSpan.FromSeconds(30), "-aec", "MYSCP", "127.0.0.1", myScp.Port.ToString());
        Assert.True(echoscu.ExitCode == 0, echoscu.Output + myScp.Output);
    }

    /// <summary>The code block after "&lt;!-- getting-started:NAME --&gt;" in docs/getting-started.md.</summary>
    private static string GettingStarted(string name)
    {
        var text = File.ReadAllText(Path.Combine(RepoFolders.Root, "docs", "getting-started.md"));
        var match = Regex.Match(text, $@"<!-- getting-started:{name} -->\s*```\w*\n(.*?)```", RegexOptions.Singleline);
        return match.Success ? match.Groups[1].Value : throw new InvalidOperationException($"no getting-started:{name} block in docs/getting-started.md");
    }

    /// <summary>What a user writes after `dotnet add package DicomSpecGen.Runtime`: a C-ECHO and a C-STORE of a
    /// small CT instance (written as a Part 10 file first), printing each status.</summary>
    private const string ConsumerProgram = """
        using DicomSpecGen.Association;
        using DicomSpecGen.Data;
        using DicomSpecGen.Data.Part10;
        using DicomSpecGen.Registry;
        using DicomSpecGen.Services.Scu;

        var (host, port, calledAe, sop, path) = (args[0], int.Parse(args[1]), args[2], args[3], args[4]);
        var dataset = new DicomDataset()
            .SetString(new DicomTag(DicomTags.SOPClassUID), DicomUids.CTImageStorage)
            .SetString(new DicomTag(DicomTags.SOPInstanceUID), sop)
            .SetString(new DicomTag(DicomTags.StudyInstanceUID), sop + ".1")
            .SetString(new DicomTag(DicomTags.SeriesInstanceUID), sop + ".2")
            .SetString(new DicomTag(DicomTags.PatientID), "PACKAGE1")
            .SetString(new DicomTag(DicomTags.Modality), "CT");
        await using (var file = File.Create(path))
            await DicomFile.WriteAsync(file, new DicomFileMeta(DicomUids.CTImageStorage, sop, DicomUids.ExplicitVRLittleEndian), dataset);

        var options = new RequestorOptions
        {
            Host = host,
            Port = port,
            CallingAeTitle = "PACKAPP",
            CalledAeTitle = calledAe,
            PresentationContexts =
            [
                new(1, DicomUids.Verification, [DicomUids.ImplicitVRLittleEndian]),
                new(3, DicomUids.CTImageStorage, [DicomUids.ExplicitVRLittleEndian]),
            ],
        };
        await using var client = await DicomClient.ConnectAsync(options);
        Console.WriteLine($"C-ECHO status 0x{await client.EchoAsync():X4}");
        var stored = await client.StoreFileAsync(path);
        Console.WriteLine($"C-STORE status 0x{stored.Status:X4}");
        await client.ReleaseAsync();
        """;
}

/// <summary>Packs once per class into a temporary feed with a version unique to the run (so the global package cache
/// never hands back an older build), and removes that version from the cache afterwards.</summary>
public sealed class PackageFeedFixture : IAsyncLifetime
{
    private readonly TempDir _work = new("dsg-pack-feed-");

    public string Feed => Path.Combine(_work.Path, "feed");

    public string Version { get; } = $"0.1.0-test.{DateTime.UtcNow:yyyyMMddHHmmss}.{Environment.ProcessId}";

    /// <summary>The global packages folder restores extract to (NUGET_PACKAGES or ~/.nuget/packages).</summary>
    public string PackagesFolder { get; } = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } p
        ? p : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");

    public TimeSpan PackTime { get; private set; }

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Feed);
        // Only the projects that opt in (Directory.Build.props makes every project non-packable by default), through a
        // solution filter so the test and benchmark projects are not built in Release.
        var projects = Directory.GetFiles(RepoFolders.Root, "*.csproj", SearchOption.AllDirectories)
            .Where(p => !p.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}") && !p.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}"))
            .Where(p => Regex.IsMatch(File.ReadAllText(p), @"<IsPackable>\s*true\s*</IsPackable>"))
            .Select(p => Path.GetRelativePath(RepoFolders.Root, p).Replace('\\', '/'))
            .ToList();
        var filter = Path.Combine(_work.Path, "packages.slnf");
        var json = System.Text.Json.JsonSerializer.Serialize(new { solution = new { path = Path.Combine(RepoFolders.Root, "DicomSpecGen.sln"), projects } });
        await File.WriteAllTextAsync(filter, json);
        var clock = Stopwatch.StartNew();
        var pack = await DotnetCli.RunAsync(RepoFolders.Root, TimeSpan.FromMinutes(15), null, "pack", filter, "-c", "Release", "-o", Feed,
            "-p:Version=" + Version, "-nologo");
        PackTime = clock.Elapsed;
        if (pack.ExitCode != 0) throw new InvalidOperationException("dotnet pack failed:\n" + pack.Output);

        // The fresh projects take our packages from the feed only (source mapping: never a same-named package from
        // nuget.org) and everything else from nuget.org (Microsoft's packages, YamlDotNet; usually already in the cache).
        await File.WriteAllTextAsync(Path.Combine(_work.Path, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="dsg-test-feed" value="{Feed}" />
                <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
              </packageSources>
              <packageSourceMapping>
                <packageSource key="dsg-test-feed">
                  <package pattern="DicomSpecGen.*" />
                  <package pattern="dsg" />
                  <package pattern="dsgtool" />
                </packageSource>
                <packageSource key="nuget.org">
                  <package pattern="*" />
                </packageSource>
              </packageSourceMapping>
            </configuration>
            """);
    }

    /// <summary>A folder below the feed's nuget.config (so restores there see the feed), outside the repository.</summary>
    public TempDir NewProject(string prefix)
    {
        var dir = new TempDir(prefix);
        File.Copy(Path.Combine(_work.Path, "nuget.config"), Path.Combine(dir.Path, "nuget.config"));
        return dir;
    }

    /// <summary>Runs a dotnet command in <paramref name="directory"/>; fails with its output unless it exits 0.</summary>
    public async Task<string> DotnetAsync(string directory, params string[] args)
    {
        var r = await DotnetCli.RunAsync(directory, TimeSpan.FromMinutes(5), null, args);
        return r.ExitCode == 0 ? r.Output : throw new InvalidOperationException($"dotnet {string.Join(' ', args)} exited {r.ExitCode}:\n{r.Output}");
    }

    public Task DisposeAsync()
    {
        // This run's version is of no use to anyone else: drop it from the global cache.
        foreach (var id in new[] { "dicomspecgen.runtime", "dicomspecgen.archive", "dicomspecgen.hosting", "dicomspecgen.generators", "dsg", "dsgtool" })
        {
            var dir = Path.Combine(PackagesFolder, id, Version.ToLowerInvariant());
            try
            {
                if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
                var idDir = Path.GetDirectoryName(dir)!;
                if (Directory.Exists(idDir) && !Directory.EnumerateFileSystemEntries(idDir).Any()) Directory.Delete(idDir);
            }
            catch (IOException) { }
            catch (UnauthorizedAccessException) { }
        }
        Console.WriteLine($"PackageFeedTests: pack took {PackTime.TotalSeconds:F0} s");
        _work.Dispose();
        return Task.CompletedTask;
    }
}

/// <summary>Runs `dotnet …` (or another program) with a time limit, output captured; the SDK's first-run banner and
/// telemetry notice are turned off.</summary>
public static class DotnetCli
{
    public sealed record Result(int ExitCode, string Output);

    public static Task<Result> RunAsync(string directory, TimeSpan timeout, string? program, params string[] args)
        => RunCoreAsync(directory, timeout, program ?? "dotnet", args);

    private static async Task<Result> RunCoreAsync(string directory, TimeSpan timeout, string program, string[] args)
    {
        var info = new ProcessStartInfo(program) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) info.ArgumentList.Add(a);
        info.Environment["DOTNET_NOLOGO"] = "1";
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        info.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        // The test host's MSBuild settings must not leak into the child builds.
        foreach (var name in new[] { "MSBuildExtensionsPath", "MSBuildSDKsPath", "MSBUILD_EXE_PATH", "DOTNET_HOST_PATH" })
            info.Environment.Remove(name);
        var run = await Peers.PeerProcess.RunAsync(info, timeout);
        return new Result(run.ExitCode, run.Output);
    }
}
