using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace PaymentEvents.Blocklet;

/// <summary>
/// The connector's state in the readiness body (check <c>eventbus</c>, tag <c>ready</c>). A bus that is down is
/// <see cref="HealthStatus.Degraded"/>, never unhealthy: webhooks still deliver every event, so the service stays ready.
/// </summary>
internal sealed class BlockletEventBusHealthCheck(EventBusState state) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var s = state.Current;
        var data = new Dictionary<string, object>
        {
            ["status"] = s.StatusName,
            ["connected"] = s.Status is EventBusStatus.Connected or EventBusStatus.Joined,
            ["joined"] = s.Status == EventBusStatus.Joined,
            ["reconnects"] = s.Reconnects,
            ["events_stored"] = s.EventsStored,
            ["events_duplicate"] = s.EventsDuplicate,
            ["events_rejected"] = s.EventsRejected,
        };
        Add(data, "url", s.Url);
        Add(data, "topic", s.Topic);
        Add(data, "connected_at", s.ConnectedAt);
        Add(data, "joined_at", s.JoinedAt);
        Add(data, "last_event_at", s.LastEventAt);
        Add(data, "last_event_id", s.LastEventId);
        Add(data, "last_error", s.LastError);
        Add(data, "next_attempt_at", s.NextAttemptAt);

        var result = s.Status switch
        {
            EventBusStatus.Disabled => HealthCheckResult.Healthy("The event bus connector is disabled (EventBus:Enabled).", data),
            EventBusStatus.Joined => HealthCheckResult.Healthy("Joined the event bus channel.", data),
            _ => HealthCheckResult.Degraded($"Not joined to the event bus ({s.StatusName}); webhooks still deliver every event.", data: data),
        };
        return Task.FromResult(result);
    }

    private static void Add(Dictionary<string, object> data, string key, object? value)
    {
        if (value is not null)
        {
            data[key] = value;
        }
    }
}
