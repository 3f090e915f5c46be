using System.Diagnostics.Metrics;
using PaymentEvents.Telemetry;

namespace PaymentEvents.Blocklet;

/// <summary>
/// The connector's instruments on the shared Meter <c>PaymentEvents</c>: <c>paymentevents.eventbus.events{outcome,reason}</c>
/// (stored, duplicate, own, rejected, lost), <c>paymentevents.eventbus.reconnects</c>,
/// <c>paymentevents.eventbus.heartbeats</c> (answered), <c>paymentevents.eventbus.heartbeat_timeouts</c>, <c>paymentevents.eventbus.join_failures</c> and the gauge
/// <c>paymentevents.eventbus.joined</c> (1 while joined).
/// </summary>
internal sealed class EventBusMetrics
{
    private readonly Counter<long> _events;
    private readonly Counter<long> _reconnects;
    private readonly Counter<long> _heartbeats;
    private readonly Counter<long> _heartbeatTimeouts;
    private readonly Counter<long> _joinFailures;

    public EventBusMetrics(PaymentEventsMetrics metrics, EventBusState state)
    {
        var meter = metrics.Meter;
        _events = meter.CreateCounter<long>("paymentevents.eventbus.events", unit: "{event}",
            description: "Events that arrived on the Blocklet event bus, by outcome (stored, duplicate, own, rejected with a reason, lost).");
        _reconnects = meter.CreateCounter<long>("paymentevents.eventbus.reconnects", unit: "{reconnect}",
            description: "Times the connector lost or failed a connection and tried again.");
        _heartbeats = meter.CreateCounter<long>("paymentevents.eventbus.heartbeats", unit: "{heartbeat}",
            description: "Heartbeats the event-bus server answered in time (the socket is alive).");
        _heartbeatTimeouts = meter.CreateCounter<long>("paymentevents.eventbus.heartbeat_timeouts", unit: "{timeout}",
            description: "Sockets given up because a heartbeat was not answered within one interval.");
        _joinFailures = meter.CreateCounter<long>("paymentevents.eventbus.join_failures", unit: "{join}",
            description: "Channel joins refused by the server or not answered in time.");
        meter.CreateObservableGauge("paymentevents.eventbus.joined", () => state.Current.Status == EventBusStatus.Joined ? 1 : 0, unit: "{connection}",
            description: "1 while the connector is joined to the app's event-bus channel.");
    }

    public void Event(string outcome, string? reason = null) =>
        _events.Add(1, new KeyValuePair<string, object?>("outcome", outcome), new KeyValuePair<string, object?>("reason", reason ?? string.Empty));

    public void Reconnect() => _reconnects.Add(1);

    public void HeartbeatAnswered() => _heartbeats.Add(1);

    public void HeartbeatTimeout() => _heartbeatTimeouts.Add(1);

    public void JoinFailure(string reason) => _joinFailures.Add(1, new KeyValuePair<string, object?>("reason", reason));
}
