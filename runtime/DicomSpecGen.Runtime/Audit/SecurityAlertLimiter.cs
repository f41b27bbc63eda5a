using DicomSpecGen.Association;

namespace DicomSpecGen.Audit;

/// <summary>Limits of <see cref="SecurityAlertLimiter"/>.</summary>
public sealed record SecurityAlertLimits
{
    /// <summary>Alerts of one category sent one by one per window; more are held back and summed up.</summary>
    public int Burst { get; init; } = 5;

    /// <summary>The window; at its end one aggregate alert reports what was held back.</summary>
    public TimeSpan Window { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Peer addresses named in an aggregate at most (each an alert subject); the rest are only counted.</summary>
    public int MaxNodesListed { get; init; } = 16;
}

/// <summary>Security Alerts (PS3.15 A.5.3.11) for what peers do to the acceptor (refused associations, failed TLS
/// handshakes, capacity rejections, ARTIM expiries, idle drops, malformed PDUs), rate-limited per category so that a
/// flood cannot fill the collector's disk: per category and window at most <see cref="SecurityAlertLimits.Burst"/>
/// alerts plus one aggregate ("N more from these addresses"). Never throws, never blocks the caller.</summary>
public sealed class SecurityAlertLimiter : IDisposable
{
    private sealed class Category(string name, DateTimeOffset start)
    {
        public string Name { get; } = name;
        public DateTimeOffset WindowStart = start;
        public int Sent;
        public long HeldBack;
        public readonly List<string> Nodes = [];
        public readonly HashSet<string> Distinct = new(StringComparer.Ordinal);
        public string? LastWhy;
    }

    private const int DistinctBound = 4096;
    private readonly AuditTrail _trail;
    private readonly SecurityAlertLimits _limits;
    private readonly TimeProvider _time;
    private readonly Dictionary<string, Category> _categories = new(StringComparer.Ordinal);
    private readonly object _gate = new();
    private readonly ITimer _timer;
    private bool _disposed;

    public SecurityAlertLimiter(AuditTrail trail, SecurityAlertLimits? limits = null, TimeProvider? time = null)
    {
        _trail = trail;
        _limits = limits ?? new SecurityAlertLimits();
        _time = time ?? TimeProvider.System;
        _timer = _time.CreateTimer(_ => FlushEnded(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    /// <summary>Alerts held back so far (reported in aggregates).</summary>
    public long HeldBack { get; private set; }

    /// <summary>A Security Alert (Node Authentication failed) about <paramref name="peerAddress"/>, counted in
    /// <paramref name="category"/>: sent now while under the limit, else held back for the window's aggregate.</summary>
    public void Alert(string category, string? peerAddress, string why, bool serious = false)
    {
        lock (_gate)
        {
            if (_disposed) return;
            var now = _time.GetUtcNow();
            if (!_categories.TryGetValue(category, out var c)) _categories[category] = c = new Category(category, now);
            if (now - c.WindowStart >= _limits.Window) Flush(c, now);
            if (c.Sent < _limits.Burst)
            {
                c.Sent++;
                _trail.TryPost(() => _trail.Events.NodeAuthenticationFailure(peerAddress, why, serious));
                return;
            }
            c.HeldBack++;
            HeldBack++;
            c.LastWhy = why;
            var (host, _) = AuditEvents.SplitEndpoint(peerAddress);
            var node = host ?? "unknown";
            // Distinct addresses are counted up to a bound (memory), the first few named.
            if (c.Distinct.Count < DistinctBound && c.Distinct.Add(node) && c.Nodes.Count < _limits.MaxNodesListed) c.Nodes.Add(node);
            // The aggregate goes out when the window ends, even if nothing else arrives.
            if (c.HeldBack == 1) _timer.Change(c.WindowStart + _limits.Window - now, Timeout.InfiniteTimeSpan);
        }
    }

    /// <summary>An acceptor incident (<see cref="AcceptorOptions.Incident"/>) as an alert of its kind's category.</summary>
    public void Incident(AssociationIncident incident)
    {
        var category = incident.Kind switch
        {
            AssociationIncidentKind.CapacityExceeded => "capacity",
            AssociationIncidentKind.ArtimExpired => "artim",
            AssociationIncidentKind.IdleTimeout => "idle",
            _ => "malformed-pdu",
        };
        var from = incident.CallingAeTitle is { } ae ? $"{ae} from {incident.PeerAddress ?? "?"}" : incident.PeerAddress ?? "?";
        Alert(category, incident.PeerAddress, $"{from}: {incident.Reason}");
    }

    private void FlushEnded()
    {
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            DateTimeOffset? next = null;
            foreach (var c in _categories.Values.Where(c => c.HeldBack > 0))
            {
                var end = c.WindowStart + _limits.Window;
                if (now >= end) Flush(c, now);
                else if (next == null || end < next) next = end;
            }
            if (next is { } at && !_disposed) _timer.Change(at - now, Timeout.InfiniteTimeSpan);
        }
    }

    /// <summary>Sends the aggregate of what the window held back (if anything) and opens a new window.</summary>
    private void Flush(Category c, DateTimeOffset now)
    {
        if (c.HeldBack > 0)
        {
            List<string> nodes = c.Nodes.Count > 0 ? [.. c.Nodes] : ["unknown"];
            var why = $"{c.HeldBack} further '{c.Name}' alert(s) held back by the rate limit ({_limits.Burst} per {_limits.Window.TotalSeconds:0} s) " +
                      $"between {c.WindowStart:yyyy-MM-ddTHH:mm:ssZ} and {now:yyyy-MM-ddTHH:mm:ssZ} from {string.Join(", ", nodes)}" +
                      (c.Distinct.Count > c.Nodes.Count ? $" and {c.Distinct.Count - c.Nodes.Count}{(c.Distinct.Count >= DistinctBound ? " or more" : "")} other address(es)" : "") +
                      $"; the last: {c.LastWhy}";
            _trail.TryPost(() => _trail.Events.NodeAuthenticationFailures(nodes, why));
        }
        c.WindowStart = now;
        c.Sent = 0;
        c.HeldBack = 0;
        c.Nodes.Clear();
        c.Distinct.Clear();
        c.LastWhy = null;
    }

    /// <summary>Sends the aggregates still pending (before the trail is disposed) and stops.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed) return;
            var now = _time.GetUtcNow();
            foreach (var c in _categories.Values) Flush(c, now);
            _disposed = true;
        }
        _timer.Dispose();
    }
}
