using System.Data.Common;
using System.Globalization;
using Microsoft.Extensions.Logging;

namespace PaymentEvents.Storage;

/// <summary>
/// The store operations that are the same logic on both engines, over an open connection the store provides (and,
/// for writes, its transaction). Each store keeps its own connection handling, error mapping and the SQL that
/// differs (claim locking, upserts, DDL). Statements run with the token the store passes: SQLite passes none for
/// writes (see <see cref="SqliteEventStore"/>).
/// </summary>
internal sealed class EventQueries(StoreDialect dialect, TimeProvider time, ILogger logger)
{
    public StoreDialect Dialect => dialect;

    /// <summary>The current time as a parameter value.</summary>
    public object Now() => dialect.ToDb(time.GetUtcNow());

    /// <summary>Creates the version table, applies the migrations not applied yet; returns the schema version.</summary>
    public async Task<int> MigrateAsync(
        DbConnection connection, DbTransaction transaction, string createVersionTable,
        IReadOnlyList<(int Version, string Sql)> migrations, CancellationToken cancellationToken)
    {
        await StoreCommands.NonQueryAsync(connection, transaction, createVersionTable, cancellationToken);
        var current = Convert.ToInt32(
            await StoreCommands.ScalarAsync(connection, transaction, EventSql.CurrentVersion, cancellationToken),
            CultureInfo.InvariantCulture);
        foreach (var (version, sql) in migrations.Where(m => m.Version > current))
        {
            await StoreCommands.NonQueryAsync(connection, transaction, sql, cancellationToken);
            await StoreCommands.NonQueryAsync(connection, transaction, EventSql.RecordVersion, cancellationToken,
                ("v", version), ("now", Now()));
            current = version;
        }

        return current;
    }

    /// <summary>Counts by status, oldest unprocessed and newest arrival, in one scan of the status index.</summary>
    public async Task<InboxStats> GetStatsAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        const string sql = "SELECT status, COUNT(*), MIN(received_at), MAX(received_at) FROM payment_events GROUP BY status";
        var now = time.GetUtcNow();
        var counts = Enum.GetValues<EventStatus>().ToDictionary(s => s, _ => 0L);
        DateTimeOffset? oldestUnprocessed = null, newest = null;
        await using var command = StoreCommands.Create(connection, null, sql);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var status = EventStatusText.Parse(reader.GetString(0));
            counts[status] = reader.GetInt64(1);
            var oldest = dialect.ReadTime(reader, 2);
            var latest = dialect.ReadTime(reader, 3);
            newest = newest is { } n && n > latest ? n : latest;
            if (status is EventStatus.Received or EventStatus.Processing or EventStatus.Failed
                && (oldestUnprocessed is null || oldest < oldestUnprocessed))
            {
                oldestUnprocessed = oldest;
            }
        }

        return new InboxStats(now, counts, [], [], now - oldestUnprocessed, newest);
    }

    /// <summary>The parameters of <see cref="EventSql.InsertEvent"/>.</summary>
    public (string Name, object? Value)[] InsertValues(NewEvent newEvent) =>
    [
        ("id", newEvent.Id), ("type", newEvent.Type), ("object_id", newEvent.ObjectId), ("livemode", newEvent.Livemode),
        ("payload", newEvent.Payload), ("received_at", dialect.ToDb(newEvent.ReceivedAt)), ("now", Now()),
    ];

    /// <summary>Runs an engine's handler-attempt upsert (<c>@id, @handler, @ok, @error, @now</c>).</summary>
    public Task<int> RecordHandlerAttemptAsync(
        DbConnection connection, DbTransaction? transaction, string upsert, string eventId, string handler, bool succeeded,
        string? errorMessage, CancellationToken cancellationToken) =>
        StoreCommands.NonQueryAsync(connection, transaction, upsert, cancellationToken,
            ("id", eventId), ("handler", handler), ("ok", succeeded),
            ("error", errorMessage is null ? null : StorageText.Truncate(errorMessage)), ("now", Now()));

    public async Task<bool> ApplyAsync(
        DbConnection connection, DbTransaction? transaction, LeaseChange change, CancellationToken cancellationToken)
    {
        var lease = change.Lease;
        (string, object?)[] parameters =
        [
            ("id", lease.EventId), ("owner", lease.Owner), ("token", lease.LeaseToken), ("now", Now()), .. change.Values,
        ];
        var rows = await StoreCommands.NonQueryAsync(
            connection, transaction, EventSql.FencedUpdate(change.Assignments), cancellationToken, parameters);
        if (rows == 0)
        {
            logger.LeaseLost(lease.EventId, lease.Owner, lease.LeaseToken, change.Operation);
        }

        return rows == 1;
    }

    /// <summary>Bulk replay; the caller answers 0 for <see cref="EventStatus.Processing"/> without asking.</summary>
    public Task<int> ReplayManyAsync(
        DbConnection connection, DbTransaction? transaction, EventStatus status, string? type, CancellationToken cancellationToken) =>
        StoreCommands.NonQueryAsync(connection, transaction, EventSql.Replay(EventSql.ReplayFilter(type)), cancellationToken,
            ("status", EventStatusText.ToText(status)), ("type", type), ("now", Now()));

    public static async Task<IReadOnlySet<string>> GetSucceededHandlersAsync(
        DbConnection connection, string eventId, CancellationToken cancellationToken)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        await using var command = StoreCommands.Create(connection, null, EventSql.SucceededHandlers, ("id", eventId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            set.Add(reader.GetString(0));
        }

        return set;
    }

    public async Task<StoredEvent?> GetAsync(DbConnection connection, string id, CancellationToken cancellationToken)
    {
        StoredEvent? found = null;
        await using (var command = StoreCommands.Create(connection, null, EventSql.SelectEvent, ("id", id)))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            if (await reader.ReadAsync(cancellationToken))
            {
                found = EventRows.ReadEvent(reader, dialect);
            }
        }

        if (found is null)
        {
            return null;
        }

        var handlers = await ReadHandlersAsync(connection, [found.Id], cancellationToken);
        return found with { Handlers = handlers.GetValueOrDefault(found.Id, []) };
    }

    public async Task<EventPage> ListAsync(DbConnection connection, EventListRequest request, CancellationToken cancellationToken)
    {
        var (sql, parameters) = request.ToSql();
        var rows = new List<(long Seq, StoredEvent Event)>();
        await using (var command = StoreCommands.Create(connection, null, sql, parameters))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                rows.Add((reader.GetInt64(0), EventRows.ReadEvent(reader, dialect)));
            }
        }

        var more = rows.Count > request.Limit;
        var page = rows.Take(request.Limit).ToList();
        var handlers = await ReadHandlersAsync(connection, [.. page.Select(r => r.Event.Id)], cancellationToken);
        return new EventPage(
            [.. page.Select(r => r.Event with { Handlers = handlers.GetValueOrDefault(r.Event.Id, []) })],
            more ? EventCursor.Encode(page[^1].Seq) : null);
    }

    private async Task<Dictionary<string, IReadOnlyList<HandlerAttempts>>> ReadHandlersAsync(
        DbConnection connection, IReadOnlyList<string> eventIds, CancellationToken cancellationToken)
    {
        if (eventIds.Count == 0)
        {
            return new(StringComparer.Ordinal);
        }

        var (condition, parameters) = dialect.EventIdIn(eventIds);
        await using var command = StoreCommands.Create(connection, null, EventSql.Handlers(condition), parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await EventRows.ReadHandlersAsync(reader, dialect, cancellationToken);
    }
}
