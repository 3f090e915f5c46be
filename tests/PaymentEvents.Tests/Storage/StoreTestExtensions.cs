using PaymentEvents.Storage;

namespace PaymentEvents.Tests.Storage;

/// <summary>Short forms of <see cref="IEventLeases.FinishAsync"/> for tests that need no handler runs.</summary>
internal static class StoreTestExtensions
{
    public static Task<bool> CompleteAsync(this IEventStore store, EventLease lease, EventStatus status, CancellationToken cancellationToken) =>
        store.FinishAsync(new EventCompletion(lease, status, []), cancellationToken);

    public static Task<bool> FailAsync(this IEventStore store, EventLease lease, string error, DateTimeOffset? retryAt, CancellationToken cancellationToken) =>
        store.FinishAsync(EventCompletion.Failed(lease, [], error, retryAt), cancellationToken);

    public static HandlerRun Run(string handler, DateTimeOffset startedAt, string? error = null) =>
        new(handler, startedAt, TimeSpan.FromMilliseconds(12.5), error is null, error);
}
