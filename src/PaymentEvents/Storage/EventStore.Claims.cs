using System.Data.Common;

namespace PaymentEvents.Storage;

internal abstract partial class EventStore : IEventLeases
{
    /// <summary>
    /// The <c>seq</c> of up to <c>@max</c> due events, in arrival order. Due = received, failed whose retry time came,
    /// or processing whose lease expired (a dead worker). Per object only the earliest unfinished event may run, and
    /// none while another event of the object holds a live lease (a replayed older event must wait for the one in
    /// flight). Each engine wraps it in its own claiming UPDATE (<see cref="ClaimDueAsync"/>).
    /// <para>
    /// Due-ness is a CASE, not an OR of status tests: profiled under load on PostgreSQL, the OR made the planner OR
    /// together bitmap scans of the status index, whose entries for every row that has since moved on stay until a
    /// vacuum, so a claim read ~40,000 dead entries (6-20 ms, under the claim lock that inserts wait for). With only
    /// <c>status IN (...)</c> indexable, the claim walks the partial index <c>ix_payment_events_unfinished</c> in
    /// <c>seq</c> order and stops at <c>@max</c>; a plain index scan also marks the dead entries it meets, so the next
    /// claim skips them (0.2 ms).
    /// </para>
    /// </summary>
    protected const string DueEventsSql = $"""
        SELECT e.seq FROM payment_events e
        WHERE e.status IN {Unfinished}
          AND CASE e.status WHEN 'received' THEN 1 = 1
                            WHEN 'failed' THEN e.next_attempt_at <= @now
                            ELSE e.lease_expires_at <= @now END
          AND (e.object_id IS NULL OR NOT EXISTS (
               SELECT 1 FROM payment_events p
               WHERE p.object_id = e.object_id AND p.seq <> e.seq
                 AND p.status IN {Unfinished}
                 AND (p.seq < e.seq OR (p.status = 'processing' AND p.lease_expires_at > @now))))
        ORDER BY e.seq
        LIMIT @max
        """;

    /// <summary>The SET list of a claim (parameters <c>@owner, @expires, @now</c>).</summary>
    protected const string ClaimAssignments = """
        status = 'processing', lease_owner = @owner, lease_expires_at = @expires,
        attempts = attempts + 1, attempts_since_replay = attempts_since_replay + 1,
        lease_token = lease_token + 1, updated_at = @now
        """;

    /// <summary>What a claim returns; read by <see cref="ReadLeasesAsync"/>.</summary>
    protected const string ClaimReturning = "seq, id, type, object_id, payload, attempts_since_replay, lease_token, attempts, trace_parent";

    /// <summary>Leases the due events (<see cref="DueEventsSql"/>) with the engine's locking; arrival order.</summary>
    protected abstract Task<List<(EventLease Lease, int TotalAttempts)>> ClaimDueAsync(
        string owner, int max, DateTimeOffset now, DateTimeOffset expires, CancellationToken cancellationToken);

    public async Task<IReadOnlyList<EventLease>> ClaimAsync(string owner, int max, TimeSpan leaseDuration, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(owner);
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(leaseDuration, TimeSpan.Zero);
        var now = ToMicroseconds(Time.GetUtcNow());
        var claimed = await ClaimDueAsync(owner, max, now, ToMicroseconds(now + leaseDuration), cancellationToken);

        // An event claimed for the first time has no attempts yet: only tried-before events need their successes.
        var again = claimed.Where(c => c.TotalAttempts > 1).Select(c => c.Lease.EventId).ToList();
        if (again.Count == 0)
        {
            return [.. claimed.Select(c => c.Lease)];
        }

        var succeeded = await RunAsync("read handler results", async connection =>
        {
            var (condition, parameters) = EventIdIn(again);
            var map = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
            await using var command = Command(connection, null,
                $"SELECT event_id, handler FROM payment_event_attempts WHERE outcome = 'succeeded' AND {condition}", parameters);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var id = reader.GetString(0);
                if (!map.TryGetValue(id, out var set))
                {
                    map[id] = set = new HashSet<string>(StringComparer.Ordinal);
                }

                set.Add(reader.GetString(1));
            }

            return map;
        }, cancellationToken);
        return [.. claimed.Select(c => succeeded.TryGetValue(c.Lease.EventId, out var set) ? c.Lease with { SucceededHandlers = set } : c.Lease)];
    }

    /// <summary>Rows of a claim's RETURNING <see cref="ClaimReturning"/>, in arrival order (RETURNING order is unspecified).</summary>
    protected static async Task<List<(EventLease Lease, int TotalAttempts)>> ReadLeasesAsync(
        DbDataReader reader, string owner, DateTimeOffset expires, CancellationToken cancellationToken)
    {
        var rows = new List<(long Seq, EventLease Lease, int Total)>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add((reader.GetInt64(0), new EventLease(
                reader.GetString(1), reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3),
                reader.GetFieldValue<byte[]>(4), reader.GetInt32(5), owner, expires)
            {
                LeaseToken = reader.GetInt64(6),
                TraceParent = reader.IsDBNull(8) ? null : reader.GetString(8),
            }, reader.GetInt32(7)));
        }

        rows.Sort((a, b) => a.Seq.CompareTo(b.Seq));
        return [.. rows.Select(r => (r.Lease, r.Total))];
    }
}
