namespace PaymentEvents.Blocklet;

/// <summary>What the connector is doing, for /readyz, metrics and tests. Thread-safe; readers get a snapshot.</summary>
internal sealed class EventBusState
{
    private readonly Lock _gate = new();
    private EventBusSnapshot _current = new(EventBusStatus.Disabled, null, null, null, null, null, null, 0, 0, 0, 0, null, null);

    public EventBusSnapshot Current
    {
        get
        {
            lock (_gate)
            {
                return _current;
            }
        }
    }

    internal void Update(Func<EventBusSnapshot, EventBusSnapshot> change)
    {
        lock (_gate)
        {
            _current = change(_current);
        }
    }
}

internal enum EventBusStatus
{
    Disabled,
    Connecting,
    Connected,
    Joined,
    Reconnecting,
    Stopped,
}

/// <summary>
/// One moment of the connector: status, the endpoint (never the token), the channel, when it connected and joined,
/// the last event, counters since start, and the last error with the next attempt time while reconnecting.
/// </summary>
internal sealed record EventBusSnapshot(
    EventBusStatus Status,
    string? Url,
    string? Topic,
    DateTimeOffset? ConnectedAt,
    DateTimeOffset? JoinedAt,
    DateTimeOffset? LastEventAt,
    string? LastEventId,
    long Reconnects,
    long EventsStored,
    long EventsDuplicate,
    long EventsRejected,
    string? LastError,
    DateTimeOffset? NextAttemptAt)
{
    public string StatusName => Status switch
    {
        EventBusStatus.Disabled => "disabled",
        EventBusStatus.Connecting => "connecting",
        EventBusStatus.Connected => "connected",
        EventBusStatus.Joined => "joined",
        EventBusStatus.Reconnecting => "reconnecting",
        _ => "stopped",
    };
}
