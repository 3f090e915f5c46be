using System.Data.Common;
using System.Globalization;
using System.Text;

namespace PaymentEvents.Storage;

internal abstract partial class EventStore : IEventQueries
{
    /// <summary>The columns <see cref="ReadEvent"/> reads, in its order.</summary>
    private const string EventColumns =
        "seq, id, type, object_id, livemode, payload, status, received_at, updated_at, attempts, next_attempt_at, last_error";

    public Task<StoredEvent?> GetAsync(string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(id);
        return RunAsync("read an event", async connection =>
        {
            StoredEvent? found = null;
            await using (var command = Command(connection, null, $"SELECT {EventColumns} FROM payment_events WHERE id = @id", ("id", id)))
            await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
            {
                if (await reader.ReadAsync(cancellationToken))
                {
                    found = ReadEvent(reader);
                }
            }

            if (found is null)
            {
                return null;
            }

            var history = await ReadAttemptsAsync(connection, [found.Id], cancellationToken);
            var mine = history.GetValueOrDefault(found.Id, []);
            return found with { Handlers = Summarize(mine), History = mine };
        }, cancellationToken);
    }

    public Task<EventPage> ListAsync(EventQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var limit = EventCursor.ClampLimit(query.Limit);
        var after = EventCursor.Decode(query.Cursor); // throws for a foreign cursor before any database work
        var sql = new StringBuilder($"SELECT {EventColumns} FROM payment_events e WHERE 1 = 1");
        var parameters = new List<(string, object?)> { ("limit", limit + 1) };
        void Filter(string condition, string name, object? value)
        {
            sql.Append(" AND ").Append(condition);
            parameters.Add((name, value));
        }

        if (query.Type is not null)
        {
            Filter("type = @type", "type", query.Type);
        }

        if (query.Status is { } status)
        {
            Filter("status = @status", "status", EventStatusText.ToText(status));
        }

        if (query.ObjectId is not null)
        {
            Filter("object_id = @object_id", "object_id", query.ObjectId);
        }

        if (query.Livemode is { } livemode)
        {
            Filter("livemode = @livemode", "livemode", livemode);
        }

        if (query.ReceivedAfter is { } from)
        {
            Filter("received_at >= @received_after", "received_after", ToDb(from));
        }

        if (query.ReceivedBefore is { } before)
        {
            Filter("received_at < @received_before", "received_before", ToDb(before));
        }

        if (query.Handler is not null)
        {
            Filter("EXISTS (SELECT 1 FROM payment_event_attempts a WHERE a.event_id = e.id AND a.handler = @handler)", "handler", query.Handler);
        }

        if (!string.IsNullOrEmpty(query.IdPrefix))
        {
            // substr/length count characters alike on both engines (LIKE differs: SQLite ignores ASCII case).
            Filter("substr(id, 1, length(@id_prefix)) = @id_prefix", "id_prefix", query.IdPrefix);
        }

        if (after is not null)
        {
            Filter("seq < @after", "after", after);
        }

        sql.Append(" ORDER BY seq DESC LIMIT @limit");
        return RunAsync("list events", async connection =>
        {
            var rows = new List<(long Seq, StoredEvent Event)>();
            await using (var command = Command(connection, null, sql.ToString(), [.. parameters]))
            await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    rows.Add((reader.GetInt64(0), ReadEvent(reader)));
                }
            }

            var page = rows.Take(limit).ToList();
            var history = await ReadAttemptsAsync(connection, [.. page.Select(r => r.Event.Id)], cancellationToken);
            return new EventPage(
                [.. page.Select(r => r.Event with { Handlers = Summarize(history.GetValueOrDefault(r.Event.Id, [])) })],
                rows.Count > limit ? EventCursor.Encode(page[^1].Seq) : null);
        }, cancellationToken);
    }

    private StoredEvent ReadEvent(DbDataReader reader) => new(
        Id: reader.GetString(1),
        Type: reader.GetString(2),
        ObjectId: reader.IsDBNull(3) ? null : reader.GetString(3),
        Livemode: reader.IsDBNull(4) ? null : reader.GetBoolean(4),
        Status: EventStatusText.Parse(reader.GetString(6)),
        ReceivedAt: ReadTime(reader, 7),
        UpdatedAt: ReadTime(reader, 8),
        Attempts: reader.GetInt32(9),
        NextAttemptAt: reader.IsDBNull(10) ? null : ReadTime(reader, 10),
        LastError: reader.IsDBNull(11) ? null : reader.GetString(11),
        Payload: Encoding.UTF8.GetString(reader.GetFieldValue<byte[]>(5)),
        Handlers: []);

    /// <summary>Every attempt of these events, oldest first, by event id.</summary>
    private async Task<Dictionary<string, IReadOnlyList<AttemptRecord>>> ReadAttemptsAsync(
        DbConnection connection, IReadOnlyList<string> eventIds, CancellationToken cancellationToken)
    {
        var lists = new Dictionary<string, List<AttemptRecord>>(StringComparer.Ordinal);
        if (eventIds.Count > 0)
        {
            var (condition, parameters) = EventIdIn(eventIds);
            await using var command = Command(connection, null, $"""
                SELECT event_id, handler, attempt, started_at, duration_us, outcome, error
                FROM payment_event_attempts WHERE {condition}
                ORDER BY event_id, started_at, handler, attempt
                """, parameters);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var eventId = reader.GetString(0);
                if (!lists.TryGetValue(eventId, out var list))
                {
                    lists[eventId] = list = [];
                }

                list.Add(new AttemptRecord(
                    eventId, reader.GetString(1), reader.GetInt32(2), ReadTime(reader, 3),
                    TimeSpan.FromTicks(reader.GetInt64(4) * 10),
                    reader.GetString(5) == "succeeded" ? AttemptOutcome.Succeeded : AttemptOutcome.Failed,
                    reader.IsDBNull(6) ? null : reader.GetString(6)));
            }
        }

        return lists.ToDictionary(p => p.Key, p => (IReadOnlyList<AttemptRecord>)p.Value, StringComparer.Ordinal);
    }

    // Attempts = the latest attempt number: the count of runs, also for a migrated version-1 row that stands for several.
    private static List<HandlerAttempts> Summarize(IReadOnlyList<AttemptRecord> history) =>
    [
        .. history.GroupBy(a => a.Handler, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g =>
            {
                var last = g.MaxBy(a => a.Attempt)!;
                return new HandlerAttempts(g.Key, last.Attempt, g.Any(a => a.Outcome == AttemptOutcome.Succeeded), last.Error, last.StartedAt);
            }),
    ];

    public Task<InboxStats> GetStatsAsync(CancellationToken cancellationToken)
    {
        var asOf = ToMicroseconds(Time.GetUtcNow());
        var firstMinute = (asOf.ToUnixTimeSeconds() / 60) - 59;
        var since = ToDb(DateTimeOffset.FromUnixTimeSeconds(firstMinute * 60));
        return RunAsync("read statistics", async connection =>
        {
            var counts = Enum.GetValues<EventStatus>().ToDictionary(s => s, _ => 0L);
            await using (var command = Command(connection, null, "SELECT status, COUNT(*) FROM payment_events GROUP BY status"))
            await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    counts[EventStatusText.Parse(reader.GetString(0))] = reader.GetInt64(1);
                }
            }

            var deliveries = await PerMinuteAsync(connection, $"""
                SELECT {MinuteOf("received_at")} AS minute, COUNT(*) FROM payment_events
                WHERE received_at >= @since GROUP BY minute
                """, since, firstMinute, cancellationToken);
            var failures = await PerMinuteAsync(connection, $"""
                SELECT {MinuteOf("started_at")} AS minute, COUNT(*) FROM payment_event_attempts
                WHERE started_at >= @since AND outcome = 'failed' GROUP BY minute
                """, since, firstMinute, cancellationToken);

            DateTimeOffset? oldest = null, newest = null;
            await using (var command = Command(connection, null, $"""
                SELECT (SELECT MIN(received_at) FROM payment_events WHERE status IN {Unfinished}),
                       (SELECT MAX(received_at) FROM payment_events)
                """))
            await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
            {
                await reader.ReadAsync(cancellationToken);
                oldest = reader.IsDBNull(0) ? null : ReadTime(reader, 0);
                newest = reader.IsDBNull(1) ? null : ReadTime(reader, 1);
            }

            return new InboxStats(asOf, counts, deliveries, failures, asOf - oldest, newest);
        }, cancellationToken);
    }

    private async Task<IReadOnlyList<MinuteCount>> PerMinuteAsync(
        DbConnection connection, string sql, object since, long firstMinute, CancellationToken cancellationToken)
    {
        var counts = new long[60];
        await using var command = Command(connection, null, sql, ("since", since));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var index = Convert.ToInt64(reader.GetValue(0), CultureInfo.InvariantCulture) - firstMinute;
            if (index is >= 0 and < 60)
            {
                counts[index] += reader.GetInt64(1);
            }
        }

        return [.. counts.Select((n, i) => new MinuteCount(DateTimeOffset.FromUnixTimeSeconds((firstMinute + i) * 60), n))];
    }
}
