namespace PaymentEvents.Storage;

/// <summary>The read side (admin API, dashboard, metrics, the testing kit): one event, a filtered page, the overview. Never writes.</summary>
internal interface IEventQueries
{
    /// <summary>The event with its per-handler summary and its full attempt history; null when unknown.</summary>
    Task<StoredEvent?> GetAsync(string id, CancellationToken cancellationToken);

    /// <summary>
    /// Newest first (arrival order, descending), filtered as <see cref="EventQuery"/> says; <see cref="EventQuery.Limit"/>
    /// is clamped to 1..500. Items carry their handler summary but not their history. Throws
    /// <see cref="ArgumentException"/> for a cursor this store did not produce.
    /// </summary>
    Task<EventPage> ListAsync(EventQuery query, CancellationToken cancellationToken);

    /// <summary>What the dashboard overview shows: counts, per-minute rates over the last hour, backlog age.</summary>
    Task<InboxStats> GetStatsAsync(CancellationToken cancellationToken);
}
