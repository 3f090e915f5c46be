namespace PaymentEvents.Storage;

/// <summary>
/// An event as the admin API shows it. <see cref="Attempts"/> counts processing attempts (claims) since the event was
/// stored, never reset (not by a replay either); <see cref="Payload"/> is the body exactly as received (stored as
/// its UTF-8 bytes).
/// </summary>
public sealed record StoredEvent(
    string Id,
    string Type,
    string? ObjectId,
    bool? Livemode,
    EventStatus Status,
    DateTimeOffset ReceivedAt,
    DateTimeOffset UpdatedAt,
    int Attempts,
    DateTimeOffset? NextAttemptAt,
    string? LastError,
    string Payload,
    IReadOnlyList<HandlerAttempts> Handlers)
{
    /// <summary>Every attempt, oldest first; filled by <see cref="IEventQueries.GetAsync"/> only.</summary>
    public IReadOnlyList<AttemptRecord> History { get; init; } = [];
}

/// <summary>Per-handler summary of one event, derived from its attempts (true across replays).</summary>
public sealed record HandlerAttempts(string Handler, int Attempts, bool Succeeded, string? LastError, DateTimeOffset LastAttemptAt);

/// <summary>One run of one handler for one event; <see cref="Attempt"/> is 1, 2, 3... per (event, handler), never reset by a replay.</summary>
public sealed record AttemptRecord(
    string EventId,
    string Handler,
    int Attempt,
    DateTimeOffset StartedAt,
    TimeSpan Duration,
    AttemptOutcome Outcome,
    string? Error);

/// <summary>How one handler attempt ended.</summary>
public enum AttemptOutcome
{
    /// <summary>The handler returned.</summary>
    Succeeded,
    /// <summary>The handler threw.</summary>
    Failed,
}
