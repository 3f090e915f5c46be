using System.Data.Common;

namespace PaymentEvents.Storage;

/// <summary>Rows to records, for both engines (booleans read alike; times through the <see cref="StoreDialect"/>).</summary>
internal static class EventRows
{
    /// <summary>One row of <see cref="EventSql.EventColumns"/>, without its handlers.</summary>
    public static StoredEvent ReadEvent(DbDataReader reader, StoreDialect dialect) => new(
        Id: reader.GetString(1),
        Type: reader.GetString(2),
        ObjectId: reader.IsDBNull(3) ? null : reader.GetString(3),
        Livemode: reader.IsDBNull(4) ? null : reader.GetBoolean(4),
        Status: EventStatusText.Parse(reader.GetString(6)),
        ReceivedAt: dialect.ReadTime(reader, 7),
        UpdatedAt: dialect.ReadTime(reader, 8),
        Attempts: reader.GetInt32(9),
        NextAttemptAt: reader.IsDBNull(10) ? null : dialect.ReadTime(reader, 10),
        LastError: reader.IsDBNull(11) ? null : reader.GetString(11),
        Payload: reader.GetString(5),
        Handlers: []);

    /// <summary>
    /// The rows a claim returned (<c>seq, id, type, object_id, payload, attempts, lease_token</c>) as leases, in
    /// arrival order: RETURNING order is unspecified.
    /// </summary>
    public static async Task<IReadOnlyList<EventLease>> ReadLeasesAsync(
        DbDataReader reader, string owner, DateTimeOffset expires, CancellationToken cancellationToken)
    {
        var leases = new List<(long Seq, EventLease Lease)>();
        while (await reader.ReadAsync(cancellationToken))
        {
            leases.Add((reader.GetInt64(0), new EventLease(
                reader.GetString(1), reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3),
                reader.GetString(4), reader.GetInt32(5), owner, expires)
            {
                LeaseToken = reader.GetInt64(6),
            }));
        }

        return [.. leases.OrderBy(l => l.Seq).Select(l => l.Lease)];
    }

    /// <summary>Rows of <see cref="EventSql.Handlers"/>, grouped by event id.</summary>
    public static async Task<Dictionary<string, IReadOnlyList<HandlerAttempts>>> ReadHandlersAsync(
        DbDataReader reader, StoreDialect dialect, CancellationToken cancellationToken)
    {
        var lists = new Dictionary<string, List<HandlerAttempts>>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken))
        {
            var eventId = reader.GetString(0);
            if (!lists.TryGetValue(eventId, out var list))
            {
                lists[eventId] = list = [];
            }

            list.Add(new HandlerAttempts(
                reader.GetString(1), reader.GetInt32(2), reader.GetBoolean(3),
                reader.IsDBNull(4) ? null : reader.GetString(4), dialect.ReadTime(reader, 5)));
        }

        return lists.ToDictionary(p => p.Key, p => (IReadOnlyList<HandlerAttempts>)p.Value, StringComparer.Ordinal);
    }
}
