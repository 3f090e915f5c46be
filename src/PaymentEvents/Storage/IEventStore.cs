namespace PaymentEvents.Storage;

/// <summary>
/// The durable inbox. <see cref="EventStore"/> implements it once for every engine; the SQLite and PostgreSQL stores
/// override only what differs, and one contract test suite runs against both. Times come from the store's
/// <see cref="TimeProvider"/>, never the database clock, so tests drive leases and retries with a FakeTimeProvider.
/// </summary>
internal interface IEventStore
{
    /// <summary>Creates or migrates the schema; idempotent, safe for several replicas at once.</summary>
    Task MigrateAsync(CancellationToken cancellationToken);

    /// <summary>True when the database answers a trivial query.</summary>
    Task<bool> IsHealthyAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Stores a verified event before it is acknowledged; concurrent inserts share one commit (group commit), and the
    /// task completes after the commit that holds the row. A known id changes nothing and returns
    /// <see cref="InsertOutcome.Duplicate"/>. Throws <see cref="StorageUnavailableException"/> when the event could not
    /// be stored (the caller answers 503). The payload memory is not used after the task completes.
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

    /// <summary>
    /// Writes the outcome of one leased event and its handler attempts in one transaction; completions that arrive
    /// together share a commit. Fenced: false, and nothing written (neither the status nor the attempts), when
    /// the lease is no longer the current one.
    /// </summary>
    Task<bool> FinishAsync(EventCompletion completion, CancellationToken cancellationToken);

    /// <summary>Lease owners that hold events in <c>processing</c> right now (live or expired leases).</summary>
    Task<IReadOnlyList<string>> GetLeaseOwnersAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Ends every lease of <paramref name="owner"/> now, so its events are claimable at once (a restarted instance
    /// releasing what its dead predecessor held). Returns how many events it released.
    /// </summary>
    Task<int> ExpireLeasesAsync(string owner, CancellationToken cancellationToken);

    /// <summary>Names of the handlers that already succeeded for this event (they never run again).</summary>
    Task<IReadOnlySet<string>> GetSucceededHandlersAsync(string eventId, CancellationToken cancellationToken);

    /// <summary>The event with its per-handler summary and its full attempt history; null when unknown.</summary>
    Task<StoredEvent?> GetAsync(string id, CancellationToken cancellationToken);

    /// <summary>
    /// Newest first (arrival order, descending), filtered as <see cref="EventQuery"/> says; <see cref="EventQuery.Limit"/>
    /// is clamped to 1..500. Items carry their handler summary but not their history. Throws
    /// <see cref="ArgumentException"/> for a cursor this store did not produce.
    /// </summary>
    Task<EventPage> ListAsync(EventQuery query, CancellationToken cancellationToken);

    /// <summary>
    /// Queues one event again (status received, due now, retry budget reset, lease cleared). False when unknown.
    /// The attempt history and handler successes are KEPT: a handler that already succeeded is not run again, and
    /// <see cref="StoredEvent.Attempts"/> keeps counting. An event under a live lease is left alone (it is being
    /// worked on); the call still returns true.
    /// </summary>
    Task<bool> ReplayAsync(string id, CancellationToken cancellationToken);

    /// <summary>
    /// Queues again every event with this status (and type, when given); returns how many. Same rules as
    /// <see cref="ReplayAsync"/>; <see cref="EventStatus.Processing"/> replays nothing and returns 0.
    /// </summary>
    Task<int> ReplayManyAsync(EventStatus status, string? type, CancellationToken cancellationToken);

    /// <summary>Marks a dead event <see cref="EventStatus.Resolved"/> without running it.</summary>
    Task<ResolveOutcome> ResolveAsync(string id, CancellationToken cancellationToken);

    /// <summary>What the dashboard overview shows: counts, per-minute rates over the last hour, backlog age.</summary>
    Task<InboxStats> GetStatsAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Deletes up to <paramref name="max"/> processed, ignored or resolved events received before
    /// <paramref name="receivedBefore"/>, with their attempts, in one short transaction; returns how many.
    /// </summary>
    Task<int> PurgeAsync(DateTimeOffset receivedBefore, int max, CancellationToken cancellationToken);
}
