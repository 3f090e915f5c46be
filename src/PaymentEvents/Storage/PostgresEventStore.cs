using System.Text;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace PaymentEvents.Storage;

/// <summary>
/// The inbox in PostgreSQL, shared by several replicas.
/// <para>
/// Claiming: <c>FOR UPDATE SKIP LOCKED</c> keeps two replicas from leasing the same row, but it cannot by itself keep
/// per-object order: under READ COMMITTED each claimer judges "is there an earlier unfinished event of this object?"
/// from its own snapshot, so two claimers racing on the same object, or an insert whose sequence number was drawn
/// before, but committed after, a claimer's snapshot, could let a later event of an object run before, or beside,
/// an earlier one. So a claim first takes the transaction advisory lock <see cref="PostgresSchema.ClaimLockKey"/>
/// exclusively and then runs the claim statement, whose fresh snapshot sees every earlier claim (claims are
/// serialized; each is one short statement). Inserts take the same lock SHARED (inserts never wait for each other)
/// in the same implicit transaction as the INSERT, so no insert is between drawing its sequence number and
/// committing while a claim looks. Eligibility also excludes any object that has an event under a live lease, so a
/// replayed older event waits for the one in flight. SKIP LOCKED still matters: a row being completed or failed
/// right now is skipped instead of waited for.
/// </para>
/// </summary>
public sealed class PostgresEventStore : IEventStore, IAsyncDisposable, IDisposable
{
    private const string Engine = "postgres";
    private const string EventColumns =
        "seq, id, type, object_id, livemode, payload, status, received_at, updated_at, attempts, next_attempt_at, last_error";

    private const string FencedLease =
        "id = @id AND status = 'processing' AND lease_owner = @owner AND lease_token = @token";

    private readonly NpgsqlDataSource _dataSource;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public PostgresEventStore(string connectionString, TimeProvider time, ILogger<PostgresEventStore> logger)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        _dataSource = NpgsqlDataSource.Create(connectionString);
        _time = time;
        _logger = logger;
    }

    public Task MigrateAsync(CancellationToken cancellationToken) =>
        RunAsync("migrate the schema", async connection =>
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            // DDL is transactional in PostgreSQL; the lock makes concurrent replicas migrate one after the other
            // (two concurrent CREATE TABLE IF NOT EXISTS can otherwise both fail on the catalog's unique index).
            await NonQueryAsync(connection, "SELECT pg_advisory_xact_lock(@key)", cancellationToken, ("key", PostgresSchema.MigrationLockKey));
            await NonQueryAsync(connection, """
                CREATE TABLE IF NOT EXISTS payment_events_schema_version (
                    version    integer     PRIMARY KEY,
                    applied_at timestamptz NOT NULL)
                """, cancellationToken);
            var current = (int)(await ScalarAsync(connection, "SELECT COALESCE(MAX(version), 0) FROM payment_events_schema_version", cancellationToken))!;
            foreach (var (version, sql) in PostgresSchema.Migrations.Where(m => m.Version > current))
            {
                await NonQueryAsync(connection, sql, cancellationToken);
                await NonQueryAsync(connection, "INSERT INTO payment_events_schema_version (version, applied_at) VALUES (@v, @now)",
                    cancellationToken, ("v", version), ("now", Now()));
                current = version;
            }

            await transaction.CommitAsync(cancellationToken);
            _logger.SchemaReady(Engine, current);
            return true;
        }, cancellationToken);

    public async Task<bool> IsHealthyAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
            await ScalarAsync(connection, "SELECT COUNT(*) FROM payment_events_schema_version", cancellationToken);
            return true;
        }
        catch (NpgsqlException)
        {
            _dataSource.Clear();
            return false;
        }
    }

    public Task<InsertOutcome> InsertAsync(NewEvent newEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(newEvent);
        return RunAsync("store an event", async connection =>
        {
            var now = Now();
            // One round trip, one implicit transaction: shared claim lock, then the insert (see class remarks).
            await using var batch = new NpgsqlBatch(connection);
            batch.BatchCommands.Add(Command("SELECT pg_advisory_xact_lock_shared(@key)", ("key", PostgresSchema.ClaimLockKey)));
            batch.BatchCommands.Add(Command("""
                INSERT INTO payment_events
                    (id, type, object_id, livemode, payload, status, received_at, updated_at, attempts, next_attempt_at)
                VALUES (@id, @type, @object_id, @livemode, @payload, 'received', @received_at, @now, 0, @now)
                ON CONFLICT (id) DO NOTHING
                RETURNING seq
                """,
                ("id", newEvent.Id), ("type", newEvent.Type), ("object_id", newEvent.ObjectId), ("livemode", newEvent.Livemode),
                ("payload", newEvent.Payload), ("received_at", StorageText.ToMicroseconds(newEvent.ReceivedAt)), ("now", now)));
            await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
            await reader.NextResultAsync(cancellationToken);
            return await reader.ReadAsync(cancellationToken) ? InsertOutcome.Stored : InsertOutcome.Duplicate;
        }, cancellationToken);
    }

    public Task<IReadOnlyList<EventLease>> ClaimAsync(string owner, int max, TimeSpan leaseDuration, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(owner);
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(leaseDuration, TimeSpan.Zero);
        return RunAsync<IReadOnlyList<EventLease>>("claim events", async connection =>
        {
            var now = Now();
            var expires = StorageText.ToMicroseconds(now + leaseDuration);
            await using var batch = new NpgsqlBatch(connection);
            batch.BatchCommands.Add(Command("SELECT pg_advisory_xact_lock(@key)", ("key", PostgresSchema.ClaimLockKey)));
            batch.BatchCommands.Add(Command("""
                WITH due AS (
                    SELECT e.seq FROM payment_events e
                    WHERE e.status IN ('received', 'processing', 'failed')
                      AND (e.status = 'received'
                           OR (e.status = 'failed' AND e.next_attempt_at <= @now)
                           OR (e.status = 'processing' AND e.lease_expires_at <= @now))
                      AND (e.object_id IS NULL OR NOT EXISTS (
                           SELECT 1 FROM payment_events p
                           WHERE p.object_id = e.object_id AND p.seq <> e.seq
                             AND p.status IN ('received', 'processing', 'failed')
                             AND (p.seq < e.seq OR (p.status = 'processing' AND p.lease_expires_at > @now))))
                    ORDER BY e.seq
                    LIMIT @max
                    FOR UPDATE OF e SKIP LOCKED)
                UPDATE payment_events t
                SET status = 'processing', lease_owner = @owner, lease_expires_at = @expires,
                    attempts = t.attempts + 1, lease_token = t.lease_token + 1, updated_at = @now
                FROM due
                WHERE t.seq = due.seq
                RETURNING t.seq, t.id, t.type, t.object_id, t.payload, t.attempts, t.lease_token
                """,
                ("owner", owner), ("expires", expires), ("now", now), ("max", max)));
            var leases = new List<(long Seq, EventLease Lease)>();
            await using (var reader = await batch.ExecuteReaderAsync(cancellationToken))
            {
                await reader.NextResultAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    leases.Add((reader.GetInt64(0), new EventLease(
                        reader.GetString(1), reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3),
                        reader.GetString(4), reader.GetInt32(5), owner, expires)
                    {
                        LeaseToken = reader.GetInt64(6),
                    }));
                }
            }

            return [.. leases.OrderBy(l => l.Seq).Select(l => l.Lease)];
        }, cancellationToken);
    }

    public Task<bool> RenewLeaseAsync(EventLease lease, TimeSpan leaseDuration, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lease);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(leaseDuration, TimeSpan.Zero);
        return FencedUpdateAsync(lease, "renew its lease", "lease_expires_at = @expires, updated_at = @now", cancellationToken,
            ("expires", StorageText.ToMicroseconds(_time.GetUtcNow() + leaseDuration)));
    }

    public Task<IReadOnlySet<string>> GetSucceededHandlersAsync(string eventId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(eventId);
        return RunAsync<IReadOnlySet<string>>("read handler results", async connection =>
        {
            var set = new HashSet<string>(StringComparer.Ordinal);
            await using var command = Command(connection,
                "SELECT handler FROM payment_event_handler_attempts WHERE event_id = @id AND succeeded", ("id", eventId));
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                set.Add(reader.GetString(0));
            }

            return set;
        }, cancellationToken);
    }

    public Task RecordHandlerAttemptAsync(string eventId, string handler, bool succeeded, string? errorMessage, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(eventId);
        ArgumentException.ThrowIfNullOrWhiteSpace(handler);
        return RunAsync("record a handler attempt", connection => NonQueryAsync(connection, """
            INSERT INTO payment_event_handler_attempts AS h (event_id, handler, attempts, succeeded, last_error, last_attempt_at)
            VALUES (@id, @handler, 1, @ok, @error, @now)
            ON CONFLICT (event_id, handler) DO UPDATE SET
                attempts = h.attempts + 1,
                succeeded = h.succeeded OR excluded.succeeded,
                last_error = excluded.last_error,
                last_attempt_at = excluded.last_attempt_at
            """, cancellationToken,
            ("id", eventId), ("handler", handler), ("ok", succeeded),
            ("error", errorMessage is null ? null : StorageText.Truncate(errorMessage)), ("now", Now())), cancellationToken);
    }

    public Task<bool> CompleteAsync(EventLease lease, EventStatus status, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lease);
        if (status is not (EventStatus.Processed or EventStatus.Ignored))
        {
            throw new ArgumentOutOfRangeException(nameof(status), status, "An event completes as processed or ignored.");
        }

        return FencedUpdateAsync(lease, "complete it",
            "status = @status, lease_owner = NULL, lease_expires_at = NULL, next_attempt_at = NULL, updated_at = @now",
            cancellationToken, ("status", EventStatusText.ToText(status)));
    }

    public Task<bool> FailAsync(EventLease lease, string errorMessage, DateTimeOffset? retryAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lease);
        ArgumentNullException.ThrowIfNull(errorMessage);
        return FencedUpdateAsync(lease, "record its failure",
            "status = @status, last_error = @error, next_attempt_at = @retry, lease_owner = NULL, lease_expires_at = NULL, updated_at = @now",
            cancellationToken,
            ("status", retryAt is null ? EventStatusText.Dead : EventStatusText.Failed),
            ("error", StorageText.Truncate(errorMessage)),
            ("retry", retryAt is { } at ? StorageText.ToMicroseconds(at) : null));
    }

    public Task<StoredEvent?> GetAsync(string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(id);
        return RunAsync("read an event", async connection =>
        {
            StoredEvent? found = null;
            await using (var command = Command(connection, $"SELECT {EventColumns} FROM payment_events WHERE id = @id", ("id", id)))
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

            var handlers = await ReadHandlersAsync(connection, [found.Id], cancellationToken);
            return found with { Handlers = handlers.GetValueOrDefault(found.Id, []) };
        }, cancellationToken);
    }

    public Task<EventPage> ListAsync(EventQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var limit = EventCursor.ClampLimit(query.Limit);
        var after = EventCursor.Decode(query.Cursor);
        return RunAsync("list events", async connection =>
        {
            var sql = new StringBuilder($"SELECT {EventColumns} FROM payment_events WHERE TRUE");
            var parameters = new List<(string, object?)> { ("limit", limit + 1) };
            if (query.Type is not null)
            {
                sql.Append(" AND type = @type");
                parameters.Add(("type", query.Type));
            }

            if (query.Status is { } status)
            {
                sql.Append(" AND status = @status");
                parameters.Add(("status", EventStatusText.ToText(status)));
            }

            if (query.ObjectId is not null)
            {
                sql.Append(" AND object_id = @object_id");
                parameters.Add(("object_id", query.ObjectId));
            }

            if (after is not null)
            {
                sql.Append(" AND seq < @after");
                parameters.Add(("after", after));
            }

            sql.Append(" ORDER BY seq DESC LIMIT @limit");
            var rows = new List<(long Seq, StoredEvent Event)>();
            await using (var command = Command(connection, sql.ToString(), [.. parameters]))
            await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    rows.Add((reader.GetInt64(0), ReadEvent(reader)));
                }
            }

            var more = rows.Count > limit;
            var page = rows.Take(limit).ToList();
            var handlers = await ReadHandlersAsync(connection, [.. page.Select(r => r.Event.Id)], cancellationToken);
            return new EventPage(
                [.. page.Select(r => r.Event with { Handlers = handlers.GetValueOrDefault(r.Event.Id, []) })],
                more ? EventCursor.Encode(page[^1].Seq) : null);
        }, cancellationToken);
    }

    public Task<bool> ReplayAsync(string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(id);
        return RunAsync("replay an event", async connection =>
        {
            // One statement: the UPDATE changes the row if it may be replayed; the outer SELECT says whether it exists.
            var exists = await ScalarAsync(connection, $"""
                WITH replayed AS ({ReplaySql("id = @id")} RETURNING 1)
                SELECT EXISTS (SELECT 1 FROM payment_events WHERE id = @id)
                """, cancellationToken, ("id", id), ("now", Now()));
            return exists is true;
        }, cancellationToken);
    }

    public Task<int> ReplayManyAsync(EventStatus status, string? type, CancellationToken cancellationToken)
    {
        if (status == EventStatus.Processing)
        {
            return Task.FromResult(0);
        }

        return RunAsync("replay events", connection => NonQueryAsync(connection,
            ReplaySql(type is null ? "status = @status" : "status = @status AND type = @type"), cancellationToken,
            ("status", EventStatusText.ToText(status)), ("type", type), ("now", Now())), cancellationToken);
    }

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    public void Dispose() => _dataSource.Dispose();

    // Handler success rows are deliberately left alone: a handler that succeeded never runs again.
    // An event in flight under a live lease is skipped; its worker finishes it.
    private static string ReplaySql(string filter) => $"""
        UPDATE payment_events
        SET status = 'received', next_attempt_at = @now, attempts = 0,
            lease_owner = NULL, lease_expires_at = NULL, updated_at = @now
        WHERE {filter} AND NOT (status = 'processing' AND lease_expires_at > @now)
        """;

    private Task<bool> FencedUpdateAsync(
        EventLease lease, string operation, string assignments, CancellationToken cancellationToken, params (string Name, object? Value)[] extra) =>
        RunAsync(operation, async connection =>
        {
            (string, object?)[] parameters =
            [
                ("id", lease.EventId), ("owner", lease.Owner), ("token", lease.LeaseToken), ("now", Now()), .. extra,
            ];
            var rows = await NonQueryAsync(connection, $"UPDATE payment_events SET {assignments} WHERE {FencedLease}", cancellationToken, parameters);
            if (rows == 0)
            {
                _logger.LeaseLost(lease.EventId, lease.Owner, lease.LeaseToken, operation);
            }

            return rows == 1;
        }, cancellationToken);

    private static async Task<Dictionary<string, IReadOnlyList<HandlerAttempts>>> ReadHandlersAsync(
        NpgsqlConnection connection, string[] eventIds, CancellationToken cancellationToken)
    {
        var lists = new Dictionary<string, List<HandlerAttempts>>(StringComparer.Ordinal);
        if (eventIds.Length > 0)
        {
            await using var command = Command(connection, """
                SELECT event_id, handler, attempts, succeeded, last_error, last_attempt_at
                FROM payment_event_handler_attempts WHERE event_id = ANY(@ids)
                ORDER BY event_id, handler
                """, ("ids", eventIds));
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var eventId = reader.GetString(0);
                if (!lists.TryGetValue(eventId, out var list))
                {
                    lists[eventId] = list = [];
                }

                list.Add(new HandlerAttempts(
                    reader.GetString(1), reader.GetInt32(2), reader.GetBoolean(3),
                    reader.IsDBNull(4) ? null : reader.GetString(4), reader.GetFieldValue<DateTimeOffset>(5)));
            }
        }

        return lists.ToDictionary(p => p.Key, p => (IReadOnlyList<HandlerAttempts>)p.Value, StringComparer.Ordinal);
    }

    private static StoredEvent ReadEvent(NpgsqlDataReader reader) => new(
        Id: reader.GetString(1),
        Type: reader.GetString(2),
        ObjectId: reader.IsDBNull(3) ? null : reader.GetString(3),
        Livemode: reader.IsDBNull(4) ? null : reader.GetBoolean(4),
        Status: EventStatusText.Parse(reader.GetString(6)),
        ReceivedAt: reader.GetFieldValue<DateTimeOffset>(7),
        UpdatedAt: reader.GetFieldValue<DateTimeOffset>(8),
        Attempts: reader.GetInt32(9),
        NextAttemptAt: reader.IsDBNull(10) ? null : reader.GetFieldValue<DateTimeOffset>(10),
        LastError: reader.IsDBNull(11) ? null : reader.GetString(11),
        Payload: reader.GetString(5),
        Handlers: []);

    private DateTimeOffset Now() => StorageText.ToMicroseconds(_time.GetUtcNow());

    private async Task<T> RunAsync<T>(string operation, Func<NpgsqlConnection, Task<T>> work, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
            return await work(connection);
        }
        catch (NpgsqlException ex) when (!cancellationToken.IsCancellationRequested)
        {
            // Idle pooled connections are likely dead too (server restart, failover): drop them so the next
            // operation after recovery opens fresh ones instead of failing once more on a stale socket.
            _dataSource.Clear();
            _logger.StoreFailed(Engine, operation, ex);
            throw new StorageUnavailableException($"The PostgreSQL event store could not {operation}: {ex.Message}", ex);
        }
    }

    private static async Task<int> NonQueryAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var command = Command(connection, sql, parameters);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<object?> ScalarAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var command = Command(connection, sql, parameters);
        return await command.ExecuteScalarAsync(cancellationToken);
    }

    private static NpgsqlCommand Command(NpgsqlConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = new NpgsqlCommand(sql, connection);
        AddParameters(command.Parameters, parameters);
        return command;
    }

    private static NpgsqlBatchCommand Command(string sql, params (string Name, object? Value)[] parameters)
    {
        var command = new NpgsqlBatchCommand(sql);
        AddParameters(command.Parameters, parameters);
        return command;
    }

    private static void AddParameters(NpgsqlParameterCollection collection, (string Name, object? Value)[] parameters)
    {
        foreach (var (name, value) in parameters)
        {
            collection.AddWithValue(name, value ?? DBNull.Value);
        }
    }
}
