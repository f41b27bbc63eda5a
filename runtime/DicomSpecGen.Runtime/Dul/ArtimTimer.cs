namespace DicomSpecGen.Dul;

/// <summary>The ARTIM timer (Association Request/Reject/Release Timer) with a configurable timeout and an
/// injectable time source. Each start has a generation number, so an expiry that races with a stop or
/// restart is recognised as stale and dropped instead of firing Evt18 in the wrong state.</summary>
/// <remarks>PS3.8 9.1.5 (configurable); started/stopped by AE-5, AE-6, AE-8, AR-4, AR-5, AA-1, AA-2, AA-5, AA-8</remarks>
public sealed class ArtimTimer : IDisposable
{
    private readonly TimeProvider _time;
    private readonly Action<long> _expired;
    private ITimer? _timer;
    private long _generation;

    /// <param name="time">The time source.</param>
    /// <param name="timeout">How long the timer runs before it expires.</param>
    /// <param name="expired">Called (on a timer thread) with the generation of the start that expired.</param>
    public ArtimTimer(TimeProvider time, TimeSpan timeout, Action<long> expired)
    {
        if (timeout <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(timeout), "the ARTIM timeout must be positive");
        _time = time;
        Timeout = timeout;
        _expired = expired;
    }

    public TimeSpan Timeout { get; }

    public bool IsRunning { get; private set; }

    /// <summary>The number of the current (or last) start.</summary>
    public long Generation => Interlocked.Read(ref _generation);

    /// <summary>Starts the timer, or restarts it if it is running.</summary>
    public void Start()
    {
        Stop();
        var generation = Interlocked.Increment(ref _generation);
        IsRunning = true;
        _timer = _time.CreateTimer(static state =>
        {
            var (owner, gen) = ((ArtimTimer, long))state!;
            owner._expired(gen);
        }, (this, generation), Timeout, System.Threading.Timeout.InfiniteTimeSpan);
    }

    /// <summary>Stops the timer if it is running.</summary>
    public void Stop()
    {
        IsRunning = false;
        _timer?.Dispose();
        _timer = null;
    }

    /// <summary>Claims an expiry: true (and the timer is no longer running) if it belongs to the current start.</summary>
    public bool TryExpire(long generation)
    {
        if (!IsRunning || generation != Generation) return false;
        Stop();
        return true;
    }

    public void Dispose() => Stop();
}
