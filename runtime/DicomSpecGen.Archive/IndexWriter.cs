using System.Threading.Channels;
using DicomSpecGen.Archive.Index;
using Microsoft.Extensions.Logging;

namespace DicomSpecGen.Archive;

/// <summary>The archive's write-behind index: a C-STORE hands its record here after its file is placed and answers
/// without waiting for the row. One consumer inserts everything pending in ONE transaction per batch (one commit, so
/// one log flush, however many associations store at once), concurrently makes the batch's new names durable
/// (<see cref="IInstanceStore.SyncPlacedAsync"/>), and only when both are done settles the batch's placement records.
/// An insert that keeps failing (bounded backoff, then record by record) leaves its record open (abandoned), so the
/// next reconciliation indexes the file: nothing is lost. <see cref="WaitAsync"/> is the read-your-writes barrier:
/// it completes once everything enqueued before it was committed (or given up).</summary>
internal sealed class IndexWriter : IDisposable
{
    /// <summary>Records per transaction at most (a large batch holds the index's lock for its whole length).</summary>
    private const int MaxBatch = 512;

    private readonly IInstanceStore _store;
    private readonly IInstanceIndex _index;
    private readonly ILogger _logger;
    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private readonly object _gate = new();
    private readonly List<(long UpTo, TaskCompletionSource Done)> _waiters = [];
    private readonly Task _loop;
    private long _enqueued;
    private long _done;

    private readonly record struct Pending(InstanceRecord Record, DuplicatePolicy Policy, StagedFile? Staged);

    public IndexWriter(IInstanceStore store, IInstanceIndex index, ILogger logger)
    {
        (_store, _index, _logger) = (store, index, logger);
        _loop = Task.Run(LoopAsync);
    }

    /// <summary>Attempts of a whole batch before it is tried record by record; the first retry waits
    /// <see cref="FirstBackoff"/>, each next one twice as long, at most <see cref="MaxBackoff"/>.</summary>
    internal int Attempts { get; init; } = 5;

    internal TimeSpan FirstBackoff { get; init; } = TimeSpan.FromMilliseconds(20);

    internal TimeSpan MaxBackoff { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>How long the writer lets a batch gather at most before committing it, unless a reader is waiting (then
    /// at once) or the stores paused (<see cref="IdleGap"/>): one transaction for the stores of tens of ms instead of one
    /// each (SQLite writes every page a commit touched, here several per commit whatever its size, so the WAL writes per
    /// object fall as the batch grows). Success never waits for it (the file and its placement record are durable
    /// before); the settle lines and the folder fsyncs do, a little later.</summary>
    internal TimeSpan Linger { get; init; } = TimeSpan.FromMilliseconds(50);

    /// <summary>The batch is committed when no record arrived for this long (the senders have paused or stopped),
    /// before <see cref="Linger"/> is up.</summary>
    internal TimeSpan IdleGap { get; init; } = TimeSpan.FromMilliseconds(5);

    /// <summary>Completed when a reader starts waiting: the writer stops lingering.</summary>
    private TaskCompletionSource _wake = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private bool _closing;

    /// <summary>Queues the record (and the placement to settle once it is durable).</summary>
    public void Enqueue(InstanceRecord record, DuplicatePolicy policy, StagedFile? staged)
    {
        // Counted and queued under one lock: the barrier's count and the queue's order agree.
        lock (_gate)
        {
            if (!_queue.Writer.TryWrite(new Pending(record, policy, staged)))
                throw new ObjectDisposedException(nameof(IndexWriter), "the archive is closed");
            _enqueued++;
        }
    }

    /// <summary>Records queued and not yet committed.</summary>
    public long Backlog
    {
        get
        {
            lock (_gate) return _enqueued - _done;
        }
    }

    /// <summary>Completes once every record enqueued before this call is committed (or given up, see the class).</summary>
    public Task WaitAsync(CancellationToken cancellationToken)
    {
        TaskCompletionSource done;
        lock (_gate)
        {
            if (_done >= _enqueued) return Task.CompletedTask;
            done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((_enqueued, done));
            _wake.TrySetResult();
        }
        return done.Task.WaitAsync(cancellationToken);
    }

    private async Task LoopAsync()
    {
        var batch = new List<Pending>();
        var reader = _queue.Reader;
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            while (true)
            {
                while (batch.Count < MaxBatch && reader.TryRead(out var pending)) batch.Add(pending);
                Task wake;
                lock (_gate)
                {
                    if (_wake.Task.IsCompleted) _wake = new(TaskCreationOptions.RunContinuationsAsynchronously);
                    wake = _waiters.Count > 0 || _closing ? Task.CompletedTask : _wake.Task;
                }
                var left = Linger - System.Diagnostics.Stopwatch.GetElapsedTime(started);
                if (batch.Count >= MaxBatch || wake.IsCompleted || left <= TimeSpan.Zero) break;
                // One timer per gap, not per record.
                await Task.WhenAny(Task.Delay(left < IdleGap ? left : IdleGap), wake).ConfigureAwait(false);
                if (!wake.IsCompleted && !reader.TryPeek(out _)) break;
            }
            try
            {
                await CommitAsync(batch).ConfigureAwait(false);
            }
            catch (Exception e)
            {
                // Not expected (CommitAsync handles index and sync failures): the records stay open, for reconciliation.
                _logger.LogError(e, "index writer: {Count} records left for reconciliation", batch.Count);
                foreach (var p in batch) if (p.Staged != null) _store.Abandon(p.Staged);
            }
            lock (_gate)
            {
                _done += batch.Count;
                for (var i = _waiters.Count - 1; i >= 0; i--)
                {
                    if (_waiters[i].UpTo > _done) continue;
                    _waiters[i].Done.TrySetResult();
                    _waiters.RemoveAt(i);
                }
            }
            batch.Clear();
        }
    }

    private async Task CommitAsync(List<Pending> batch)
    {
        var placed = batch.Where(p => p.Staged != null).Select(p => p.Staged!).ToList();
        // The new names' folders are fsynced while the index commits (its own flush): neither waits for the other.
        var names = _store.SyncPlacedAsync(placed, CancellationToken.None);
        var indexed = await AddAsync(batch).ConfigureAwait(false);
        try
        {
            await names.ConfigureAwait(false);
        }
        catch (Exception e)
        {
            _logger.LogError(e, "fsync of {Count} placed files' folders failed: their records stay for reconciliation", placed.Count);
            foreach (var staged in placed) _store.Abandon(staged);
            return;
        }
        // Only now (names and rows durable) may the records go.
        var settled = new List<StagedFile>(placed.Count);
        for (var i = 0; i < batch.Count; i++)
        {
            if (batch[i].Staged is not { } staged) continue;
            if (indexed[i]) settled.Add(staged);
            else _store.Abandon(staged);
        }
        _store.Settle(settled);
    }

    /// <summary>The batch in one transaction, retried with backoff; then each record alone. Per record: committed.</summary>
    private async Task<bool[]> AddAsync(List<Pending> batch)
    {
        var records = batch.Select(p => (p.Record, p.Policy)).ToList();
        var delay = FirstBackoff;
        for (var attempt = 1; attempt <= Attempts; attempt++)
        {
            try
            {
                await _index.AddBatchAsync(records, CancellationToken.None).ConfigureAwait(false);
                return [.. batch.Select(_ => true)];
            }
            catch (Exception e) when (attempt < Attempts)
            {
                _logger.LogWarning("index write of {Count} records failed (attempt {Attempt}, retrying in {Delay} ms): {Error}", batch.Count, attempt, (int)delay.TotalMilliseconds, e.Message);
                await Task.Delay(delay).ConfigureAwait(false);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxBackoff.Ticks));
            }
            catch (Exception e)
            {
                _logger.LogWarning("index write of {Count} records failed {Attempts} times ({Error}); trying each alone", batch.Count, Attempts, e.Message);
            }
        }
        var done = new bool[batch.Count];
        for (var i = 0; i < batch.Count; i++)
        {
            try
            {
                await _index.AddAsync(batch[i].Record, batch[i].Policy, CancellationToken.None).ConfigureAwait(false);
                done[i] = true;
            }
            catch (Exception e)
            {
                _logger.LogError(e, "index row of {Sop} not written: its placement record stays open; the next reconciliation indexes {Path}",
                    batch[i].Record.SopInstanceUid, batch[i].Record.RelativePath);
            }
        }
        return done;
    }

    /// <summary>Stops taking records and waits (bounded) for those queued to be committed.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            _queue.Writer.TryComplete();
            _closing = true;
            _wake.TrySetResult();
        }
        if (!_loop.Wait(TimeSpan.FromSeconds(60)))
            _logger.LogError("index writer still busy after 60 s at close: its open placement records are reconciled at the next start");
    }
}

/// <summary>The archive's index as the rest of the process sees it: every read (and every direct write) first waits
/// for the write-behind records enqueued before it (<see cref="IndexWriter.WaitAsync"/>), so a query right after a
/// C-STORE's Success finds the instance.</summary>
internal sealed class ReadYourWritesIndex(IInstanceIndex inner, IndexWriter writer) : IInstanceIndex
{
    public IInstanceIndex Inner => inner;

    public async Task AddAsync(InstanceRecord record, CancellationToken cancellationToken)
    {
        await writer.WaitAsync(cancellationToken).ConfigureAwait(false);
        await inner.AddAsync(record, cancellationToken).ConfigureAwait(false);
    }

    public async Task<bool> AddAsync(InstanceRecord record, DuplicatePolicy policy, CancellationToken cancellationToken)
    {
        await writer.WaitAsync(cancellationToken).ConfigureAwait(false);
        return await inner.AddAsync(record, policy, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<bool>> AddBatchAsync(IReadOnlyList<(InstanceRecord Record, DuplicatePolicy Policy)> records, CancellationToken cancellationToken)
    {
        await writer.WaitAsync(cancellationToken).ConfigureAwait(false);
        return await inner.AddBatchAsync(records, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<IReadOnlyDictionary<string, string?>>> QueryAsync(QueryLevel level, IReadOnlyList<KeyCondition> conditions, CancellationToken cancellationToken)
    {
        await writer.WaitAsync(cancellationToken).ConfigureAwait(false);
        return await inner.QueryAsync(level, conditions, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<InstanceRecord>> InstancesAsync(IReadOnlyList<KeyCondition> conditions, CancellationToken cancellationToken)
    {
        await writer.WaitAsync(cancellationToken).ConfigureAwait(false);
        return await inner.InstancesAsync(conditions, cancellationToken).ConfigureAwait(false);
    }
}
