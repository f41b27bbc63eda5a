using System.CommandLine;
using DicomSpecGen.Archive;
using DicomSpecGen.Association;
using DicomSpecGen.Audit;
using DicomSpecGen.Dimse;
using DicomSpecGen.Registry;
using DicomSpecGen.Services;
using DicomSpecGen.Services.Scp;
using DicomSpecGen.Services.Storage;
using DicomSpecGen.Services.Scu;

namespace DicomSpecGen.Cli.Commands;

/// <summary>dsg find / move / get: C-FIND, C-MOVE, C-GET like DCMTK's findscu, movescu, getscu.</summary>
public static class QueryCommands
{
    private sealed class QueryOptions
    {
        public Option<string> Level { get; } = new("--level", "-L") { Description = "Query/Retrieve Level: PATIENT, STUDY, SERIES or IMAGE", DefaultValueFactory = _ => "STUDY" };
        public Option<string[]> Keys { get; } = new("--key", "-k") { Description = "key=value (keyword or gggg,eeee); a key without = is returned; repeat -k for each key" };
        public Option<bool> PatientRoot { get; } = new("--patient-root", "-P") { Description = "use the Patient Root information model (default: Study Root)" };

        public void AddTo(Command command)
        {
            command.Options.Add(Level);
            command.Options.Add(Keys);
            command.Options.Add(PatientRoot);
        }

        public string Model(ParseResult result, string patient, string study) => result.GetValue(PatientRoot) ? patient : study;
    }

    public static Command Find(CommonOptions common)
    {
        var peer = new PeerArguments();
        var query = new QueryOptions();
        var command = new Command("find", "query with C-FIND (PS3.4 Annex C)");
        peer.AddTo(command);
        query.AddTo(command);
        common.AddTo(command);
        common.Audit.AddTo(command);
        command.SetAction(async (result, ct) =>
        {
            using var logging = common.Logging(result);
            var model = query.Model(result, DicomUids.PatientRootQueryRetrieveInformationModelFind, DicomUids.StudyRootQueryRetrieveInformationModelFind);
            AuditTrail? audit = null;
            try
            {
                var identifier = QueryKeys.Build(result.GetValue(query.Level)!, result.GetValue(query.Keys) ?? []);
                audit = common.Audit.OpenScu(result, result.GetValue(peer.CallingAe)!, logging.CreateLogger("audit"));
                await using var client = await DicomClient.ConnectAsync(Requestor(common, result, peer, model), null, logging.CreateLogger("find"), ct);
                // PS3.15 A.5.3.10: the query issued.
                audit?.TryPost(() => audit.Events.Query(model, identifier, new AuditPeer(result.GetValue(peer.CalledAe)!, $"{result.GetValue(peer.Host)}:{result.GetValue(peer.Port)}"), weQueried: true));
                DimseResponse? final = null;
                var count = 0;
                await foreach (var match in client.FindAsync(model, identifier, r => final = r, ct))
                {
                    count++;
                    Console.WriteLine($"#{count} {QueryKeys.Format(match)}");
                }
                var status = Failures.FinalResponse(final, "C-FIND").Status;
                await client.ReleaseAsync(ct);
                Console.WriteLine($"{count} match(es); final status {DimseStatus.Describe(DimseService.QueryRetrieveFind, status)}");
                return status == DimseStatus.Success ? ExitCodes.Ok : ExitCodes.OperationFailed;
            }
            catch (Exception e) when (Failures.Known(e))
            {
                AuditArguments.ConnectionFailed(audit, result.GetValue(peer.Host)!, result.GetValue(peer.Port), e);
                return Failures.Report(e);
            }
            finally
            {
                await AuditArguments.CloseAsync(audit);
            }
        });
        return command;
    }

    public static Command Move(CommonOptions common)
    {
        var peer = new PeerArguments();
        var query = new QueryOptions();
        var destination = new Option<string?>("--move", "-aem") { Description = "the C-MOVE destination AE title (default: our own AE title, with --port)" }.CheckedAeTitle();
        var port = new Option<int?>("--port", "+P") { Description = "receive the moved instances here: run a storage SCP on this port under our AE title for the move" };
        var output = new Option<string>("--output-directory", "-od") { Description = "with --port: folder the received instances are written to as plain <Modality>.<SOP Instance UID>.dcm files", DefaultValueFactory = _ => "." };
        var layout = ArchiveLayoutOption();
        var command = new Command("move", "retrieve with C-MOVE to a destination AE (PS3.4 Annex C)");
        peer.AddTo(command);
        query.AddTo(command);
        command.Options.Add(destination);
        command.Options.Add(port);
        command.Options.Add(output);
        command.Options.Add(layout);
        common.AddTo(command);
        common.Audit.AddTo(command);
        command.SetAction(async (result, ct) =>
        {
            using var logging = common.Logging(result);
            var model = query.Model(result, DicomUids.PatientRootQueryRetrieveInformationModelMove, DicomUids.StudyRootQueryRetrieveInformationModelMove);
            AuditTrail? audit = null;
            try
            {
                var identifier = QueryKeys.Build(result.GetValue(query.Level)!, result.GetValue(query.Keys) ?? []);
                var ourAe = result.GetValue(peer.CallingAe)!;
                var target = result.GetValue(destination) ?? (result.GetValue(port) != null ? ourAe : null);
                if (target == null)
                {
                    Console.Error.WriteLine("E: give the destination with -aem, or --port to receive the instances here");
                    return ExitCodes.BadInput;
                }
                audit = common.Audit.OpenScu(result, ourAe, logging.CreateLogger("audit"));
                // Like movescu +P: our own storage SCP receives the sub-operations while the move runs.
                using var destinationStorage = result.GetValue(port) != null ? Destination(result.GetValue(output)!, ourAe, result.GetValue(layout), result.GetValue(common.Verbose), audit != null) : null;
                await using var receiver = destinationStorage == null ? null : DicomServer.Start(System.Net.IPAddress.Any, result.GetValue(port)!.Value,
                    ScpCommand.Acceptor(common, result, ourAe, null, 4), new DicomServiceProvider(new ServiceProviderOptions { AeTitle = ourAe, Storage = destinationStorage.Storage }), logging.CreateLogger("move-scp"));
                await using var client = await DicomClient.ConnectAsync(Requestor(common, result, peer, model), null, logging.CreateLogger("move"), ct);
                var final = await client.MoveAsync(model, target, identifier, p => Progress(p.Message), ct);
                await client.ReleaseAsync(ct);
                // PS3.15 A.5.3.7: what our storage SCP received (moved to someone else, we do not know what went).
                if (audit != null && destinationStorage != null) await destinationStorage.ReportAsync(audit, AuditArguments.Peer(result, peer), ct);
                return Report("C-MOVE", DimseService.QueryRetrieveMove, final);
            }
            catch (Exception e) when (Failures.Known(e))
            {
                AuditArguments.ConnectionFailed(audit, result.GetValue(peer.Host)!, result.GetValue(peer.Port), e);
                return Failures.Report(e);
            }
            finally
            {
                await AuditArguments.CloseAsync(audit);
            }
        });
        return command;
    }

    public static Command Get(CommonOptions common)
    {
        var peer = new PeerArguments();
        var query = new QueryOptions();
        var output = new Option<string>("--output-directory", "-od") { Description = "folder the retrieved instances are written to as plain <Modality>.<SOP Instance UID>.dcm files", DefaultValueFactory = _ => "." };
        var layout = ArchiveLayoutOption();
        var command = new Command("get", "retrieve with C-GET over the same association (PS3.4 Annex C)");
        peer.AddTo(command);
        query.AddTo(command);
        command.Options.Add(output);
        command.Options.Add(layout);
        common.AddTo(command);
        common.Audit.AddTo(command);
        command.SetAction(async (result, ct) =>
        {
            using var logging = common.Logging(result);
            var model = query.Model(result, DicomUids.PatientRootQueryRetrieveInformationModelGet, DicomUids.StudyRootQueryRetrieveInformationModelGet);
            AuditTrail? audit = null;
            try
            {
                var identifier = QueryKeys.Build(result.GetValue(query.Level)!, result.GetValue(query.Keys) ?? []);
                audit = common.Audit.OpenScu(result, result.GetValue(peer.CallingAe)!, logging.CreateLogger("audit"));
                using var destinationStorage = Destination(result.GetValue(output)!, result.GetValue(peer.CallingAe)!, result.GetValue(layout), result.GetValue(common.Verbose), audit != null);
                var handler = new DicomServiceProvider(new ServiceProviderOptions { Storage = destinationStorage.Storage });
                // The C-STOREs come back on this association: propose every storage class with the SCP role (PS3.7 D.3.3.4).
                var contexts = new List<PresentationContextProposal> { new(1, model, [DicomUids.ExplicitVRLittleEndian, DicomUids.ImplicitVRLittleEndian]) };
                var id = 3;
                foreach (var sop in GetStorageClasses)
                {
                    contexts.Add(new PresentationContextProposal((byte)id, sop, [DicomUids.ExplicitVRLittleEndian, DicomUids.ImplicitVRLittleEndian], ScuRole: false, ScpRole: true));
                    id += 2;
                }
                var options = common.Requestor(result, result.GetValue(peer.Host)!, result.GetValue(peer.Port), result.GetValue(peer.CallingAe)!, result.GetValue(peer.CalledAe)!, contexts);
                await using var client = await DicomClient.ConnectAsync(options, handler, logging.CreateLogger("get"), ct);
                var final = await client.GetAsync(model, identifier, p => Progress(p.Message), ct);
                await client.ReleaseAsync(ct);
                // PS3.15 A.5.3.7: the instances received, we the destination and the requestor.
                if (audit != null) await destinationStorage.ReportAsync(audit, AuditArguments.Peer(result, peer), ct);
                return Report("C-GET", DimseService.QueryRetrieveGet, final);
            }
            catch (Exception e) when (Failures.Known(e))
            {
                AuditArguments.ConnectionFailed(audit, result.GetValue(peer.Host)!, result.GetValue(peer.Port), e);
                return Failures.Report(e);
            }
            finally
            {
                await AuditArguments.CloseAsync(audit);
            }
        });
        return command;
    }

    private static Option<bool> ArchiveLayoutOption() => new("--archive-layout")
    {
        Description = "store into -od as dsg scp's archive does (hashed folders, index.sqlite, .incoming/) instead of plain files",
    };

    /// <summary>Where retrieved instances go: plain files in the folder, as getscu/movescu -od write them, or with
    /// --archive-layout the indexed archive (which dsg scp -od can then serve). With --audit, what is stored is
    /// recorded for the audit trail.</summary>
    private sealed class RetrieveDestination(IStorageService storage, AuditInstanceResolver resolve, bool audit) : IDisposable
    {
        private readonly AuditingRetrieveStorage? _audited = audit ? new AuditingRetrieveStorage(storage) : null;

        public IStorageService Storage => (IStorageService?)_audited ?? storage;

        /// <summary>DICOM Instances Transferred for what was stored (PS3.15 A.5.3.7).</summary>
        public Task ReportAsync(AuditTrail trail, AuditPeer source, CancellationToken ct) => _audited?.ReportAsync(trail, source, resolve, ct) ?? Task.CompletedTask;

        public void Dispose() => (storage as IDisposable)?.Dispose();
    }

    private static RetrieveDestination Destination(string folder, string aeTitle, bool archiveLayout, bool verbose, bool audit)
    {
        if (archiveLayout)
        {
            var archive = DicomArchive.Open(folder, aeTitle);
            return new RetrieveDestination(archive, ScpCommand.AuditResolver(archive), audit);
        }
        var written = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var plain = new PlainFolderStorage(folder)
        {
            Stored = p =>
            {
                if (verbose) Console.WriteLine("stored " + p);
                if (audit) written.Enqueue(p);
            },
        };
        // The patient and study of the files written, read back from them (off the DICOM path, in the trail's pump).
        AuditInstanceResolver resolve = async (uids, ct) =>
        {
            var wanted = uids.ToHashSet(StringComparer.Ordinal);
            var found = new List<AuditInstance>();
            foreach (var path in written.Distinct())
                if (await AuditFiles.ReadAsync(path, ct) is { } instance && wanted.Contains(instance.SopInstanceUid)) found.Add(instance);
            return found;
        };
        return new RetrieveDestination(plain, resolve, audit);
    }

    /// <summary>The storage classes a C-GET proposes (at most 127 contexts remain after the model's): the storage SOP
    /// classes of the generated UID registry (StorageService.StorageSopClasses), shortest UID (the oldest, most used
    /// classes) first, registry order among equals.</summary>
    private static readonly string[] GetStorageClasses = StorageService.StorageSopClasses
        .OrderBy(s => s.Length).Take(120).ToArray();

    private static RequestorOptions Requestor(CommonOptions common, ParseResult result, PeerArguments peer, string model)
        => common.Requestor(result, result.GetValue(peer.Host)!, result.GetValue(peer.Port), result.GetValue(peer.CallingAe)!, result.GetValue(peer.CalledAe)!,
            [new PresentationContextProposal(1, model, [DicomUids.ExplicitVRLittleEndian, DicomUids.ImplicitVRLittleEndian])]);

    private static void Progress(DimseMessage pending)
    {
        var (remaining, completed, failed) = pending switch
        {
            CMoveRsp m => (m.NumberOfRemainingSuboperations, m.NumberOfCompletedSuboperations, m.NumberOfFailedSuboperations),
            CGetRsp g => (g.NumberOfRemainingSuboperations, g.NumberOfCompletedSuboperations, g.NumberOfFailedSuboperations),
            _ => ((ushort?)null, (ushort?)null, (ushort?)null),
        };
        Console.Error.Write($"\rremaining {remaining}  completed {completed}  failed {failed}   ");
    }

    private static int Report(string what, DimseService service, DimseResponse final)
    {
        var (completed, failed, warning) = final.Message switch
        {
            CMoveRsp m => (m.NumberOfCompletedSuboperations, m.NumberOfFailedSuboperations, m.NumberOfWarningSuboperations),
            CGetRsp g => (g.NumberOfCompletedSuboperations, g.NumberOfFailedSuboperations, g.NumberOfWarningSuboperations),
            _ => ((ushort?)null, (ushort?)null, (ushort?)null),
        };
        Console.Error.WriteLine();
        Console.WriteLine($"{what}: completed {completed ?? 0}, failed {failed ?? 0}, warning {warning ?? 0}; final status {DimseStatus.Describe(service, final.Status)}");
        return final.Status == DimseStatus.Success ? ExitCodes.Ok : ExitCodes.OperationFailed;
    }
}
