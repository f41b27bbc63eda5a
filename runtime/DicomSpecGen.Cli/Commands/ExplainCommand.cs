using System.CommandLine;
using DicomSpecGen.Association;
using DicomSpecGen.Registry;

namespace DicomSpecGen.Cli.Commands;

/// <summary>dsg explain: proposes presentation contexts and prints, for the association and each context, the
/// result and why, with the rule of the standard. Against a peer, or with --local against this archive SCP's policy.</summary>
public static class ExplainCommand
{
    public static Command Create(CommonOptions common)
    {
        var host = new Argument<string?>("peer") { Description = "hostname of the DICOM peer (omit with --local)", Arity = ArgumentArity.ZeroOrOne };
        var port = new Argument<int?>("port") { Description = "TCP port of the peer", Arity = ArgumentArity.ZeroOrOne };
        var calling = new Option<string>("--aetitle", "-aet") { Description = "our AE title (calling)", DefaultValueFactory = _ => "DSGSCU" }.CheckedAeTitle();
        var called = new Option<string>("--call", "-aec") { Description = "the peer's AE title (called)", DefaultValueFactory = _ => "DSGSCP" }.CheckedAeTitle();
        var sops = new Option<string[]>("--sop") { Description = "abstract syntaxes to propose (UID or keyword); default: Verification, CT, MR, Study Root FIND", AllowMultipleArgumentsPerToken = true };
        var syntaxes = new Option<string[]>("--ts") { Description = "transfer syntaxes to propose for each (UID or keyword); default: Explicit and Implicit VR LE", AllowMultipleArgumentsPerToken = true };
        var local = new Option<bool>("--local") { Description = "explain what the archive SCP (dsg scp) would answer, without a network" };
        var scpTitle = new Option<string>("--scp-aet") { Description = "with --local: the -aet of the dsg scp explained", DefaultValueFactory = _ => "DSGSCP" };
        var requireCalled = ScpCommand.RequireCalledAeTitleOption();
        var allow = new Option<string[]>("--allow") { Description = "with --local: the dsg scp's --allow list of calling AE titles", AllowMultipleArgumentsPerToken = true };
        var worklist = new Option<bool>("--worklist") { Description = "with --local: explain dsg scp --worklist (Modality Worklist served too)" };
        var mpps = new Option<bool>("--mpps") { Description = "with --local: explain dsg scp --mpps (MPPS served too)" };
        var commit = new Option<bool>("--commit") { Description = "with --local: explain dsg scp --commit-report (Storage Commitment served too)" };
        var command = new Command("explain", "explain association negotiation: each context's result and why, with spec references");
        command.Arguments.Add(host);
        command.Arguments.Add(port);
        var ianScp = new Option<bool>("--ian-scp") { Description = "with --local: explain dsg scp --ian-scp (Instance Availability Notification served too)" };
        foreach (var o in new Option[] { calling, called, sops, syntaxes, local, scpTitle, requireCalled, allow, worklist, mpps, commit, ianScp }) command.Options.Add(o);
        common.AddTo(command);
        command.SetAction(async (result, ct) =>
        {
            using var logging = common.Logging(result);
            List<PresentationContextProposal> contexts;
            try
            {
                var abstractSyntaxes = (result.GetValue(sops) is { Length: > 0 } s ? s : ["Verification", "CTImageStorage", "MRImageStorage", "StudyRootQueryRetrieveInformationModelFind"]).Select(Uid).ToList();
                var transferSyntaxes = (result.GetValue(syntaxes) is { Length: > 0 } t ? t : ["ExplicitVRLittleEndian", "ImplicitVRLittleEndian"]).Select(Uid).ToList();
                contexts = abstractSyntaxes.Select((a, i) => new PresentationContextProposal((byte)(2 * i + 1), a, transferSyntaxes)).ToList();
            }
            catch (ArgumentException e)
            {
                Console.Error.WriteLine("E: " + e.Message);
                return ExitCodes.BadInput;
            }
            // The folder is not read to explain: any name stands for dsg scp --worklist DIR.
            Services.ServiceRegistry ScpServices() => ScpCommand.ArchiveServices(result.GetValue(scpTitle)!, result.GetValue(worklist) ? "." : null, result.GetValue(mpps), result.GetValue(commit), result.GetValue(ianScp));
            if (result.GetValue(local))
            {
                AcceptorOptions acceptor;
                try
                {
                    acceptor = ScpCommand.Acceptor(common, result, result.GetValue(scpTitle)!, result.GetValue(allow), 16, result.GetValue(requireCalled), ScpServices());
                }
                catch (CliInputException e)
                {
                    Console.Error.WriteLine("E: " + e.Message);
                    return ExitCodes.BadInput;
                }
                var request = new AssociateRequestInfo(result.GetValue(called)!, result.GetValue(calling)!, AssociateRequestInfo.DicomApplicationContext, contexts,
                    (uint)common.MaxPduLength(result), null, null, null, null, [], null);
                var decision = acceptor.Policy.Decide(request);
                Console.Write(decision.Explanation);
                Console.WriteLine("services of dsg scp (each accepted abstract syntax is one of their SOP classes):");
                foreach (var line in ScpServices().Explain()) Console.WriteLine("  " + line);
                return decision.IsAccepted ? ExitCodes.Ok : ExitCodes.Rejected;
            }
            if (result.GetValue(host) is not { } peer || result.GetValue(port) is not { } peerPort)
            {
                Console.Error.WriteLine("E: give a peer and port, or --local");
                return ExitCodes.BadInput;
            }
            RequestorOptions options;
            try
            {
                options = common.Requestor(result, peer, peerPort, result.GetValue(calling)!, result.GetValue(called)!, contexts);
            }
            catch (CliInputException e)
            {
                Console.Error.WriteLine("E: " + e.Message);
                return ExitCodes.BadInput;
            }
            try
            {
                await using var association = await DicomAssociation.RequestAsync(options, logging.CreateLogger("explain"), ct);
                Console.Write(association.Explanation);
                await association.ReleaseAsync(options.ReleaseTimeout, ct);
                return ExitCodes.Ok;
            }
            catch (AssociationRejectedException e)
            {
                Console.Write(NegotiationExplanation.FromPeerReject(e));
                return ExitCodes.Rejected;
            }
            catch (Exception e) when (Failures.Known(e))
            {
                return Failures.Report(e);
            }
        });
        return command;
    }

    /// <summary>A UID given as itself or as its registry keyword.</summary>
    public static string Uid(string text)
    {
        if (text.Length > 0 && char.IsDigit(text[0])) return text;
        return DicomUids.All.FirstOrDefault(u => string.Equals(u.Keyword, text, StringComparison.OrdinalIgnoreCase))?.Uid
            ?? throw new ArgumentException($"'{text}' is neither a UID nor a keyword of the UID registry");
    }
}
