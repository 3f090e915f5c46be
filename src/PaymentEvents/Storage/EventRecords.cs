using System.Text;

namespace PaymentEvents.Storage;

/// <summary>Lifecycle of a stored event. Names (lower case) are part of the operator interface.</summary>
public enum EventStatus
{
    /// <summary>Stored, not yet run (or queued again by a replay).</summary>
    Received,
    /// <summary>Claimed by a processor; its handlers are running.</summary>
    Processing,
    /// <summary>Every handler succeeded.</summary>
    Processed,
    /// <summary>A handler failed; it will be retried.</summary>
    Failed,
    /// <summary>A handler failed on every attempt; replay or resolve it.</summary>
    Dead,
    /// <summary>No handler covers its type.</summary>
    Ignored,

    /// <summary>A dead event an operator closed without running it.</summary>
    Resolved,
}

/// <summary>A verified event to store. <paramref name="Payload"/> is the body as received (UTF-8 bytes).</summary>
internal sealed record NewEvent(string Id, string Type, string? ObjectId, bool? Livemode, ReadOnlyMemory<byte> Payload, DateTimeOffset ReceivedAt)
{
    /// <summary>For tests and producers that hold text: the payload is stored as its UTF-8 bytes.</summary>
    public NewEvent(string id, string type, string? objectId, bool? livemode, string payload, DateTimeOffset receivedAt)
        : this(id, type, objectId, livemode, Encoding.UTF8.GetBytes(payload), receivedAt)
    {
    }

    /// <summary>
    /// W3C <c>traceparent</c> of the span that received the event (null when there was none); the processing span
    /// links to it, so a delivery's trace leads to the handler runs that happen later.
    /// </summary>
    public string? TraceParent { get; init; }
}

/// <summary>What storing an event did.</summary>
public enum InsertOutcome
{
    /// <summary>The event is new and now stored.</summary>
    Stored,
    /// <summary>An event with this id was already stored; nothing changed.</summary>
    Duplicate,
}

/// <summary>
/// An event leased to one worker until <see cref="LeaseExpiresAt"/>. <see cref="Attempt"/> counts the tries since
/// the event was stored or last replayed (it drives the retry budget).
/// </summary>
internal sealed record EventLease(
    string EventId,
    string Type,
    string? ObjectId,
    ReadOnlyMemory<byte> Payload,
    int Attempt,
    string Owner,
    DateTimeOffset LeaseExpiresAt)
{
    /// <summary>
    /// Fencing token: grows by one on every claim of the event (never reset, not even by a replay). Renew and finish
    /// only act when the stored token still equals this one, so a worker whose lease was taken over cannot
    /// overwrite the new owner's work, even when both use the same owner name.
    /// </summary>
    public long LeaseToken { get; init; }

    /// <summary>Handlers that already succeeded for this event (read with the claim; they are not run again).</summary>
    public IReadOnlySet<string> SucceededHandlers { get; init; } = EmptySet;

    /// <summary>W3C <c>traceparent</c> stored with the event (<see cref="NewEvent.TraceParent"/>); null when none.</summary>
    public string? TraceParent { get; init; }

    private static readonly IReadOnlySet<string> EmptySet = new HashSet<string>(StringComparer.Ordinal);
}

/// <summary>How one handler attempt ended.</summary>
public enum AttemptOutcome
{
    /// <summary>The handler returned.</summary>
    Succeeded,
    /// <summary>The handler threw.</summary>
    Failed,
}

/// <summary>One handler run the processor reports with the event's outcome.</summary>
internal sealed record HandlerRun(string Handler, DateTimeOffset StartedAt, TimeSpan Duration, bool Succeeded, string? Error);

/// <summary>
/// How a leased event ended: <see cref="EventStatus.Processed"/> or <see cref="EventStatus.Ignored"/>,
/// <see cref="EventStatus.Failed"/> (retry at <see cref="RetryAt"/>) or <see cref="EventStatus.Dead"/>, with the
/// handler runs of this attempt.
/// </summary>
internal sealed record EventCompletion(EventLease Lease, EventStatus Status, IReadOnlyList<HandlerRun> Runs, string? Error = null, DateTimeOffset? RetryAt = null)
{
    public static EventCompletion Processed(EventLease lease, IReadOnlyList<HandlerRun> runs) => new(lease, EventStatus.Processed, runs);

    public static EventCompletion Ignored(EventLease lease) => new(lease, EventStatus.Ignored, []);

    /// <summary>Failed until <paramref name="retryAt"/>, or dead when it is null.</summary>
    public static EventCompletion Failed(EventLease lease, IReadOnlyList<HandlerRun> runs, string error, DateTimeOffset? retryAt) =>
        new(lease, retryAt is null ? EventStatus.Dead : EventStatus.Failed, runs, error, retryAt);

    internal void Validate()
    {
        ArgumentNullException.ThrowIfNull(Lease);
        ArgumentNullException.ThrowIfNull(Runs);
        switch (Status)
        {
            case EventStatus.Processed or EventStatus.Ignored:
                return;
            case EventStatus.Failed when RetryAt is not null && Error is not null:
                return;
            case EventStatus.Dead when RetryAt is null && Error is not null:
                return;
            default:
                throw new ArgumentOutOfRangeException(nameof(Status), Status,
                    "An event finishes as processed or ignored, failed with an error and a retry time, or dead with an error.");
        }
    }
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

/// <summary>Filter and page for listing. <see cref="Cursor"/> is opaque (from a previous page).</summary>
internal sealed record EventQuery(string? Type = null, EventStatus? Status = null, string? ObjectId = null, int Limit = 50, string? Cursor = null)
{
    /// <summary>received_at at or after this.</summary>
    public DateTimeOffset? ReceivedAfter { get; init; }

    /// <summary>received_at strictly before this.</summary>
    public DateTimeOffset? ReceivedBefore { get; init; }

    public bool? Livemode { get; init; }

    /// <summary>Events with at least one attempt by this handler.</summary>
    public string? Handler { get; init; }

    /// <summary>Id search: the id starts with this (the whole id matches too).</summary>
    public string? IdPrefix { get; init; }
}

internal sealed record EventPage(IReadOnlyList<StoredEvent> Items, string? NextCursor);

internal enum ResolveOutcome
{
    Resolved,
    NotFound,

    /// <summary>The event exists but is not dead (also: already resolved).</summary>
    NotDead,
}

/// <summary>A count in one UTC minute; <see cref="Minute"/> is the minute's start.</summary>
public sealed record MinuteCount(DateTimeOffset Minute, long Count);

/// <summary>
/// The dashboard overview, as of <see cref="AsOf"/>. <see cref="CountsByStatus"/> has every status as a key (0 when
/// none). <see cref="DeliveriesPerMinute"/>: events stored per minute (by received_at), 60 entries, oldest first, the
/// last the current minute; <see cref="FailuresPerMinute"/>: failed handler attempts per minute (by started_at), same
/// shape. <see cref="OldestUnprocessedAge"/>: age of the oldest received/processing/failed event (null when none).
/// <see cref="LastReceivedAt"/>: the newest received_at (null on an empty store).
/// </summary>
public sealed record InboxStats(
    DateTimeOffset AsOf,
    IReadOnlyDictionary<EventStatus, long> CountsByStatus,
    IReadOnlyList<MinuteCount> DeliveriesPerMinute,
    IReadOnlyList<MinuteCount> FailuresPerMinute,
    TimeSpan? OldestUnprocessedAge,
    DateTimeOffset? LastReceivedAt);

/// <summary>The store could not take the write (database down, disk full, ...). The receiver answers 503.</summary>
public sealed class StorageUnavailableException : Exception
{
    /// <summary>Creates the exception.</summary>
    public StorageUnavailableException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public StorageUnavailableException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the store error behind it.</summary>
    public StorageUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>
    /// What to fix when no retry can cure the error (no such database, wrong password, no permission), as the engine
    /// recognises it; null for errors that may pass (server starting, network).
    /// </summary>
    public string? PermanentReason { get; init; }

    /// <summary>
    /// For a write given up at the caller's deadline while it was already being committed: completes when that commit
    /// has ended (either way), after which the write no longer reads its input (the payload memory). Null otherwise.
    /// </summary>
    internal Task? InFlightWrite { get; init; }
}
