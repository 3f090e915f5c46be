namespace PaymentEvents.Storage;

// CONTRACT: owned by the storage helper; the receiver, processor and admin API use it.
// Refinements over the skeleton: CompleteAsync/FailAsync return bool (false = lease lost, nothing changed),
// EventLease carries a LeaseToken (fencing), MigrateAsync/ListAsync/Replay semantics documented below.

/// <summary>
/// The durable inbox. Two engines implement it (SQLite, PostgreSQL) and one contract test suite
/// runs against both. Times come from the store's <see cref="TimeProvider"/>, never the database clock,
/// so tests drive leases and retries with a FakeTimeProvider.
/// </summary>
public interface IEventStore
{
    /// <summary>Creates or migrates the schema; idempotent, safe for several replicas at once.</summary>
    Task MigrateAsync(CancellationToken cancellationToken);

    /// <summary>True when the database answers a trivial query.</summary>
    Task<bool> IsHealthyAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Stores a verified event before it is acknowledged. A known id changes nothing and returns
    /// <see cref="InsertOutcome.Duplicate"/>. Throws <see cref="StorageUnavailableException"/> when
    /// the event could not be stored (the caller answers 503).
    /// </summary>
    Task<InsertOutcome> InsertAsync(NewEvent newEvent, CancellationToken cancellationToken);

    /// <summary>
    /// Leases up to <paramref name="max"/> due events (status received or failed with next attempt due,
    /// or processing with an expired lease). Per <c>object_id</c> only the earliest unfinished event
    /// (arrival order) is eligible, so one object's events run one at a time in order.
    /// </summary>
    Task<IReadOnlyList<EventLease>> ClaimAsync(string owner, int max, TimeSpan leaseDuration, CancellationToken cancellationToken);

    /// <summary>
    /// Extends a lease the owner still holds; false when it was lost (another worker claimed the event after
    /// the lease expired, or it was replayed). A lease that expired but was not taken over can still be renewed.
    /// </summary>
    Task<bool> RenewLeaseAsync(EventLease lease, TimeSpan leaseDuration, CancellationToken cancellationToken);

    /// <summary>Names of the handlers that already succeeded for this event (they never run again).</summary>
    Task<IReadOnlySet<string>> GetSucceededHandlersAsync(string eventId, CancellationToken cancellationToken);

    /// <summary>
    /// Records one handler attempt (success, or failure with its error). Once a handler succeeded for an event
    /// it stays succeeded (also across replays); <c>LastError</c> is the error of the most recent attempt.
    /// </summary>
    Task RecordHandlerAttemptAsync(string eventId, string handler, bool succeeded, string? errorMessage, CancellationToken cancellationToken);

    /// <summary>
    /// Finishes a leased event as <see cref="EventStatus.Processed"/> or <see cref="EventStatus.Ignored"/>.
    /// Fenced: false (and nothing changes) when <paramref name="lease"/> is no longer the current lease.
    /// </summary>
    Task<bool> CompleteAsync(EventLease lease, EventStatus status, CancellationToken cancellationToken);

    /// <summary>
    /// Releases a leased event after a failure: <see cref="EventStatus.Failed"/> until <paramref name="retryAt"/>,
    /// or <see cref="EventStatus.Dead"/> when it is null; the error is kept as <c>last_error</c>.
    /// Fenced: false (and nothing changes) when <paramref name="lease"/> is no longer the current lease.
    /// </summary>
    Task<bool> FailAsync(EventLease lease, string errorMessage, DateTimeOffset? retryAt, CancellationToken cancellationToken);

    /// <summary>The event with its per-handler attempts; null when unknown.</summary>
    Task<StoredEvent?> GetAsync(string id, CancellationToken cancellationToken);

    /// <summary>
    /// Newest first (arrival order, descending), filtered by type/status/object id; <see cref="EventQuery.Limit"/>
    /// is clamped to 1..500. Throws <see cref="ArgumentException"/> for a cursor this store did not produce.
    /// </summary>
    Task<EventPage> ListAsync(EventQuery query, CancellationToken cancellationToken);

    /// <summary>
    /// Queues one event again (status received, due now, attempt counter reset, lease cleared). False when unknown.
    /// Handler success records are KEPT: a handler that already succeeded for this event is not run again.
    /// An event that is <see cref="EventStatus.Processing"/> under a live lease is left alone (it is being worked on;
    /// replay it once it has finished); the call still returns true.
    /// </summary>
    Task<bool> ReplayAsync(string id, CancellationToken cancellationToken);

    /// <summary>
    /// Queues again every event with this status (and type, when given); returns how many. Same rules as
    /// <see cref="ReplayAsync"/>; <see cref="EventStatus.Processing"/> replays nothing and returns 0.
    /// </summary>
    Task<int> ReplayManyAsync(EventStatus status, string? type, CancellationToken cancellationToken);

    /// <summary>
    /// Counts by status and the age of the oldest unprocessed event (for metrics and the stats API).
    /// Stand-in on branch i8 (see coord/store-api.md "i8 requests"): the per-minute lists are empty here.
    /// </summary>
    Task<InboxStats> GetStatsAsync(CancellationToken cancellationToken);
}

/// <summary>
/// Inbox numbers at <c>AsOf</c> (the store's clock). <c>OldestUnprocessedAge</c>: AsOf minus received_at of the
/// oldest received/processing/failed event, null when there is none.
/// </summary>
public sealed record InboxStats(
    DateTimeOffset AsOf,
    IReadOnlyDictionary<EventStatus, long> CountsByStatus,
    IReadOnlyList<MinuteCount> DeliveriesPerMinute,
    IReadOnlyList<MinuteCount> FailuresPerMinute,
    TimeSpan? OldestUnprocessedAge,
    DateTimeOffset? LastReceivedAt);

/// <summary>A count in the UTC minute starting at <see cref="Minute"/>.</summary>
public sealed record MinuteCount(DateTimeOffset Minute, long Count);

/// <summary>Lifecycle of a stored event. Names (lower case) are part of the operator interface.</summary>
public enum EventStatus
{
    Received,
    Processing,
    Processed,
    Failed,
    Dead,
    Ignored,
}

/// <summary>A verified event to store. <paramref name="Payload"/> is the raw JSON body as received.</summary>
public sealed record NewEvent(string Id, string Type, string? ObjectId, bool? Livemode, string Payload, DateTimeOffset ReceivedAt);

public enum InsertOutcome
{
    Stored,
    Duplicate,
}

/// <summary>An event leased to one worker until <see cref="LeaseExpiresAt"/>.</summary>
public sealed record EventLease(
    string EventId,
    string Type,
    string? ObjectId,
    string Payload,
    int Attempt,
    string Owner,
    DateTimeOffset LeaseExpiresAt)
{
    /// <summary>
    /// Fencing token: grows by one on every claim of the event (never reset, not even by a replay). Renew, complete
    /// and fail only act when the stored token still equals this one, so a worker whose lease was taken over cannot
    /// overwrite the new owner's work, even when both use the same owner name.
    /// </summary>
    public long LeaseToken { get; init; }
}

/// <summary>Per-handler bookkeeping of one event.</summary>
public sealed record HandlerAttempts(string Handler, int Attempts, bool Succeeded, string? LastError, DateTimeOffset LastAttemptAt);

/// <summary>An event as the admin API shows it.</summary>
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
    IReadOnlyList<HandlerAttempts> Handlers);

/// <summary>Filter and page for listing. <see cref="Cursor"/> is opaque (from a previous page).</summary>
public sealed record EventQuery(string? Type = null, EventStatus? Status = null, string? ObjectId = null, int Limit = 50, string? Cursor = null);

public sealed record EventPage(IReadOnlyList<StoredEvent> Items, string? NextCursor);

/// <summary>The store could not take the write (database down, disk full, ...). The receiver answers 503.</summary>
public sealed class StorageUnavailableException : Exception
{
    public StorageUnavailableException()
    {
    }

    public StorageUnavailableException(string message)
        : base(message)
    {
    }

    public StorageUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
