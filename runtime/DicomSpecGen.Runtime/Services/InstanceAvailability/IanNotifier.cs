using DicomSpecGen.Association;
using DicomSpecGen.Dimse;
using DicomSpecGen.Registry;
using DicomSpecGen.Services.ProcedureStep;
using DicomSpecGen.Services.Scu;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace DicomSpecGen.Services.InstanceAvailability;

/// <summary>What became of one notification to one AE: the N-CREATE status, or the error after the last try.</summary>
public sealed record IanOutcome(string StudyInstanceUid, string AeTitle, string SopInstanceUid, int InstanceCount, ushort? Status, int Attempts, string? Error)
{
    public override string ToString() => Status is { } s
        ? $"IAN {SopInstanceUid} for study {StudyInstanceUid} ({InstanceCount} instance(s)) to {AeTitle}: {DimseStatus.Describe(DimseService.InstanceAvailabilityNotification, s)} after {Attempts} try(ies)"
        : $"IAN {SopInstanceUid} for study {StudyInstanceUid} to {AeTitle} failed after {Attempts} try(ies): {Error}";
}

/// <summary>Configuration of an <see cref="IanNotifier"/>.</summary>
public sealed record IanNotifierOptions
{
    /// <summary>The AE titles notified (each a known AE of <see cref="Connector"/>).</summary>
    public required IReadOnlyList<string> Destinations { get; init; }

    /// <summary>Opens the associations (our AE title, the known AEs).</summary>
    public required AeConnector Connector { get; init; }

    /// <summary>The study's instances as the archive holds them when the notification is sent.</summary>
    public required Func<string, CancellationToken, Task<IReadOnlyList<IanInstance>>> StudyInstances { get; init; }

    /// <summary>A study counts as stored when no instance of it has arrived for this long.</summary>
    public TimeSpan QuietPeriod { get; init; } = DefaultQuietPeriod;

    /// <summary>A few seconds: a modality sends a study's images in a burst.</summary>
    public static readonly TimeSpan DefaultQuietPeriod = TimeSpan.FromSeconds(5);

    /// <summary>Tries per AE (association or transport failures are retried; an N-CREATE status is final).</summary>
    public int Attempts { get; init; } = 3;

    public TimeSpan RetryInterval { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Retrieve AE Title (0008,0054) of every instance: the AE a C-MOVE/C-GET can fetch them from.</summary>
    public string RetrieveAeTitle { get; init; } = "DSGSCP";

    /// <summary>Called with each outcome (e.g. to print it).</summary>
    public Action<IanOutcome>? OnOutcome { get; init; }
}

/// <summary>The IAN SCU of an archive: <see cref="InstanceStored"/> is called per stored instance; once a study has
/// had no new instance for <see cref="IanNotifierOptions.QuietPeriod"/>, one N-CREATE naming all of the study's
/// instances in the archive (ONLINE, at <see cref="IanNotifierOptions.RetrieveAeTitle"/>) goes to each destination on
/// a new association. A later instance of the same study starts a new quiet period and a new notification naming
/// the whole study again. PS3.4 leaves the trigger to the SCU (R.3.2.1.2: "There are no requirements on when N-CREATE
/// requests are required to be performed"); the SCU documents it (R.1.1, R.3.4.1.1): the conformance statement does.</summary>
/// <remarks>PS3.4 R.1.1, R.3.2.1.2.</remarks>
public sealed class IanNotifier(IanNotifierOptions options, ILogger? logger = null) : IAsyncDisposable
{
    private readonly ILogger _logger = logger ?? NullLogger.Instance;
    private readonly Lock _lock = new();
    private readonly Dictionary<string, CancellationTokenSource> _waiting = new(StringComparer.Ordinal);
    private readonly List<Task> _running = [];
    private readonly List<IanOutcome> _outcomes = [];
    private readonly CancellationTokenSource _stop = new();

    public IanNotifierOptions Options { get; } = options;

    /// <summary>Every outcome so far, in order.</summary>
    public IReadOnlyList<IanOutcome> Outcomes
    {
        get { lock (_lock) return [.. _outcomes]; }
    }

    /// <summary>An instance of <paramref name="studyInstanceUid"/> was stored: (re)starts the study's quiet period.</summary>
    public void InstanceStored(string studyInstanceUid)
    {
        lock (_lock)
        {
            if (_stop.IsCancellationRequested) return;
            if (_waiting.Remove(studyInstanceUid, out var previous)) previous.Cancel();
            var quiet = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
            _waiting[studyInstanceUid] = quiet;
            _running.RemoveAll(t => t.IsCompleted);
            _running.Add(NotifyAfterQuietAsync(studyInstanceUid, quiet));
        }
    }

    private async Task NotifyAfterQuietAsync(string study, CancellationTokenSource quiet)
    {
        try
        {
            await Task.Delay(Options.QuietPeriod, quiet.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            quiet.Dispose();
            return;
        }
        lock (_lock)
        {
            if (!_waiting.TryGetValue(study, out var current) || current != quiet) return;
            _waiting.Remove(study);
        }
        quiet.Dispose();
        try
        {
            await NotifyAsync(study, _stop.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }
        catch (Exception e)
        {
            _logger.LogError(e, "IAN for study {Study} failed", study);
        }
    }

    /// <summary>Sends the notification of <paramref name="studyInstanceUid"/> now to every destination.</summary>
    public async Task<IReadOnlyList<IanOutcome>> NotifyAsync(string studyInstanceUid, CancellationToken cancellationToken)
    {
        var instances = await Options.StudyInstances(studyInstanceUid, cancellationToken).ConfigureAwait(false);
        if (instances.Count == 0) return [];
        var attributes = IanScu.Attributes(studyInstanceUid, instances, Options.RetrieveAeTitle);
        var results = new List<IanOutcome>();
        foreach (var title in Options.Destinations)
        {
            var uid = MppsService.NewUid();
            var outcome = await SendAsync(title, uid, studyInstanceUid, instances.Count, attributes, cancellationToken).ConfigureAwait(false);
            lock (_lock) _outcomes.Add(outcome);
            if (outcome.Status == DimseStatus.Success) _logger.LogInformation("{Outcome}", outcome);
            else _logger.LogWarning("{Outcome}", outcome);
            Options.OnOutcome?.Invoke(outcome);
            results.Add(outcome);
        }
        return results;
    }

    private async Task<IanOutcome> SendAsync(string title, string uid, string study, int count, Data.DicomDataset attributes, CancellationToken cancellationToken)
    {
        var connector = Options.Connector;
        if (connector.Find(title) is not { } ae) return new IanOutcome(study, title, uid, count, null, 0, $"{title} is not a known AE (-md AE=host:port)");
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var connection = await connector.OpenAsync(ae,
                    [new PresentationContextProposal(1, IanScu.SopClassUid, [DicomUids.ExplicitVRLittleEndian, DicomUids.ImplicitVRLittleEndian])],
                    null, cancellationToken).ConfigureAwait(false);
                var response = await IanScu.CreateAsync(connection, uid, attributes, cancellationToken).ConfigureAwait(false);
                await connection.ReleaseAsync(connector.Options.Timeout, cancellationToken).ConfigureAwait(false);
                return new IanOutcome(study, title, uid, count, response.Status, attempt, null);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                if (attempt >= Options.Attempts) return new IanOutcome(study, title, uid, count, null, attempt, e.Message);
                _logger.LogWarning("IAN {Uid} to {Ae} failed (try {Attempt} of {Max}): {Error}", uid, title, attempt, Options.Attempts, e.Message);
                await Task.Delay(Options.RetryInterval, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Waits for notifications whose quiet period has ended; studies still in theirs are not notified.</summary>
    public async ValueTask DisposeAsync()
    {
        Task[] running;
        lock (_lock)
        {
            foreach (var quiet in _waiting.Values) quiet.Cancel();
            _waiting.Clear();
            running = [.. _running];
        }
        try
        {
            await Task.WhenAll(running).WaitAsync(Options.Connector.Options.Timeout).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
        }
        _stop.Cancel();
        _stop.Dispose();
    }
}
