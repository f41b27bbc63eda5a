using DicomSpecGen.Conformance;
using DicomSpecGen.Services.StorageCommitment;
using DicomSpecGen.Services.Scu;

namespace DicomSpecGen.Cli.Commands;

/// <summary>dsg scp --conformance (and dsgtool conformance, which runs it): the conformance statement of the services and
/// acceptor that dsg scp would run with the same flags, rendered by the runtime's <see cref="ConformanceStatement"/>.</summary>
public static class ScpConformance
{
    /// <summary>The dsg scp flags, besides the acceptor's, that change what the statement says.</summary>
    public sealed record Settings(int Port, string? WorklistFolder, bool Mpps, string? CommitReport, IReadOnlyDictionary<string, ReportAssociation> CommitReportByAe,
        IReadOnlyDictionary<string, KnownAe> KnownAes, bool IanScp = false, IReadOnlyList<string>? IanDestinations = null, double IanQuietSeconds = 5);

    /// <summary>The statement; throws <see cref="CliInputException"/> for unusable TLS flags, like dsg scp.</summary>
    public static string Render(ScpAcceptor acceptors, Settings settings, string format)
    {
        // The same composition as dsg scp: its services (no archive behind them is needed to describe them) and its acceptor.
        var services = ScpCommand.ArchiveServices(acceptors.AeTitle, settings.WorklistFolder, settings.Mpps, settings.CommitReport != null, settings.IanScp);
        var acceptor = acceptors.Build(services);
        var notes = new List<string>();
        if (settings.WorklistFolder != null) notes.Add($"Modality Worklist items are read from the .wl files of {settings.WorklistFolder}.");
        if (settings.Mpps) notes.Add("MPPS instances are kept in the archive index.");
        if (settings.CommitReport != null)
            notes.Add($"Storage commitment reports (N-EVENT-REPORT) are sent on the {settings.CommitReport} association" +
                      string.Concat(settings.CommitReportByAe.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => $"; to {e.Key} on the {e.Value.ToString().ToLowerInvariant()} one")) + ".");
        if (ScpIan.Note(settings.IanDestinations ?? [], settings.IanQuietSeconds, acceptors.AeTitle) is { } ianNote) notes.Add(ianNote);
        if (settings.IanScp) notes.Add("Instance Availability Notifications received are printed (one line each) and kept in memory; the SCP takes no further action on them (PS3.4 R.1.1: such policies are outside the standard).");
        return new ConformanceStatement(new ConformanceInput("DicomSpecGen dsg scp", acceptors.AeTitle, settings.Port, services, acceptor, settings.KnownAes, notes)).Render(format);
    }
}
