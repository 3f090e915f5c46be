namespace PaymentEvents.Storage;

internal abstract partial class EventStore : IEventAdmin
{
    // Attempts and handler successes are deliberately left alone: a handler that succeeded never runs again, and
    // the counts stay true. An event in flight under a live lease is skipped; its worker finishes it.
    private static string ReplaySql(string filter) => $"""
        UPDATE payment_events
        SET status = 'received', next_attempt_at = @now, attempts_since_replay = 0,
            lease_owner = NULL, lease_expires_at = NULL, updated_at = @now
        WHERE {filter} AND NOT (status = 'processing' AND lease_expires_at > @now)
        """;

    public Task<bool> ReplayAsync(string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(id);
        return WriteAsync("replay an event", async (connection, transaction) =>
        {
            await NonQueryAsync(connection, transaction, ReplaySql("id = @id"), ("id", id), ("now", Now()));
            return await ScalarAsync(connection, transaction, "SELECT 1 FROM payment_events WHERE id = @id", ("id", id)) is not null;
        }, cancellationToken);
    }

    public Task<int> ReplayManyAsync(EventStatus status, string? type, CancellationToken cancellationToken)
    {
        if (status == EventStatus.Processing)
        {
            return Task.FromResult(0);
        }

        var filter = type is null ? "status = @status" : "status = @status AND type = @type";
        return WriteAsync("replay events", (connection, transaction) => NonQueryAsync(connection, transaction, ReplaySql(filter),
            ("status", EventStatusText.ToText(status)), ("type", type), ("now", Now())), cancellationToken);
    }

    public Task<ResolveOutcome> ResolveAsync(string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(id);
        return WriteAsync("resolve an event", async (connection, transaction) =>
        {
            var rows = await NonQueryAsync(connection, transaction,
                "UPDATE payment_events SET status = 'resolved', next_attempt_at = NULL, updated_at = @now WHERE id = @id AND status = 'dead'",
                ("id", id), ("now", Now()));
            if (rows == 1)
            {
                return ResolveOutcome.Resolved;
            }

            return await ScalarAsync(connection, transaction, "SELECT 1 FROM payment_events WHERE id = @id", ("id", id)) is null
                ? ResolveOutcome.NotFound
                : ResolveOutcome.NotDead;
        }, cancellationToken);
    }

    public Task<int> PurgeAsync(DateTimeOffset receivedBefore, int max, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 1);
        // Attempts go with their event (ON DELETE CASCADE). Dead and unfinished events are never purged.
        return WriteAsync("purge old events", (connection, transaction) => NonQueryAsync(connection, transaction, """
            DELETE FROM payment_events WHERE seq IN (
                SELECT seq FROM payment_events
                WHERE status IN ('processed', 'ignored', 'resolved') AND received_at < @before
                ORDER BY seq LIMIT @max)
            """, ("before", ToDb(receivedBefore)), ("max", max)), cancellationToken);
    }
}
