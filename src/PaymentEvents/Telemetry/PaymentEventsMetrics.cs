using System.Diagnostics;
using System.Diagnostics.Metrics;
using PaymentEvents.Registration;
using PaymentEvents.Storage;

namespace PaymentEvents.Telemetry;

/// <summary>
/// Every PaymentEvents instrument, on the Meter <c>PaymentEvents</c> of the host's <see cref="IMeterFactory"/>
/// (OpenTelemetry exports it on <c>/metrics</c> and over OTLP). Names follow the OpenTelemetry conventions:
/// <c>paymentevents.&lt;area&gt;.&lt;thing&gt;</c>, a unit on each, durations in seconds. The Prometheus names are
/// these with dots as underscores plus the unit suffix (<c>paymentevents_receiver_deliveries_total</c>,
/// <c>paymentevents_receiver_duration_seconds</c>, <c>paymentevents_inbox_oldest_unprocessed_age_seconds</c>).
/// </summary>
internal sealed class PaymentEventsMetrics
{
    /// <summary>The 401s by reason (the dashboard's overview reads this instrument).</summary>
    public const string SignatureFailuresName = "paymentevents.receiver.signature_failures";

    // Acknowledgement: an fsync'd insert, milliseconds; handlers: anything up to minutes.
    private static readonly double[] ReceiveBuckets = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];
    private static readonly double[] HandlerBuckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300];

    private readonly Counter<long> _deliveries;
    private readonly Counter<long> _signatureFailures;
    private readonly Histogram<double> _receiveDuration;
    private readonly Counter<long> _eventsFinished;
    private readonly Counter<long> _handlerFailures;
    private readonly Counter<long> _eventsDead;
    private readonly Histogram<double> _handlerDuration;
    private readonly Counter<long> _adminAuthFailures;

    public PaymentEventsMetrics(IMeterFactory meterFactory, InboxStatsCache inbox, RegistrationState registration)
    {
        // The instance tag keeps hosts in one process apart: OpenTelemetry listens to every meter of this name,
        // and two meters with one identity would share (and on dispose, lose) one stream.
        var meter = Meter = meterFactory.Create(new MeterOptions(ApplicationTelemetry.MeterName)
        {
            Tags = [new("service.instance.id", Guid.NewGuid().ToString("N"))],
        });

        _deliveries = meter.CreateCounter<long>("paymentevents.receiver.deliveries", "{delivery}",
            "Webhook deliveries by outcome (stored, duplicate, rejected with a reason, unavailable).");
        _signatureFailures = meter.CreateCounter<long>(SignatureFailuresName, "{delivery}",
            "Deliveries refused with 401 because the signature did not verify, by reason.");
        _receiveDuration = meter.CreateHistogram("paymentevents.receiver.duration", "s",
            "Time from request start to the answer of a webhook delivery, by outcome.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = ReceiveBuckets });

        _eventsFinished = meter.CreateCounter<long>("paymentevents.processing.events", "{event}",
            "Events that finished processing, by final status (processed or ignored).");
        _handlerFailures = meter.CreateCounter<long>("paymentevents.processing.handler_failures", "{attempt}",
            "Handler attempts that threw, by handler.");
        _eventsDead = meter.CreateCounter<long>("paymentevents.processing.dead_events", "{event}",
            "Events given up on (attempts exhausted or payload unreadable); replay revives them.");
        _handlerDuration = meter.CreateHistogram("paymentevents.processing.handler.duration", "s",
            "Time one handler took for one event, by handler and outcome.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = HandlerBuckets });

        _adminAuthFailures = meter.CreateCounter<long>("paymentevents.admin.auth_failures", "{request}",
            "Admin API and dashboard sign-in requests refused for a missing or wrong key (outcome unauthorized), or because the client used up Admin:AuthFailuresPerMinute (outcome rate_limited).");

        // What an alert needs: work piling up (dead > 0, received growing) and work stuck (oldest age).
        meter.CreateObservableGauge("paymentevents.inbox.events", () => InboxCounts(inbox), "{event}",
            "Events in the inbox by status.");
        meter.CreateObservableGauge("paymentevents.inbox.oldest_unprocessed.age", () => OldestAge(inbox), "s",
            "Age of the oldest event not yet processed (received, processing or failed); 0 when there is none.");
        meter.CreateObservableGauge("paymentevents.registration.status", () => RegistrationStatus(registration), "{status}",
            "1 for the current webhook registration status (pending, registered, failed, disabled), 0 for the others.");
    }

    /// <summary>
    /// The one <c>PaymentEvents</c> meter of this host; features with instruments of their own (the event bus) create
    /// them here, so every series carries the same instance tag.
    /// </summary>
    public Meter Meter { get; }

    public void AdminAuthFailure(string outcome) =>
        _adminAuthFailures.Add(1, new KeyValuePair<string, object?>("outcome", outcome));

    public void Delivery(DeliveryOutcome outcome, string? reason, TimeSpan elapsed)
    {
        var outcomeName = outcome switch
        {
            DeliveryOutcome.Stored => "stored",
            DeliveryOutcome.Duplicate => "duplicate",
            DeliveryOutcome.Rejected => "rejected",
            _ => "unavailable",
        };
        var tags = new TagList { { "outcome", outcomeName }, { "reason", reason ?? string.Empty } };
        _deliveries.Add(1, tags);
        _receiveDuration.Record(elapsed.TotalSeconds, new KeyValuePair<string, object?>("outcome", outcomeName));
    }

    public void SignatureFailure(string reason) =>
        _signatureFailures.Add(1, new KeyValuePair<string, object?>("reason", reason));

    public void EventFinished(string status) =>
        _eventsFinished.Add(1, new KeyValuePair<string, object?>("status", status));

    public void HandlerFailed(string handler) =>
        _handlerFailures.Add(1, new KeyValuePair<string, object?>("handler", handler));

    public void EventDead() => _eventsDead.Add(1);

    public void HandlerRan(string handler, bool succeeded, TimeSpan duration)
    {
        var tags = new TagList
        {
            { "handler", handler },
            { "outcome", succeeded ? "success" : "failure" },
        };
        _handlerDuration.Record(duration.TotalSeconds, tags);
    }

    private static IEnumerable<Measurement<long>> InboxCounts(InboxStatsCache inbox) =>
        inbox.Current() is { } stats
            ? stats.CountsByStatus.Select(c => new Measurement<long>(c.Value, new KeyValuePair<string, object?>("status", EventStatusText.ToText(c.Key))))
            : [];

    private static IEnumerable<Measurement<double>> OldestAge(InboxStatsCache inbox) =>
        inbox.Current() is { } stats ? [new Measurement<double>(stats.OldestUnprocessedAge?.TotalSeconds ?? 0)] : [];

    private static IEnumerable<Measurement<int>> RegistrationStatus(RegistrationState registration)
    {
        var current = registration.Current.Status;
        return Enum.GetValues<RegistrationStatus>().Select(s => new Measurement<int>(
            s == current ? 1 : 0, new KeyValuePair<string, object?>("status", s.ToString().ToLowerInvariant())));
    }
}

internal enum DeliveryOutcome
{
    Stored,
    Duplicate,
    Rejected,
    Unavailable,
}
