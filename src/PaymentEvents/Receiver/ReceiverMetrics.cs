using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace PaymentEvents.Receiver;

/// <summary>
/// The callback's instruments on the shared Meter <c>PaymentEvents</c>; exported as
/// <c>paymentevents_deliveries_total{outcome,reason}</c>, <c>paymentevents_signature_failures_total{reason}</c>
/// and <c>paymentevents_delivery_duration_seconds{outcome}</c>.
/// </summary>
internal sealed class ReceiverMetrics
{
    public const string MeterName = "PaymentEvents";

    private readonly Counter<long> _deliveries;
    private readonly Counter<long> _signatureFailures;
    private readonly Histogram<double> _duration;

    public ReceiverMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _deliveries = meter.CreateCounter<long>(
            "paymentevents.deliveries",
            unit: "{delivery}",
            description: "Webhook deliveries by outcome (stored, duplicate, rejected with a reason, unavailable).");
        _signatureFailures = meter.CreateCounter<long>(
            "paymentevents.signature_failures",
            unit: "{delivery}",
            description: "Deliveries refused with 401 because the signature did not verify, by reason.");
        _duration = meter.CreateHistogram<double>(
            "paymentevents.delivery.duration",
            unit: "s",
            description: "Time from request start to acknowledgement of a webhook delivery.");
    }

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
        _duration.Record(elapsed.TotalSeconds, new KeyValuePair<string, object?>("outcome", outcomeName));
    }

    public void SignatureFailure(string reason) =>
        _signatureFailures.Add(1, new KeyValuePair<string, object?>("reason", reason));
}

internal enum DeliveryOutcome
{
    Stored,
    Duplicate,
    Rejected,
    Unavailable,
}
