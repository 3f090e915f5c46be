namespace PaymentEvents.Storage;

internal abstract partial class EventStore : IEventLeases
{
    // Fencing: the stored lease must still be the caller's (same owner and token, still processing).
    private const string Fence = "id = @id AND status = 'processing' AND lease_owner = @owner AND lease_token = @token";

    public Task<bool> RenewLeaseAsync(EventLease lease, TimeSpan leaseDuration, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lease);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(leaseDuration, TimeSpan.Zero);
        return WriteAsync("renew a lease", async (connection, transaction) =>
        {
            var rows = await NonQueryAsync(connection, transaction,
                $"UPDATE payment_events SET lease_expires_at = @expires, updated_at = @now WHERE {Fence}",
                [.. FenceValues(lease), ("now", Now()), ("expires", ToDb(Time.GetUtcNow() + leaseDuration))]);
            return LeaseHeld(lease, rows, "renew its lease");
        }, cancellationToken);
    }

    private static (string Name, object? Value)[] FenceValues(EventLease lease) =>
        [("id", lease.EventId), ("owner", lease.Owner), ("token", lease.LeaseToken)];

    /// <summary>True when the fenced write changed the row; logs the lost lease otherwise.</summary>
    protected bool LeaseHeld(EventLease lease, int rows, string operation)
    {
        if (rows == 0)
        {
            Logger.LeaseLost(lease.EventId, lease.Owner, lease.LeaseToken, operation);
        }

        return rows == 1;
    }

    public Task<IReadOnlyList<string>> GetLeaseOwnersAsync(CancellationToken cancellationToken) =>
        RunAsync("read lease owners", async connection =>
        {
            var owners = new List<string>();
            await using var command = Command(connection, null,
                "SELECT DISTINCT lease_owner FROM payment_events WHERE status = 'processing' AND lease_owner IS NOT NULL");
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                owners.Add(reader.GetString(0));
            }

            return (IReadOnlyList<string>)owners;
        }, cancellationToken);

    public Task<int> ExpireLeasesAsync(string owner, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(owner);
        return WriteAsync("release leases", (connection, transaction) => NonQueryAsync(connection, transaction,
            "UPDATE payment_events SET lease_expires_at = @now, updated_at = @now WHERE status = 'processing' AND lease_owner = @owner",
            ("owner", owner), ("now", Now())), cancellationToken);
    }

    public Task<IReadOnlySet<string>> GetSucceededHandlersAsync(string eventId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(eventId);
        return RunAsync("read handler results", async connection =>
        {
            var set = new HashSet<string>(StringComparer.Ordinal);
            await using var command = Command(connection, null,
                "SELECT DISTINCT handler FROM payment_event_attempts WHERE event_id = @id AND outcome = 'succeeded'", ("id", eventId));
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                set.Add(reader.GetString(0));
            }

            return (IReadOnlySet<string>)set;
        }, cancellationToken);
    }
}
