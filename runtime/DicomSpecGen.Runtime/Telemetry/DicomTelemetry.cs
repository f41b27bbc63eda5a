using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Reflection;
using DicomSpecGen.Dimse;
using DicomSpecGen.Protocol;
using DicomSpecGen.Registry;

namespace DicomSpecGen.Telemetry;

/// <summary>The stack's metrics (<see cref="Meter"/>) and traces (<see cref="ActivitySource"/>), both named
/// "DicomSpecGen" with the assembly's version. Names follow the OpenTelemetry semantic-convention style; every
/// instrument and attribute is listed in docs/observability.md. AE titles are attributes of spans only: a metric
/// attribute a peer chooses (a calling AE title) would let any peer grow the number of series without bound.</summary>
/// <remarks>Nothing is measured until a listener (an OpenTelemetry MeterProvider, a <see cref="MeterListener"/>)
/// subscribes: each instrument is checked for <c>Enabled</c> before its attributes are built.</remarks>
public static class DicomTelemetry
{
    /// <summary>The name of the meter and of the activity source.</summary>
    public const string Name = "DicomSpecGen";

    /// <summary>The assembly's version (without the source revision suffix).</summary>
    public static string Version { get; } = (typeof(DicomTelemetry).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0")
        .Split('+')[0];

    public static Meter Meter { get; } = new(Name, Version);

    public static ActivitySource ActivitySource { get; } = new(Name, Version);

    /// <summary>Attribute names (docs/observability.md).</summary>
    public static class Attributes
    {
        /// <summary>acceptor or requestor: the side of the association that counted it (PS3.8 7.1).</summary>
        public const string AssociationRole = "dicom.association.role";
        public const string CallingAeTitle = "dicom.ae.calling";
        public const string CalledAeTitle = "dicom.ae.called";
        /// <summary>A-ASSOCIATE-RJ Result, Source and Reason, in the words of PS3.8 Table 9-21.</summary>
        public const string RejectResult = "dicom.association.reject.result";
        public const string RejectSource = "dicom.association.reject.source";
        public const string RejectReason = "dicom.association.reject.reason";
        /// <summary>A-ABORT Source and Reason/Diag. in the words of PS3.8 Table 9-26; initiator local or peer.</summary>
        public const string AbortSource = "dicom.association.abort.source";
        public const string AbortReason = "dicom.association.abort.reason";
        public const string AbortInitiator = "dicom.association.abort.initiator";
        public const string ContextsAccepted = "dicom.association.contexts.accepted";
        /// <summary>performer (we answer the request: SCP of the operation) or invoker (we sent it), PS3.7 7.</summary>
        public const string DimseRole = "dicom.dimse.role";
        /// <summary>The DIMSE service, e.g. C-STORE (PS3.7 Table E.1-1, Command Field).</summary>
        public const string DimseCommand = "dicom.dimse.command";
        public const string SopClassUid = "dicom.sop_class.uid";
        /// <summary>The SOP class's keyword in the PS3.6 UID registry (the UID when unknown).</summary>
        public const string SopClassName = "dicom.sop_class.name";
        /// <summary>The final Status (0000,0900) as four hex digits, e.g. 0000, A700 (PS3.7 Annex C).</summary>
        public const string DimseStatus = "dicom.dimse.status";
        /// <summary>The Status Class of PS3.7 Annex C: Success, Warning, Failure, Cancel.</summary>
        public const string DimseStatusClass = "dicom.dimse.status_class";
        public const string MessageId = "dicom.dimse.message_id";
        /// <summary>OpenTelemetry's error.type: the exception type when an operation ended without a status.</summary>
        public const string ErrorType = "error.type";
        /// <summary>OpenTelemetry's network.io.direction: receive or transmit.</summary>
        public const string NetworkIoDirection = "network.io.direction";
        public const string PeerAddress = "network.peer.address";
    }

    /// <summary>Associations established: the acceptor sent, or the requestor received, an A-ASSOCIATE-AC.</summary>
    public static Counter<long> AssociationsAccepted { get; } = Meter.CreateCounter<long>("dicom.association.accepted", "{association}",
        "Associations established (A-ASSOCIATE-AC sent or received, PS3.8 9.3.3)");

    /// <summary>Associations refused (A-ASSOCIATE-RJ), with result, source and reason from PS3.8 Table 9-21.</summary>
    public static Counter<long> AssociationsRejected { get; } = Meter.CreateCounter<long>("dicom.association.rejected", "{association}",
        "Associations refused with A-ASSOCIATE-RJ (PS3.8 9.3.4, Table 9-21)");

    /// <summary>Associations ended by an abort (A-ABORT or A-P-ABORT), with source and reason from PS3.8 Table 9-26.</summary>
    public static Counter<long> AssociationsAborted { get; } = Meter.CreateCounter<long>("dicom.association.aborted", "{association}",
        "Associations ended by A-ABORT or A-P-ABORT (PS3.8 7.3, 7.4, Table 9-26)");

    /// <summary>Associations open now.</summary>
    public static UpDownCounter<long> AssociationsActive { get; } = Meter.CreateUpDownCounter<long>("dicom.association.active", "{association}",
        "Associations established and not yet ended");

    /// <summary>DIMSE operations completed, by command, SOP class and final status.</summary>
    public static Counter<long> Operations { get; } = Meter.CreateCounter<long>("dicom.dimse.operations", "{operation}",
        "DIMSE operations completed, by command, SOP class and final status (PS3.7 Annex C)");

    /// <summary>From the request to the final response.</summary>
    public static Histogram<double> OperationDuration { get; } = Meter.CreateHistogram<double>("dicom.dimse.operation.duration", "s",
        "Duration of DIMSE operations, from the request to the final response", tags: null,
        // From a millisecond (a C-ECHO on loopback) to minutes (a large C-MOVE); the SDK's default buckets are for milliseconds.
        new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300] });

    /// <summary>Operations started and not yet answered with a final response (in flight).</summary>
    public static UpDownCounter<long> OperationsActive { get; } = Meter.CreateUpDownCounter<long>("dicom.dimse.operations.active", "{operation}",
        "DIMSE operations in flight (request seen, final response not yet sent or received)");

    /// <summary>PDU bytes read from and written to the connection (after TLS: the DICOM bytes).</summary>
    public static Counter<long> NetworkIo { get; } = Meter.CreateCounter<long>("dicom.network.io", "By",
        "PDU bytes received and transmitted (PS3.8 9.3)");

    internal static void PduBytes(long length, bool received)
    {
        if (NetworkIo.Enabled) NetworkIo.Add(length, new KeyValuePair<string, object?>(Attributes.NetworkIoDirection, received ? "receive" : "transmit"));
    }

    /// <summary>The operation's name: the request's title without -RQ (C-STORE, N-ACTION).</summary>
    public static string CommandOf(DimseMessage request) => request.Title.EndsWith("-RQ", StringComparison.Ordinal) ? request.Title[..^3] : request.Title;

    /// <summary>A SOP class's keyword, for a readable, bounded attribute value.</summary>
    public static string SopClassName(string? uid)
        => uid == null ? "unknown" : DicomUids.TryGetInfo(uid, out var info) && info.Keyword.Length > 0 ? info.Keyword : uid;

    internal static string Role(bool requestor) => requestor ? "requestor" : "acceptor";

    internal static void Rejected(bool requestor, AssociateRejectResult result, AssociateRejectSource source, AssociateRejectReason reason, Activity? activity)
    {
        if (AssociationsRejected.Enabled)
        {
            var tags = new TagList
            {
                { Attributes.AssociationRole, Role(requestor) },
                { Attributes.RejectResult, result.Meaning() },
                { Attributes.RejectSource, source.Meaning() },
                { Attributes.RejectReason, reason.Meaning() },
            };
            AssociationsRejected.Add(1, tags);
        }
        if (activity == null) return;
        activity.SetTag(Attributes.RejectResult, result.Meaning());
        activity.SetTag(Attributes.RejectSource, source.Meaning());
        activity.SetTag(Attributes.RejectReason, reason.Meaning());
        activity.SetStatus(ActivityStatusCode.Error, $"A-ASSOCIATE-RJ {result.Meaning()}: {reason.Meaning()} ({reason.Citation()})");
    }

    internal static void Accepted(bool requestor, int contextsAccepted, bool open, Activity? activity)
    {
        var role = new KeyValuePair<string, object?>(Attributes.AssociationRole, Role(requestor));
        AssociationsAccepted.Add(1, role);
        if (open) AssociationsActive.Add(1, role);
        activity?.SetTag(Attributes.ContextsAccepted, contextsAccepted);
    }

    internal static void Aborted(bool requestor, AbortSource source, string reason, bool local, Activity? activity)
    {
        if (AssociationsAborted.Enabled)
        {
            var tags = new TagList
            {
                { Attributes.AssociationRole, Role(requestor) },
                { Attributes.AbortSource, source.Meaning() },
                { Attributes.AbortReason, reason },
                { Attributes.AbortInitiator, local ? "local" : "peer" },
            };
            AssociationsAborted.Add(1, tags);
        }
        if (activity == null) return;
        activity.SetTag(Attributes.AbortSource, source.Meaning());
        activity.SetTag(Attributes.AbortReason, reason);
        activity.SetTag(Attributes.AbortInitiator, local ? "local" : "peer");
        activity.SetStatus(ActivityStatusCode.Error, $"aborted by the {(local ? "local" : "peer")} {source.Meaning()}: {reason}");
    }

    internal static void Closed(bool requestor) => AssociationsActive.Add(-1, new KeyValuePair<string, object?>(Attributes.AssociationRole, Role(requestor)));

    /// <summary>Starts the span of one association (acceptor: Server, requestor: Client), without making it the ambient
    /// activity of the caller; null when nobody listens.</summary>
    internal static Activity? StartAssociation(bool requestor, string callingAe, string calledAe, string? peer)
    {
        if (!ActivitySource.HasListeners()) return null;
        var previous = Activity.Current;
        // A root span: associations outlive whatever the caller was doing (a listener's accept loop).
        Activity.Current = null;
        var activity = ActivitySource.StartActivity("dicom.association", requestor ? ActivityKind.Client : ActivityKind.Server);
        Activity.Current = previous;
        if (activity == null) return null;
        activity.DisplayName = $"association {callingAe} → {calledAe}";
        activity.SetTag(Attributes.AssociationRole, Role(requestor));
        activity.SetTag(Attributes.CallingAeTitle, callingAe);
        activity.SetTag(Attributes.CalledAeTitle, calledAe);
        if (peer != null) activity.SetTag(Attributes.PeerAddress, peer);
        return activity;
    }
}

/// <summary>Measures one DIMSE operation: in-flight count, duration, final status, and its span (a child of the
/// association's). Start it where the request is sent or dispatched, complete it with the final status.</summary>
public sealed class DimseOperationTelemetry
{
    private readonly long _start;
    private readonly TagList _tags;
    private readonly Activity? _activity;
    private readonly bool _counted;
    private int _completed;

    /// <summary>Whether anything is recorded for this operation (false while no listener was subscribed at its start).</summary>
    public bool IsRecording => !ReferenceEquals(this, Disabled);

    private DimseOperationTelemetry(TagList tags, Activity? activity, bool counted)
    {
        _start = Stopwatch.GetTimestamp();
        _tags = tags;
        _activity = activity;
        _counted = counted;
    }

    /// <summary>Starts measuring; <paramref name="performer"/> is true on the side answering the request.</summary>
    public static DimseOperationTelemetry Start(bool performer, DimseMessage request, Association.DicomAssociation association)
        => Start(performer, DicomTelemetry.CommandOf(request), request.RequestSOPClassUID, request.RequestMessageID, association);

    /// <summary>Shared by every operation while nothing listens: no allocation, no attribute lookups per operation.</summary>
    private static readonly DimseOperationTelemetry Disabled = new(default, null, counted: false) { _completed = 1 };

    /// <summary>Starts measuring an operation whose SOP class may be known only later (a C-STORE from a file).</summary>
    public static DimseOperationTelemetry Start(bool performer, string command, string? sopClassUid, ushort? messageId, Association.DicomAssociation association)
    {
        if (!DicomTelemetry.Operations.Enabled && !DicomTelemetry.OperationDuration.Enabled && !DicomTelemetry.OperationsActive.Enabled
            && !DicomTelemetry.ActivitySource.HasListeners())
            return Disabled;
        var tags = new TagList
        {
            { DicomTelemetry.Attributes.DimseRole, performer ? "performer" : "invoker" },
            { DicomTelemetry.Attributes.DimseCommand, command },
        };
        var counted = DicomTelemetry.OperationsActive.Enabled;
        if (counted) DicomTelemetry.OperationsActive.Add(1, tags);
        Activity? activity = null;
        if (DicomTelemetry.ActivitySource.HasListeners())
        {
            activity = DicomTelemetry.ActivitySource.StartActivity("dicom.dimse", performer ? ActivityKind.Server : ActivityKind.Client,
                association.Activity?.Context ?? default);
            if (activity != null)
            {
                activity.DisplayName = command + " " + DicomTelemetry.SopClassName(sopClassUid);
                activity.SetTag(DicomTelemetry.Attributes.DimseRole, performer ? "performer" : "invoker");
                activity.SetTag(DicomTelemetry.Attributes.DimseCommand, command);
                activity.SetTag(DicomTelemetry.Attributes.CallingAeTitle, association.CallingAeTitle);
                activity.SetTag(DicomTelemetry.Attributes.CalledAeTitle, association.CalledAeTitle);
                if (messageId is { } id) activity.SetTag(DicomTelemetry.Attributes.MessageId, (int)id);
            }
        }
        var operation = new DimseOperationTelemetry(tags, activity, counted);
        if (sopClassUid != null) operation.SopClass = sopClassUid;
        return operation;
    }

    /// <summary>The SOP class, when it became known after the start (ignored while not recording).</summary>
    public string? SopClass
    {
        get => _sopClass;
        set
        {
            if (IsRecording) _sopClass = value;
        }
    }

    private string? _sopClass;

    /// <summary>Records the final status (null with <paramref name="error"/>: no final response).</summary>
    public void Complete(ushort? status, Exception? error = null)
    {
        if (Interlocked.Exchange(ref _completed, 1) != 0) return;
        if (_counted) DicomTelemetry.OperationsActive.Add(-1, _tags);
        var tags = _tags;
        tags.Add(DicomTelemetry.Attributes.SopClassUid, SopClass ?? "unknown");
        tags.Add(DicomTelemetry.Attributes.SopClassName, DicomTelemetry.SopClassName(SopClass));
        var statusClass = status is { } s ? DimseStatus.ClassOf(s) : StatusClass.Unknown;
        if (status is { } code)
        {
            tags.Add(DicomTelemetry.Attributes.DimseStatus, code.ToString("X4"));
            tags.Add(DicomTelemetry.Attributes.DimseStatusClass, statusClass.ToString());
        }
        else
        {
            tags.Add(DicomTelemetry.Attributes.ErrorType, error?.GetType().Name ?? "no-response");
        }
        DicomTelemetry.Operations.Add(1, tags);
        DicomTelemetry.OperationDuration.Record(Stopwatch.GetElapsedTime(_start).TotalSeconds, tags);
        if (_activity is not { } activity) return;
        activity.SetTag(DicomTelemetry.Attributes.SopClassUid, SopClass);
        activity.SetTag(DicomTelemetry.Attributes.SopClassName, DicomTelemetry.SopClassName(SopClass));
        if (status is { } final)
        {
            activity.SetTag(DicomTelemetry.Attributes.DimseStatus, final.ToString("X4"));
            activity.SetTag(DicomTelemetry.Attributes.DimseStatusClass, statusClass.ToString());
            if (statusClass == StatusClass.Failure) activity.SetStatus(ActivityStatusCode.Error, $"status {final:X4}H");
        }
        else
        {
            activity.SetTag(DicomTelemetry.Attributes.ErrorType, error?.GetType().Name ?? "no-response");
            activity.SetStatus(ActivityStatusCode.Error, error?.Message ?? "no final response");
        }
        activity.Stop();
    }
}
