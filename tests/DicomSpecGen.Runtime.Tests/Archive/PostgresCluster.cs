using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace DicomSpecGen.Runtime.Tests.ArchiveStore;

[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresCluster>
{
    public const string Name = "PostgreSQL cluster";
}

/// <summary>A throwaway PostgreSQL cluster: initdb in a temporary folder (as user postgres via runuser when we are
/// root: the server refuses to run as root), listening on 127.0.0.1 on a free port only, stopped and removed after
/// the tests. A missing PostgreSQL fails the tests that need it.</summary>
public sealed class PostgresCluster : IAsyncLifetime
{
    private static readonly TimeSpan Step = TimeSpan.FromSeconds(120);
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "dsg-pg-" + Guid.NewGuid().ToString("N")[..12]);
    private string _bin = "";
    private int _databases;
    private bool _started;

    public int Port { get; private set; }

    private string Data => Path.Combine(_folder, "data");

    private static bool IsRoot => Environment.UserName == "root";

    public string ConnectionString(string database) => $"Host=127.0.0.1;Port={Port};Database={database};Username=postgres;Timeout=30;Command Timeout=60";

    public async Task InitializeAsync()
    {
        _bin = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin")).Where(b => File.Exists(Path.Combine(b, "initdb")))
                .OrderByDescending(b => b, StringComparer.Ordinal).FirstOrDefault() ?? ""
            : "";
        if (_bin == "")
            throw new InvalidOperationException("PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb): apt-get install postgresql (tests/run-all.sh installs it)");
        Directory.CreateDirectory(_folder);
        if (IsRoot) await RunAsync("chown", "postgres:postgres", _folder);
        await PgAsync("initdb", "-D", Data, "-A", "trust", "-U", "postgres", "--locale=C", "-E", "UTF8", "--no-sync", "--no-instructions");
        for (var attempt = 1; ; attempt++)
        {
            Port = FreePort();
            try
            {
                // Loopback only, the socket in our folder; durability is not what these tests are about.
                await PgAsync("pg_ctl", "-D", Data, "-l", Path.Combine(_folder, "server.log"), "-w", "-t", "60",
                    "-o", $"-c listen_addresses=127.0.0.1 -p {Port} -k {_folder} -c fsync=off -c synchronous_commit=off -c max_connections=200", "start");
                _started = true;
                break;
            }
            catch (InvalidOperationException) when (attempt < 3)
            {
                // The port was taken between the probe and the start: try another.
            }
        }
    }

    /// <summary>A new empty database; its connection string.</summary>
    public string NewDatabase()
    {
        var name = $"dsg{Interlocked.Increment(ref _databases)}";
        using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        connection.Open();
        using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
        command.ExecuteNonQuery();
        return ConnectionString(name);
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    private Task PgAsync(string tool, params string[] args)
        => IsRoot ? RunAsync("runuser", ["-u", "postgres", "--", Path.Combine(_bin, tool), .. args]) : RunAsync(Path.Combine(_bin, tool), args);

    private async Task RunAsync(string file, params string[] args)
    {
        var info = new ProcessStartInfo(file) { UseShellExecute = false, WorkingDirectory = _folder };
        foreach (var a in args) info.ArgumentList.Add(a);
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"cannot start {file}");
        using var timeout = new CancellationTokenSource(Step);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} did not finish in {Step.TotalSeconds} s");
        }
        if (process.ExitCode != 0)
        {
            var log = Path.Combine(_folder, "server.log");
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} exited {process.ExitCode}{(File.Exists(log) ? ":\n" + File.ReadAllText(log) : "")}");
        }
    }

    public async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        try
        {
            if (_started) await PgAsync("pg_ctl", "-D", Data, "-m", "immediate", "-w", "stop");
        }
        finally
        {
            try { Directory.Delete(_folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }
}
