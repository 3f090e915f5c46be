namespace PaymentEvents.Storage;

/// <summary>The processor's side: claim due events under a lease, renew, finish (fenced), and hand back a dead predecessor's leases.</summary>
internal interface IEventLeases
{
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
}
