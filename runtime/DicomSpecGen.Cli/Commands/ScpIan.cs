using System.CommandLine;
using DicomSpecGen.Archive;
using DicomSpecGen.Association;
using DicomSpecGen.Services;
using DicomSpecGen.Services.InstanceAvailability;
using DicomSpecGen.Services.Scu;
using Microsoft.Extensions.Logging;

namespace DicomSpecGen.Cli.Commands;

/// <summary>dsg scp's Instance Availability Notification flags (PS3.4 Annex R): --ian AE[,AE…] (SCU, after a
/// quiet period per study), --ian-quiet S, --ian-scp (accept notifications and print them).</summary>
public static class ScpIan
{
    public static readonly double DefaultQuietSeconds = IanNotifierOptions.DefaultQuietPeriod.TotalSeconds;

    public sealed record Flags(Option<string?> Destinations, Option<double> QuietSeconds, Option<bool> Scp)
    {
        public IEnumerable<Option> All => [Destinations, QuietSeconds, Scp];
    }

    public static Flags CreateFlags() => new(
        new Option<string?>("--ian") { Description = "send Instance Availability Notifications (PS3.4 Annex R) to these known AEs (-md AE=host:port), comma-separated, once a study has had no new instance for --ian-quiet seconds" },
        new Option<double>("--ian-quiet") { Description = "seconds without a new instance after which a study counts as stored and is notified (--ian)", DefaultValueFactory = _ => DefaultQuietSeconds },
        new Option<bool>("--ian-scp") { Description = "also accept Instance Availability Notifications (N-CREATE, PS3.4 Annex R) and print each" });

    /// <summary>The --ian AE titles; each must be a known AE. Throws <see cref="CliInputException"/>.</summary>
    public static IReadOnlyList<string> Destinations(string? value, IReadOnlyDictionary<string, KnownAe> known, double quietSeconds)
    {
        if (value == null) return [];
        var titles = value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (titles.Length == 0) throw new CliInputException("--ian needs at least one AE title");
        foreach (var t in titles)
            if (!known.ContainsKey(t)) throw new CliInputException($"--ian AE '{t}' is not a known AE: give its address with -md {t}=host:port");
        if (!(quietSeconds >= 0)) throw new CliInputException($"--ian-quiet must be a number of seconds >= 0, got {quietSeconds}");
        return titles;
    }

    /// <summary>The IAN SCU over the archive, printing each outcome; null without --ian.</summary>
    public static IanNotifier? Notifier(IReadOnlyList<string> destinations, double quietSeconds, DicomArchive archive, string title,
        IReadOnlyDictionary<string, KnownAe> known, AssociationCommonOptions acceptor, ILogger logger)
        => destinations.Count == 0 ? null : new IanNotifier(new IanNotifierOptions
        {
            Destinations = destinations,
            Connector = new AeConnector(new AeConnectorOptions { AeTitle = title, KnownAes = known, CommonOptions = acceptor }, logger),
            StudyInstances = (study, ct) => IanStorageHook.StudyInstancesAsync(archive.Index, study, ct),
            QuietPeriod = TimeSpan.FromSeconds(quietSeconds),
            RetrieveAeTitle = title,
            OnOutcome = o => Console.WriteLine(o),
        }, logger);

    /// <summary>The IAN SCP with --ian-scp, printing each notification it accepts.</summary>
    public static IReadOnlyList<IDicomService> Services(bool scp, ILogger? logger = null)
        => scp ? [new IanService(new IanServiceOptions { OnReceived = n => Console.WriteLine(n) }, logger)] : [];

    /// <summary>What the conformance statement says of the SCU role (R.1.1 and R.3.4.1.1 ask the SCU to document when it notifies and what its Instance Availability values mean).</summary>
    public static string? Note(IReadOnlyList<string> destinations, double quietSeconds, string title)
        => destinations.Count == 0 ? null
            : $"Instance Availability Notification (SCU, PS3.4 Annex R): when no new instance of a study has arrived for {quietSeconds:0.###} s, one N-CREATE naming every instance of the study in the archive, " +
              $"each with Instance Availability ONLINE (retrievable at once by C-MOVE or C-GET from Retrieve AE Title {title}), is sent to {string.Join(", ", destinations)} on a new association; " +
              "a later instance of the study sends a new notification naming the whole study again. Association failures are retried (3 tries); the Referenced Performed Procedure Step Sequence is sent empty (no link to MPPS).";
}
