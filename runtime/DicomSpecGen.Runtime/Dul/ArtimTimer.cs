namespace DicomSpecGen.Dul;

/// <summary>The ARTIM timer (Association Request/Reject/Release Timer) with a configurable timeout and an
/// injectable time source. Each start has a generation number, so an expiry that races with a stop or
/// restart is recognised as stale and dropped instead of firing Evt18 in the wrong state. On the system clock the
/// expiry runs on <see cref="ArtimThread"/>, not as a thread-pool work item (as a System.Threading.Timer's would),
/// so a starved pool cannot hold back ARTIM.</summary>
/// <remarks>PS3.8 9.1.5 (configurable); started/stopped by AE-5, AE-6, AE-8, AR-4, AR-5, AA-1, AA-2, AA-5, AA-8</remarks>
public sealed class ArtimTimer : IDisposable
{
    private readonly TimeProvider _time;
    private readonly Action<long> _expired;
    private ITimer? _timer;
    private ArtimThread.Entry? _entry;
    private long _generation;

    /// <param name="time">The time source.</param>
    /// <param name="timeout">How long the timer runs before it expires.</param>
    /// <param name="expired">Called (on the ARTIM thread, or the time source's timer thread) with the generation of the start that expired.</param>
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
        if (ReferenceEquals(_time, TimeProvider.System))
        {
            _entry = ArtimThread.Schedule(Timeout, () => _expired(generation));
            return;
        }
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
        _entry?.Cancel();
        _entry = null;
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

/// <summary>One background thread that runs the ARTIM expiries on the system clock, in deadline order. An expiry
/// runs a DUL step, which never waits on the network, so one thread serves every association. A stopped timer's
/// entry is removed at once, so starts and stops in quick succession leave nothing behind.</summary>
internal static class ArtimThread
{
    private static readonly object Gate = new();
    private static readonly SortedSet<Entry> Pending = new(Comparer<Entry>.Create(static (a, b) =>
        a.Deadline != b.Deadline ? a.Deadline.CompareTo(b.Deadline) : a.Sequence.CompareTo(b.Sequence)));
    private static long _sequence;
    private static Thread? _thread;

    /// <summary>A scheduled expiry; <see cref="Cancel"/> drops it.</summary>
    internal sealed class Entry(long deadline, long sequence, Action expired)
    {
        private volatile bool _cancelled;

        public long Deadline { get; } = deadline;

        public long Sequence { get; } = sequence;

        public void Cancel()
        {
            _cancelled = true;
            lock (Gate) Pending.Remove(this);
        }

        public void Run()
        {
            if (!_cancelled) expired();
        }
    }

    /// <summary>The number of expiries waiting (for tests).</summary>
    internal static int PendingCount
    {
        get
        {
            lock (Gate) return Pending.Count;
        }
    }

    /// <summary>Runs <paramref name="expired"/> on the ARTIM thread once <paramref name="due"/> has passed, unless cancelled first.</summary>
    public static Entry Schedule(TimeSpan due, Action expired)
    {
        lock (Gate)
        {
            var entry = new Entry(Environment.TickCount64 + (long)Math.Ceiling(due.TotalMilliseconds), ++_sequence, expired);
            Pending.Add(entry);
            if (_thread == null)
            {
                _thread = new Thread(Run) { IsBackground = true, Name = "DICOM ARTIM" };
                _thread.Start();
            }
            Monitor.Pulse(Gate);
            return entry;
        }
    }

    private static void Run()
    {
        while (true)
        {
            Entry due;
            lock (Gate)
            {
                while (true)
                {
                    if (Pending.Count == 0)
                    {
                        Monitor.Wait(Gate);
                        continue;
                    }
                    var next = Pending.Min!;
                    var wait = next.Deadline - Environment.TickCount64;
                    if (wait > 0)
                    {
                        Monitor.Wait(Gate, (int)Math.Min(wait, int.MaxValue));
                        continue;
                    }
                    Pending.Remove(next);
                    due = next;
                    break;
                }
            }
            due.Run();
        }
    }
}
