using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace PaymentEvents.Storage;

/// <summary>
/// The inbox in one SQLite file (single node). WAL mode so readers never block the writer, and
/// <c>synchronous=FULL</c>: the receiver acknowledges a delivery (200) right after <see cref="InsertAsync"/>, and
/// Payment Kit never sends an acknowledged event again, so the commit must survive a power loss, not only a
/// process crash (NORMAL in WAL mode may lose the last commits on power loss). The price is one fsync per write.
/// SQLite has one writer at a time: writes of this process queue on a semaphore (no busy-spinning between our own
/// connections), and every write is a <c>BEGIN IMMEDIATE</c> transaction so other processes wait on
/// <c>busy_timeout</c> instead of failing on a read-to-write upgrade.
/// </summary>
public sealed class SqliteEventStore : IEventStore, IAsyncDisposable, IDisposable
{
    /// <summary>File name of the database under <c>Storage:DataDir</c>.</summary>
    public const string FileName = "payment-events.db";

    private const string Engine = "sqlite";
    private const string EventColumns =
        "seq, id, type, object_id, livemode, payload, status, received_at, updated_at, attempts, next_attempt_at, last_error";

    // Fencing: the stored lease must still be the caller's (same owner and token, still processing).
    private const string FencedLease =
        "id = $id AND status = 'processing' AND lease_owner = $owner AND lease_token = $token";

    private readonly string _connectionString;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _writeGate = new(1, 1);

    public SqliteEventStore(string databasePath, TimeProvider time, ILogger<SqliteEventStore> logger)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(databasePath);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = databasePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
        _time = time;
        _logger = logger;
    }

    public Task MigrateAsync(CancellationToken cancellationToken) =>
        WriteAsync("migrate the schema", async (connection, transaction) =>
        {
            await NonQueryAsync(connection, transaction, """
                CREATE TABLE IF NOT EXISTS payment_events_schema_version (
                    version    INTEGER PRIMARY KEY,
                    applied_at INTEGER NOT NULL)
                """);
            var current = Convert.ToInt32(
                await ScalarAsync(connection, transaction, "SELECT COALESCE(MAX(version), 0) FROM payment_events_schema_version"),
                CultureInfo.InvariantCulture);
            foreach (var (version, sql) in SqliteSchema.Migrations.Where(m => m.Version > current))
            {
                await NonQueryAsync(connection, transaction, sql);
                await NonQueryAsync(connection, transaction,
                        "INSERT INTO payment_events_schema_version (version, applied_at) VALUES ($v, $now)",
                        ("$v", version), ("$now", SqliteSchema.ToDb(_time.GetUtcNow())));
                current = version;
            }

            _logger.SchemaReady(Engine, current);
            return true;
        }, cancellationToken, beforeTransaction: "PRAGMA journal_mode=WAL;");

    public async Task<bool> IsHealthyAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await OpenAsync(cancellationToken);
            await ScalarAsync(connection, null, "SELECT COUNT(*) FROM payment_events_schema_version");
            return true;
        }
        catch (SqliteException)
        {
            return false;
        }
    }

    public Task<InsertOutcome> InsertAsync(NewEvent newEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(newEvent);
        return WriteAsync("store an event", async (connection, transaction) =>
        {
            var now = SqliteSchema.ToDb(_time.GetUtcNow());
            var rows = await NonQueryAsync(connection, transaction, """
                    INSERT INTO payment_events
                        (id, type, object_id, livemode, payload, status, received_at, updated_at, attempts, next_attempt_at)
                    VALUES ($id, $type, $object_id, $livemode, $payload, 'received', $received_at, $now, 0, $now)
                    ON CONFLICT (id) DO NOTHING
                    """,
                    ("$id", newEvent.Id), ("$type", newEvent.Type), ("$object_id", newEvent.ObjectId),
                    ("$livemode", newEvent.Livemode), ("$payload", newEvent.Payload),
                    ("$received_at", SqliteSchema.ToDb(newEvent.ReceivedAt)), ("$now", now));
            return rows == 1 ? InsertOutcome.Stored : InsertOutcome.Duplicate;
        }, cancellationToken);
    }

    public Task<IReadOnlyList<EventLease>> ClaimAsync(string owner, int max, TimeSpan leaseDuration, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(owner);
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(leaseDuration, TimeSpan.Zero);
        return WriteAsync<IReadOnlyList<EventLease>>("claim events", async (connection, transaction) =>
        {
            var now = _time.GetUtcNow();
            var expires = StorageText.ToMicroseconds(now + leaseDuration);
            // Due = received, failed whose retry time came, or processing whose lease expired (a dead worker).
            // Per object only the earliest unfinished event may run, and none while another event of the object
            // holds a live lease (a replayed older event must wait for the one in flight).
            await using var command = Exec(connection, transaction, $"""
                UPDATE payment_events
                SET status = 'processing', lease_owner = $owner, lease_expires_at = $expires,
                    attempts = attempts + 1, lease_token = lease_token + 1, updated_at = $now
                WHERE seq IN (
                    SELECT e.seq FROM payment_events e
                    WHERE e.status IN ('received', 'processing', 'failed')
                      AND (e.status = 'received'
                           OR (e.status = 'failed' AND e.next_attempt_at <= $now)
                           OR (e.status = 'processing' AND e.lease_expires_at <= $now))
                      AND (e.object_id IS NULL OR NOT EXISTS (
                           SELECT 1 FROM payment_events p
                           WHERE p.object_id = e.object_id AND p.seq <> e.seq
                             AND p.status IN ('received', 'processing', 'failed')
                             AND (p.seq < e.seq OR (p.status = 'processing' AND p.lease_expires_at > $now))))
                    ORDER BY e.seq
                    LIMIT $max)
                RETURNING seq, id, type, object_id, payload, attempts, lease_token
                """,
                ("$owner", owner), ("$expires", SqliteSchema.ToDb(expires)), ("$now", SqliteSchema.ToDb(now)), ("$max", max));
            var leases = new List<(long Seq, EventLease Lease)>();
            await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
            {
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

            // RETURNING order is unspecified; hand them out in arrival order.
            return [.. leases.OrderBy(l => l.Seq).Select(l => l.Lease)];
        }, cancellationToken);
    }

    public Task<bool> RenewLeaseAsync(EventLease lease, TimeSpan leaseDuration, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lease);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(leaseDuration, TimeSpan.Zero);
        return FencedUpdateAsync(lease, "renew its lease",
            "lease_expires_at = $expires, updated_at = $now",
            cancellationToken,
            ("$expires", SqliteSchema.ToDb(_time.GetUtcNow() + leaseDuration)));
    }

    public async Task<IReadOnlySet<string>> GetSucceededHandlersAsync(string eventId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(eventId);
        return await ReadAsync<IReadOnlySet<string>>("read handler results", async connection =>
        {
            var set = new HashSet<string>(StringComparer.Ordinal);
            await using var command = Exec(connection, null,
                "SELECT handler FROM payment_event_handler_attempts WHERE event_id = $id AND succeeded = 1",
                ("$id", eventId));
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
        return WriteAsync("record a handler attempt", async (connection, transaction) =>
            await NonQueryAsync(connection, transaction, """
                    INSERT INTO payment_event_handler_attempts (event_id, handler, attempts, succeeded, last_error, last_attempt_at)
                    VALUES ($id, $handler, 1, $ok, $error, $now)
                    ON CONFLICT (event_id, handler) DO UPDATE SET
                        attempts = attempts + 1,
                        succeeded = MAX(succeeded, excluded.succeeded),
                        last_error = excluded.last_error,
                        last_attempt_at = excluded.last_attempt_at
                    """,
                    ("$id", eventId), ("$handler", handler), ("$ok", succeeded),
                    ("$error", errorMessage is null ? null : StorageText.Truncate(errorMessage)),
                    ("$now", SqliteSchema.ToDb(_time.GetUtcNow()))), cancellationToken);
    }

    public Task<bool> CompleteAsync(EventLease lease, EventStatus status, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lease);
        if (status is not (EventStatus.Processed or EventStatus.Ignored))
        {
            throw new ArgumentOutOfRangeException(nameof(status), status, "An event completes as processed or ignored.");
        }

        return FencedUpdateAsync(lease, "complete it",
            "status = $status, lease_owner = NULL, lease_expires_at = NULL, next_attempt_at = NULL, updated_at = $now",
            cancellationToken,
            ("$status", EventStatusText.ToText(status)));
    }

    public Task<bool> FailAsync(EventLease lease, string errorMessage, DateTimeOffset? retryAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lease);
        ArgumentNullException.ThrowIfNull(errorMessage);
        return FencedUpdateAsync(lease, "record its failure",
            "status = $status, last_error = $error, next_attempt_at = $retry, lease_owner = NULL, lease_expires_at = NULL, updated_at = $now",
            cancellationToken,
            ("$status", retryAt is null ? EventStatusText.Dead : EventStatusText.Failed),
            ("$error", StorageText.Truncate(errorMessage)),
            ("$retry", retryAt is { } at ? SqliteSchema.ToDb(at) : null));
    }

    public Task<StoredEvent?> GetAsync(string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(id);
        return ReadAsync("read an event", async connection =>
        {
            StoredEvent? found = null;
            await using (var command = Exec(connection, null, $"SELECT {EventColumns} FROM payment_events WHERE id = $id", ("$id", id)))
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
        return ReadAsync("list events", async connection =>
        {
            var sql = new StringBuilder($"SELECT {EventColumns} FROM payment_events WHERE 1 = 1");
            var parameters = new List<(string, object?)> { ("$limit", limit + 1) };
            if (query.Type is not null)
            {
                sql.Append(" AND type = $type");
                parameters.Add(("$type", query.Type));
            }

            if (query.Status is { } status)
            {
                sql.Append(" AND status = $status");
                parameters.Add(("$status", EventStatusText.ToText(status)));
            }

            if (query.ObjectId is not null)
            {
                sql.Append(" AND object_id = $object_id");
                parameters.Add(("$object_id", query.ObjectId));
            }

            if (after is not null)
            {
                sql.Append(" AND seq < $after");
                parameters.Add(("$after", after));
            }

            sql.Append(" ORDER BY seq DESC LIMIT $limit");
            var rows = new List<(long Seq, StoredEvent Event)>();
            await using (var command = Exec(connection, null, sql.ToString(), [.. parameters]))
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
        return WriteAsync("replay an event", async (connection, transaction) =>
        {
            var exists = await ScalarAsync(connection, transaction, "SELECT 1 FROM payment_events WHERE id = $id", ("$id", id)) is not null;
            if (exists)
            {
                await NonQueryAsync(connection, transaction, ReplaySql("id = $id"), ("$id", id), ("$now", SqliteSchema.ToDb(_time.GetUtcNow())));
            }

            return exists;
        }, cancellationToken);
    }

    public Task<int> ReplayManyAsync(EventStatus status, string? type, CancellationToken cancellationToken)
    {
        if (status == EventStatus.Processing)
        {
            return Task.FromResult(0);
        }

        return WriteAsync("replay events", async (connection, transaction) =>
            await NonQueryAsync(connection, transaction,
                    ReplaySql(type is null ? "status = $status" : "status = $status AND type = $type"),
                    ("$status", EventStatusText.ToText(status)), ("$type", type), ("$now", SqliteSchema.ToDb(_time.GetUtcNow()))), cancellationToken);
    }

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    public void Dispose()
    {
        // Pooled connections keep the file (and its WAL) open; release them with the store.
        using (var connection = new SqliteConnection(_connectionString))
        {
            SqliteConnection.ClearPool(connection);
        }

        _writeGate.Dispose();
    }

    // Handler success rows are deliberately left alone: a handler that succeeded never runs again.
    // An event in flight under a live lease is skipped; its worker finishes it.
    private static string ReplaySql(string filter) => $"""
        UPDATE payment_events
        SET status = 'received', next_attempt_at = $now, attempts = 0,
            lease_owner = NULL, lease_expires_at = NULL, updated_at = $now
        WHERE {filter} AND NOT (status = 'processing' AND lease_expires_at > $now)
        """;

    private Task<bool> FencedUpdateAsync(
        EventLease lease, string operation, string assignments, CancellationToken cancellationToken, params (string Name, object? Value)[] extra) =>
        WriteAsync(operation, async (connection, transaction) =>
        {
            (string, object?)[] parameters =
            [
                ("$id", lease.EventId), ("$owner", lease.Owner), ("$token", lease.LeaseToken),
                ("$now", SqliteSchema.ToDb(_time.GetUtcNow())), .. extra,
            ];
            var rows = await NonQueryAsync(connection, transaction, $"UPDATE payment_events SET {assignments} WHERE {FencedLease}", parameters);
            if (rows == 0)
            {
                _logger.LeaseLost(lease.EventId, lease.Owner, lease.LeaseToken, operation);
            }

            return rows == 1;
        }, cancellationToken);

    private static async Task<Dictionary<string, IReadOnlyList<HandlerAttempts>>> ReadHandlersAsync(
        SqliteConnection connection, IReadOnlyList<string> eventIds, CancellationToken cancellationToken)
    {
        var result = new Dictionary<string, IReadOnlyList<HandlerAttempts>>(StringComparer.Ordinal);
        if (eventIds.Count == 0)
        {
            return result;
        }

        var names = eventIds.Select((_, i) => $"$e{i}").ToArray();
        await using var command = Exec(connection, null,
            $"""
            SELECT event_id, handler, attempts, succeeded, last_error, last_attempt_at
            FROM payment_event_handler_attempts WHERE event_id IN ({string.Join(", ", names)})
            ORDER BY event_id, handler
            """,
            [.. eventIds.Select((id, i) => (names[i], (object?)id))]);
        var lists = new Dictionary<string, List<HandlerAttempts>>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var eventId = reader.GetString(0);
            if (!lists.TryGetValue(eventId, out var list))
            {
                lists[eventId] = list = [];
            }

            list.Add(new HandlerAttempts(
                reader.GetString(1), reader.GetInt32(2), reader.GetInt64(3) != 0,
                reader.IsDBNull(4) ? null : reader.GetString(4), SqliteSchema.FromDb(reader.GetInt64(5))));
        }

        foreach (var (eventId, list) in lists)
        {
            result[eventId] = list;
        }

        return result;
    }

    private static StoredEvent ReadEvent(SqliteDataReader reader) => new(
        Id: reader.GetString(1),
        Type: reader.GetString(2),
        ObjectId: reader.IsDBNull(3) ? null : reader.GetString(3),
        Livemode: reader.IsDBNull(4) ? null : reader.GetInt64(4) != 0,
        Status: EventStatusText.Parse(reader.GetString(6)),
        ReceivedAt: SqliteSchema.FromDb(reader.GetInt64(7)),
        UpdatedAt: SqliteSchema.FromDb(reader.GetInt64(8)),
        Attempts: reader.GetInt32(9),
        NextAttemptAt: reader.IsDBNull(10) ? null : SqliteSchema.FromDb(reader.GetInt64(10)),
        LastError: reader.IsDBNull(11) ? null : reader.GetString(11),
        Payload: reader.GetString(5),
        Handlers: []);

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            // Per-connection settings (journal_mode=WAL is persistent and set by MigrateAsync).
            await NonQueryAsync(connection, null, "PRAGMA busy_timeout = 10000; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;");
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private async Task<T> ReadAsync<T>(string operation, Func<SqliteConnection, Task<T>> work, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        try
        {
            await using var connection = await OpenAsync(cancellationToken);
            return await work(connection);
        }
        catch (SqliteException ex)
        {
            _logger.StoreFailed(Engine, operation, ex);
            throw new StorageUnavailableException($"The SQLite event store could not {operation}: {ex.Message}", ex);
        }
    }

    private async Task<T> WriteAsync<T>(
        string operation, Func<SqliteConnection, SqliteTransaction, Task<T>> work, CancellationToken cancellationToken, string? beforeTransaction = null)
    {
        await _writeGate.WaitAsync(cancellationToken);
        try
        {
            await using var connection = await OpenAsync(cancellationToken);
            if (beforeTransaction is not null)
            {
                await NonQueryAsync(connection, null, beforeTransaction);
            }

            // deferred: false = BEGIN IMMEDIATE: take the write lock up front (see class remarks).
            await using var transaction = connection.BeginTransaction(deferred: false);
            var result = await work(connection, transaction);
            await transaction.CommitAsync(cancellationToken);
            return result;
        }
        catch (SqliteException ex)
        {
            _logger.StoreFailed(Engine, operation, ex);
            throw new StorageUnavailableException($"The SQLite event store could not {operation}: {ex.Message}", ex);
        }
        finally
        {
            _writeGate.Release();
        }
    }

    // Microsoft.Data.Sqlite runs "async" calls synchronously and only looks at a token before starting, so the
    // token is checked once per operation (ReadAsync/WriteAsync) rather than threaded through every statement.
    private static async Task<int> NonQueryAsync(SqliteConnection connection, SqliteTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        await using var command = Exec(connection, transaction, sql, parameters);
        return await command.ExecuteNonQueryAsync();
    }

    private static async Task<object?> ScalarAsync(SqliteConnection connection, SqliteTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        await using var command = Exec(connection, transaction, sql, parameters);
        return await command.ExecuteScalarAsync();
    }

    private static SqliteCommand Exec(SqliteConnection connection, SqliteTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return command;
    }
}
