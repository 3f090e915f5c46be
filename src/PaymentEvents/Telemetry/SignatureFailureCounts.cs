using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace PaymentEvents.Telemetry;

/// <summary>
/// Signature failures by reason since start, read from the receiver's own <c>paymentevents.receiver.signature_failures</c>
/// counter (a listener on this host's meter, not a second set of instruments).
/// </summary>
internal sealed class SignatureFailureCounts : IDisposable
{
    private const string InstrumentName = PaymentEventsMetrics.SignatureFailuresName;

    private readonly ConcurrentDictionary<string, long> _byReason = new(StringComparer.Ordinal);
    private readonly MeterListener _listener = new();

    public SignatureFailureCounts(IMeterFactory meterFactory)
    {
        // Only this host's meter: tests run several hosts in one process, each with its own factory.
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Name == InstrumentName && ReferenceEquals(instrument.Meter.Scope, meterFactory))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            var reason = "other";
            foreach (var tag in tags)
            {
                if (tag.Key == "reason" && tag.Value is string text)
                {
                    reason = text;
                }
            }

            _byReason.AddOrUpdate(reason, value, (_, n) => n + value);
        });
        _listener.Start();
    }

    public IReadOnlyList<KeyValuePair<string, long>> Snapshot() =>
        [.. _byReason.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal)];

    public void Dispose() => _listener.Dispose();
}
