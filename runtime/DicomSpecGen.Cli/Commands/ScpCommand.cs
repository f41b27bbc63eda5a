using System.CommandLine;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using DicomSpecGen.Archive;
using DicomSpecGen.Archive.Index;
using DicomSpecGen.Association;
using DicomSpecGen.Audit;
using DicomSpecGen.Registry;
using DicomSpecGen.Services;
using DicomSpecGen.Services.InstanceAvailability;
using DicomSpecGen.Services.ProcedureStep;
using DicomSpecGen.Services.StorageCommitment;
using DicomSpecGen.Services.Scp;
using DicomSpecGen.Services.Scu;
using DicomSpecGen.Services.Worklist;
using Microsoft.Extensions.Logging;

namespace DicomSpecGen.Cli.Commands;

/// <summary>dsg scp: the archive SCP (storage, query/retrieve, verification) until Ctrl+C.</summary>
public static class ScpCommand
{
    public static Command Create(CommonOptions common)
    {
        var port = new Argument<int>("port") { Description = "TCP port to listen on (0 picks a free one; optional with --config)", Arity = ArgumentArity.ZeroOrOne };
        var config = ScpConfigFile.CreateOption();
        var folder = new Option<string>("--output-directory", "-od") { Description = "archive folder", DefaultValueFactory = _ => "dsg-archive" };
        var ae = new Option<string>("--aetitle", "-aet") { Description = "our AE title (requests calling another one are accepted unless --require-called-aet)", DefaultValueFactory = _ => "DSGSCP" }.CheckedAeTitle();
        var requireCalled = RequireCalledAeTitleOption();
        var bind = new Option<string>("--bind") { Description = "IP address to listen on (default 0.0.0.0: every IPv4 interface; :: for every IPv6 one)", DefaultValueFactory = _ => "0.0.0.0" };
        var allow = new Option<string[]>("--allow") { Description = "calling AE titles allowed (default: any)", AllowMultipleArgumentsPerToken = true };
        var max = new Option<int>("--max-associations") { Description = "associations served at once; more are rejected (transient, local limit exceeded)", DefaultValueFactory = _ => 16 };
        var dest = new Option<string[]>("--move-destination", "-md") { Description = "C-MOVE destination AE=host:port (repeatable)", AllowMultipleArgumentsPerToken = true };
        var explain = new Option<bool>("--explain") { Description = "print why each association and presentation context got its result" };
        var noFsync = new Option<bool>("--no-fsync") { Description = "do not fsync each stored file (faster; files still appear only when complete)" };
        var pnCaseSensitive = new Option<bool>("--pn-case-sensitive") { Description = "match PN keys (Patient's Name) case-sensitively (default: ignoring case, PS3.4 C.2.2.2.1.1)" };
        var worklist = new Option<string?>("--worklist") { Description = "also serve Modality Worklist C-FIND (PS3.4 Annex K) from the .wl files (DCMTK worklist items) of this folder" };
        var mpps = new Option<bool>("--mpps") { Description = "also serve Modality Performed Procedure Step (PS3.4 F.7): instances in the archive index (dsg mpps list)" };
        var commit = new Option<string?>("--commit-report") { Description = "also serve Storage Commitment Push Model (PS3.4 J.3), reporting on the 'same' association or a 'new' one to the requestor (a known AE: -md AE=host:port)" };
        commit.AcceptOnlyFromAmong("same", "new");
        var commitAe = new Option<string[]>("--commit-report-ae") { Description = "per requestor: AE=same|new (repeatable; overrides --commit-report for that AE)", AllowMultipleArgumentsPerToken = true };
        var asyncOps = StoreCommand.AsyncOpsOption("operations a requestor may have outstanding on one association, performed at once (asynchronous operations window, PS3.7 D.3.3.3; answered only to a requestor that proposes one, never above its offer; 0 = unlimited)");
        var commitDelay = new Option<double>("--commit-delay") { Description = "seconds to wait before sending a storage commitment report", DefaultValueFactory = _ => 0 };
        var index = new Option<string?>("--index") { Description = "the index: a PostgreSQL connection string (\"Host=…;Port=…;Database=…;Username=…\", shared by several nodes) or a SQLite file (default: index.sqlite in the archive folder)" };
        var duplicates = new Option<string>("--duplicates") { Description = "a second copy of a stored SOP instance: 'replace' the first (default) or 'keep-first'", DefaultValueFactory = _ => "replace" };
        duplicates.AcceptOnlyFromAmong("replace", "keep-first");
        var metricsPort = new Option<int?>("--metrics-port") { Description = "serve metrics in the Prometheus text format at http://127.0.0.1:N/metrics (docs/observability.md)" };
        var conformance = new Option<bool>("--conformance") { Description = "print the conformance statement of this configuration (PS3.2 shape) and exit" };
        var stopTimeout = new Option<int>("--stop-timeout") { Description = $"after SIGINT/SIGTERM: seconds the open associations get to end before those left are aborted (0: abort at once; at most {MaxStopSeconds}; with --config, Dicom:Timeouts:Shutdown)", DefaultValueFactory = _ => (int)new Hosting.DicomTimeoutsConfig().Shutdown.TotalSeconds };
        var format = new Option<string>("--format") { Description = "with --conformance: md or html", DefaultValueFactory = _ => "md" };
        format.AcceptOnlyFromAmong("md", "html");
        var command = new Command("scp", "run the archive SCP: C-ECHO, C-STORE into Part 10 files + an index (SQLite, or PostgreSQL with --index), C-FIND/C-MOVE/C-GET over it");
        command.Arguments.Add(port);
        var ian = ScpIan.CreateFlags();
        foreach (var o in ian.All) command.Options.Add(o);
        foreach (var o in new Option[] { config, folder, ae, requireCalled, allow, max, dest, explain, noFsync, bind, pnCaseSensitive, worklist, mpps, commit, commitAe, commitDelay, index, duplicates, metricsPort, conformance, format, asyncOps, stopTimeout }) command.Options.Add(o);
        common.AddTo(command);
        common.Audit.AddTo(command);
        common.IdentityValidation.AddTo(command);
        command.SetAction(async (result, ct) =>
        {
            NoThreadPoolSpinning();
            using var logging = common.Logging(result);
            var logger = logging.CreateLogger("scp");
            Dictionary<string, KnownAe> destinations;
            Dictionary<string, ReportAssociation> reportByAe;
            IReadOnlyList<string> ianDestinations;
            ScpConfigFile? file;
            int listenPort;
            try
            {
                file = ScpConfigFile.Load(result.GetValue(config));
                listenPort = ScpConfigFile.Port(file, result, port);
                destinations = ParseDestinations(result.GetValue(dest) ?? []);
                if (file != null) destinations = file.Destinations(destinations);
                reportByAe = ParseReportAssociations(result.GetValue(commitAe) ?? []);
                ianDestinations = ScpIan.Destinations(result.GetValue(ian.Destinations), destinations, result.GetValue(ian.QuietSeconds));
            }
            catch (Exception e) when (e is ArgumentException or CliInputException)
            {
                Console.Error.WriteLine("E: " + e.Message);
                return ExitCodes.BadInput;
            }
            if (StoreCommand.CheckAsyncOps(result.GetValue(asyncOps)) is { } bad)
            {
                Console.Error.WriteLine("E: " + bad);
                return ExitCodes.BadInput;
            }
            // With --config, each of these comes from the file unless its flag is given.
            var title = ScpConfigFile.Pick(file, result, ae, o => o.AeTitle);
            var bindText = ScpConfigFile.Pick(file, result, bind, o => o.BindAddress);
            var allowed = ScpConfigFile.Pick(file, result, allow, o => [.. o.AllowedCallingAeTitles]);
            var maxAssociations = ScpConfigFile.Pick(file, result, max, o => o.Limits.MaxAssociations);
            var requireCalledAet = ScpConfigFile.Pick(file, result, requireCalled, o => o.RequireCalledAeTitle);
            var worklistFolder = ScpConfigFile.Pick(file, result, worklist, o => o.Services.WorklistFolder);
            var stopSeconds = ScpConfigFile.Pick(file, result, stopTimeout, o => (int)Math.Ceiling(o.Timeouts.Shutdown.TotalSeconds));
            if (stopSeconds is < 0 or > MaxStopSeconds)
            {
                Console.Error.WriteLine($"E: {(ScpConfigFile.FromFile(file, result, stopTimeout) ? "Dicom:Timeouts:Shutdown" : "--stop-timeout")} {stopSeconds} s: 0 to {MaxStopSeconds} seconds (dsg ends at the latest {ExitCodes.ShutdownBound.TotalSeconds:0} s after the signal)");
                return ExitCodes.BadInput;
            }
            if (worklistFolder is { } wl && !Directory.Exists(wl))
            {
                Console.Error.WriteLine($"E: --worklist folder '{wl}' does not exist");
                return ExitCodes.BadInput;
            }
            if (!IPAddress.TryParse(bindText, out var address))
            {
                Console.Error.WriteLine($"E: --bind '{bindText}' is not an IP address (e.g. 127.0.0.1, 0.0.0.0, ::1)");
                return ExitCodes.BadInput;
            }
            var acceptors = new ScpAcceptor(common, result, file, title, allowed, maxAssociations, requireCalledAet, Window(result.GetValue(asyncOps)));
            AcceptorOptions acceptor;
            AuditTrail? audit;
            try
            {
                acceptor = acceptors.Build();
                audit = common.Audit.Open(result, title, logger);
            }
            catch (CliInputException e)
            {
                Console.Error.WriteLine("E: " + e.Message);
                return ExitCodes.BadInput;
            }
            if (result.GetValue(conformance))
            {
                result.InvocationConfiguration.Output.Write(ScpConformance.Render(acceptors, new ScpConformance.Settings(result.GetValue(port), worklistFolder,
                    result.GetValue(mpps), result.GetValue(commit), reportByAe, destinations, result.GetValue(ian.Scp), ianDestinations, result.GetValue(ian.QuietSeconds)),
                    result.GetValue(format)!));
                if (audit != null) await audit.DisposeAsync();
                return ExitCodes.Ok;
            }
            IDisposable? metrics;
            try
            {
                metrics = result.GetValue(metricsPort) is { } mp ? Observability.MetricsEndpoint.Start(mp) : null;
            }
            catch (CliInputException e)
            {
                Console.Error.WriteLine("E: " + e.Message);
                return ExitCodes.BadInput;
            }
            using var _metrics = metrics;
            DicomArchive archive;
            SqlMppsStore? mppsStore;
            try
            {
                archive = DicomArchive.Open(result.GetValue(folder)!, title, logger, flushToDisk: !result.GetValue(noFsync),
                    new ArchiveQueryOptions { CaseInsensitivePersonNames = !result.GetValue(pnCaseSensitive) }, result.GetValue(index),
                    result.GetValue(duplicates) == "keep-first" ? DuplicatePolicy.KeepFirst : DuplicatePolicy.Replace);
                mppsStore = result.GetValue(mpps) ? SqlMppsStore.Open(result.GetValue(folder)!, result.GetValue(index)) : null;
            }
            catch (Exception e) when (e is Npgsql.NpgsqlException or ArgumentException or InvalidOperationException or Microsoft.Data.Sqlite.SqliteException)
            {
                Console.Error.WriteLine($"E: cannot open the index {(result.GetValue(index) is { } i && PostgresInstanceIndex.IsConnectionString(i) ? "(PostgreSQL)" : "(SQLite)")}: {e.Message}");
                return ExitCodes.BadInput;
            }
            using var _archive = archive;
            // Disposed before the archive: messages still queued may look up the archive's index.
            await using var _audit = audit;
            // Disposed before the trail: it sends the aggregates it still holds.
            using var alerts = audit != null ? new SecurityAlertLimiter(audit) : null;
            using var _mpps = mppsStore;
            // Before serving: index files this node placed and did not index (a previous process killed in between).
            try
            {
                var (reconciled, setAside) = await archive.ReconcileAsync(ct);
                if (reconciled + setAside > 0) Console.WriteLine($"reconciled: {reconciled} placed files indexed, {setAside} unreadable set aside in .damaged/");
            }
            catch (Exception e) when (e is Npgsql.NpgsqlException or Microsoft.Data.Sqlite.SqliteException or IOException)
            {
                Console.Error.WriteLine($"W: reconciliation of unfinished placements failed ({e.Message}); it runs again at the next start");
            }
            await using var ianNotifier = ScpIan.Notifier(ianDestinations, result.GetValue(ian.QuietSeconds), archive, title, destinations, acceptor, logger);
            IStorageService storage = ianNotifier != null ? new IanStorageHook(archive, ianNotifier) : archive;
            var provider = new DicomServiceProvider(new ServiceProviderOptions
            {
                AeTitle = title,
                Storage = audit != null ? new AuditingStorageService(storage, audit, AuditResolver(archive)) : storage,
                Query = audit != null ? new AuditingQueryService(archive, audit, AuditResolver(archive)) : archive,
                MoveDestinations = destinations,
                CommonOptions = acceptor,
                SubAssociationTimeout = file?.Options.Timeouts.Association ?? TimeSpan.FromSeconds(30),
                Services = [.. WorklistServices(worklistFolder, !result.GetValue(pnCaseSensitive), logger),
                    .. mppsStore != null ? [new MppsService(mppsStore, logger)] : Array.Empty<IDicomService>(),
                    .. ScpIan.Services(result.GetValue(ian.Scp), logger),
                    .. result.GetValue(commit) is { } report ? [Commitment(archive, title, destinations, report, reportByAe, TimeSpan.FromSeconds(Math.Max(0, result.GetValue(commitDelay))), acceptor, logger)] : Array.Empty<IDicomService>()],
            }, logger);
            // Accept exactly what the provider's registered services serve (the input was checked above).
            acceptor = acceptors.Build(provider.Registry);
            if (audit != null && alerts != null) acceptor = ScpAudit.Acceptor(acceptor, audit, alerts);
            Action<NegotiationExplanation>? explainer = result.GetValue(explain) ? e => Console.WriteLine(e) : null;
            DicomServer server;
            try
            {
                server = DicomServer.Start(address, listenPort, acceptor, audit != null ? ScpAudit.Handler(provider, audit, archive, mppsStore) : provider, logger, explainer);
            }
            catch (SocketException e) when (e.SocketErrorCode is SocketError.AddressNotAvailable or SocketError.AddressFamilyNotSupported)
            {
                Console.Error.WriteLine($"E: cannot listen on {address}: {e.Message} (--bind takes an address of this host)");
                return ExitCodes.BadInput;
            }
            catch (SocketException e)
            {
                Console.Error.WriteLine($"E: cannot listen on {address} port {listenPort}: {e.Message}");
                return ExitCodes.NetworkError;
            }
            await using var _ = server;
            audit?.Post(audit.Events.ApplicationActivity(start: true));
            Console.WriteLine($"{title} listening on port {server.Port} of {address}{(acceptor.Transport.Tls != null ? " (TLS)" : "")}, archive in {Path.GetFullPath(result.GetValue(folder)!)}{(result.GetValue(index) is { } ix && PostgresInstanceIndex.IsConnectionString(ix) ? ", index in PostgreSQL" : "")}");
            if (result.GetValue(metricsPort) is { } served) Console.WriteLine("metrics at " + Observability.MetricsEndpoint.Url(served));
            // SIGINT/SIGTERM cancel ct (Program's ProcessTerminationTimeout), so the shutdown below and Application Stop run.
            try
            {
                await Task.Delay(Timeout.Infinite, ct);
            }
            catch (OperationCanceledException)
            {
            }
            Console.WriteLine($"{title} stopping: the listener closes, open associations get up to {stopSeconds} s to end, those left are aborted, then the process exits {ExitCodes.Ok}");
            // As the hosted server stops (Dicom:Timeouts:Shutdown): an operation in flight finishes instead of being cut.
            await server.StopAsync(TimeSpan.FromSeconds(stopSeconds), CancellationToken.None);
            audit?.Post(audit.Events.ApplicationActivity(start: false));
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>The longest --stop-timeout: with the listener's 10 s wait for aborted associations it stays within
    /// <see cref="ExitCodes.ShutdownBound"/>.</summary>
    internal const int MaxStopSeconds = 60;

    /// <summary>Idle thread-pool workers wait without spinning first. Each association reads and stores on its own
    /// thread, so the pool only gets occasional work (file staging, timers); its default spin before sleeping then burns
    /// a core per idle worker after every work item, which on a small machine is taken from the associations. Set
    /// before the pool's first worker starts (the setting is read once); DOTNET_ThreadPool_UnfairSemaphoreSpinLimit in
    /// the environment still wins.</summary>
    private static void NoThreadPoolSpinning()
    {
        const string name = "System.Threading.ThreadPool.UnfairSemaphoreSpinLimit";
        if (AppContext.GetData(name) == null && Environment.GetEnvironmentVariable("DOTNET_ThreadPool_UnfairSemaphoreSpinLimit") == null)
            AppContext.SetData(name, 0);
    }

    /// <summary>The patient and study of stored instances, from the archive's index, for the audit messages.</summary>
    internal static AuditInstanceResolver AuditResolver(DicomArchive archive) => async (uids, ct) =>
        (await archive.Index.InstancesAsync([new KeyCondition("sop_uid", KeyMatch.UidList, uids)], ct).ConfigureAwait(false))
            .Select(r => new AuditInstance(r.SopClassUid, r.SopInstanceUid, r.StudyInstanceUid, r.PatientId, r.PatientName)).ToList();

    /// <summary>The storage commitment SCP over the archive's index; reports on a new association go to the -md AEs.</summary>
    private static StorageCommitmentService Commitment(DicomArchive archive, string title, Dictionary<string, KnownAe> known, string report, Dictionary<string, ReportAssociation> byAe, TimeSpan delay, AcceptorOptions acceptor, ILogger logger)
        => new(new IndexCommitmentArchive(archive.Index), new StorageCommitmentOptions
        {
            ReportAssociation = report == "new" ? ReportAssociation.New : ReportAssociation.Same,
            ReportAssociationByAe = byAe,
            ReportDelay = delay,
            Connector = new AeConnector(new AeConnectorOptions { AeTitle = title, KnownAes = known, CommonOptions = acceptor }, logger),
        }, logger);

    /// <summary>--commit-report-ae AE=same|new values.</summary>
    public static Dictionary<string, ReportAssociation> ParseReportAssociations(IEnumerable<string> values)
    {
        var map = new Dictionary<string, ReportAssociation>();
        foreach (var value in values)
        {
            var eq = value.IndexOf('=');
            var where = eq > 0 ? value[(eq + 1)..] : "";
            if (where is not ("same" or "new")) throw new ArgumentException($"--commit-report-ae '{value}' is not AE=same or AE=new");
            map[value[..eq]] = where == "new" ? ReportAssociation.New : ReportAssociation.Same;
        }
        return map;
    }

    public static Dictionary<string, KnownAe> ParseDestinations(IEnumerable<string> values)
    {
        var map = new Dictionary<string, KnownAe>();
        foreach (var value in values)
        {
            var eq = value.IndexOf('=');
            var colon = value.LastIndexOf(':');
            if (eq <= 0 || colon < eq || !int.TryParse(value[(colon + 1)..], out var p))
                throw new ArgumentException($"move destination '{value}' is not AE=host:port");
            map[value[..eq]] = new KnownAe(value[..eq], value[(eq + 1)..colon], p);
        }
        return map;
    }

    /// <summary>--async-ops N: perform up to N of a requestor's operations at once; we invoke ours (C-GET sub-operations,
    /// N-EVENT-REPORTs) one at a time. 1 keeps the default 1/1 answer.</summary>
    internal static AsyncOperationLimits? Window(int n) => n == 1 ? null : new AsyncOperationLimits((ushort)n, 1);

    /// <summary>--require-called-aet: the strict called-AE-title check, off by default like storescp's.</summary>
    public static Option<bool> RequireCalledAeTitleOption() => new("--require-called-aet")
    {
        Description = "reject associations whose called AE title is not our -aet (A-ASSOCIATE-RJ called-AE-title-not-recognized); default: accept any called AE title",
    };

    /// <summary>What the archive SCP accepts: the SOP classes of <paramref name="services"/> (default: the archive's
    /// services, <see cref="ArchiveServices"/>): verification, every storage SOP class with the usual transfer syntaxes,
    /// and the patient/study root query/retrieve models; the requestor may be SCP for storage (C-GET).
    /// Any called AE title unless <paramref name="requireCalledAeTitle"/>, so our SCU's default -aec meets it.</summary>
    public static AcceptorOptions Acceptor(CommonOptions common, ParseResult result, string title, string[]? allowed, int max, bool requireCalledAeTitle = false,
        ServiceRegistry? services = null)
    {
        services ??= ArchiveServices(title);
        return new AcceptorOptions
        {
            Policy = new DefaultAssociationPolicy(services.PolicyOptions() with
            {
                AeTitle = title,
                RequireCalledAeTitle = requireCalledAeTitle,
                AllowedCallingAeTitles = allowed is { Length: > 0 } ? allowed.ToHashSet() : null,
                UserIdentity = common.IdentityValidation.Build(result),
            }),
            MaxAssociations = max,
            Transport = common.Transport(result, acceptor: true) with { IdleTimeout = TimeSpan.FromMinutes(5) },
            Engine = result.GetValue(common.Engine),
            Trace = common.TraceAction(result),
        };
    }

    /// <summary>The services dsg scp registers (without an archive behind them: what it serves, for explain --local),
    /// with those its flags turn on (--worklist, --mpps, --commit-report, --ian-scp).</summary>
    public static ServiceRegistry ArchiveServices(string title, string? worklistFolder = null, bool mpps = false, bool commitment = false, bool ianScp = false)
        => new DicomServiceProvider(new ServiceProviderOptions
        {
            AeTitle = title,
            Services = [.. WorklistServices(worklistFolder),
                .. mpps ? [new MppsService(new MemoryMppsStore())] : Array.Empty<IDicomService>(),
                .. commitment ? [new StorageCommitmentService(new MemoryCommitmentArchive())] : Array.Empty<IDicomService>(),
                .. ScpIan.Services(ianScp)],
        }).Registry;

    /// <summary>dsg scp --worklist: the Modality Worklist service over the folder's .wl files, or none.</summary>
    public static IReadOnlyList<IDicomService> WorklistServices(string? folder, bool caseInsensitivePersonNames = true, ILogger? logger = null)
        => folder == null ? [] : [new WorklistService(new FolderWorklistSource(folder, logger), new WorklistServiceOptions { CaseInsensitivePersonNames = caseInsensitivePersonNames }, logger)];

    /// <summary>An empty archive (for describing the services).</summary>
    private sealed class MemoryCommitmentArchive : ICommitmentArchive
    {
        public Task<IReadOnlyDictionary<string, string>> SopClassesAsync(IReadOnlyList<string> sopInstanceUids, CancellationToken cancellationToken)
            => Task.FromResult<IReadOnlyDictionary<string, string>>(new Dictionary<string, string>());
    }

}
