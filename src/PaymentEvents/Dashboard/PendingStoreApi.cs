// TEMPORARY: the store API that branch i9 publishes (coord/store-api.md), stubbed so the dashboard compiles before
// the merge. Deleted by the merge of i9.
#pragma warning disable
namespace PaymentEvents.Storage;

public sealed record AttemptRecord(string EventId, string Handler, int Attempt, DateTimeOffset StartedAt, TimeSpan Duration, AttemptOutcome Outcome, string? Error);

public enum AttemptOutcome { Succeeded, Failed }

public enum ResolveOutcome { Resolved, NotFound, NotDead }

public sealed record InboxStats(
    DateTimeOffset AsOf,
    IReadOnlyDictionary<EventStatus, long> CountsByStatus,
    IReadOnlyList<MinuteCount> DeliveriesPerMinute,
    IReadOnlyList<MinuteCount> FailuresPerMinute,
    TimeSpan? OldestUnprocessedAge,
    DateTimeOffset? LastReceivedAt);

public sealed record MinuteCount(DateTimeOffset Minute, long Count);

public static class PendingStoreApi
{
    extension(StoredEvent e)
    {
        public IReadOnlyList<AttemptRecord> History => [];
    }

    extension(EventQuery q)
    {
        public bool? Livemode { get => null; set { } }
        public DateTimeOffset? ReceivedAfter { get => null; set { } }
        public DateTimeOffset? ReceivedBefore { get => null; set { } }
        public string? IdPrefix { get => null; set { } }
    }

    extension(IEventStore store)
    {
        public Task<InboxStats> GetStatsAsync(CancellationToken ct) => Task.FromResult(new InboxStats(DateTimeOffset.UnixEpoch, new Dictionary<EventStatus, long>(), [], [], null, null));
        public Task<ResolveOutcome> ResolveAsync(string id, CancellationToken ct) => Task.FromResult(ResolveOutcome.NotFound);
    }
}
