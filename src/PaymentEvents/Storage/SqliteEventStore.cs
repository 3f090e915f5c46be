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

    private static readonly StoreDialect Dialect = StoreDialect.Sqlite;

    private readonly string _connectionString;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly EventQueries _queries;
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
        _queries = new EventQueries(Dialect, time, logger);
    }

    public Task MigrateAsync(CancellationToken cancellationToken) =>
        WriteAsync("migrate the schema", async (connection, transaction) =>
        {
            var current = await _queries.MigrateAsync(
                connection, transaction, SqliteSchema.VersionTable, SqliteSchema.Migrations, CancellationToken.None);
            _logger.SchemaReady(Dialect.Engine, current);
            return true;
        }, cancellationToken, beforeTransaction: "PRAGMA journal_mode=WAL;", logFailure: false);

    public async Task<bool> IsHealthyAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await OpenAsync(cancellationToken);
            await StoreCommands.ScalarAsync(connection, null, EventSql.CountVersions, CancellationToken.None);
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
            var rows = await StoreCommands.NonQueryAsync(
                connection, transaction, EventSql.InsertEvent, CancellationToken.None, _queries.InsertValues(newEvent));
            return rows == 1 ? InsertOutcome.Stored : InsertOutcome.Duplicate;
        }, cancellationToken);
    }

    public Task<IReadOnlyList<EventLease>> ClaimAsync(string owner, int max, TimeSpan leaseDuration, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(owner);
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(leaseDuration, TimeSpan.Zero);
        return WriteAsync("claim events", async (connection, transaction) =>
        {
            var now = _time.GetUtcNow();
            var expires = StorageText.ToMicroseconds(now + leaseDuration);
            // One writer at a time (BEGIN IMMEDIATE), so the due check and the update cannot race (see class remarks).
            await using var command = StoreCommands.Create(connection, transaction, $"""
                UPDATE payment_events
                SET status = 'processing', lease_owner = @owner, lease_expires_at = @expires,
                    attempts = attempts + 1, lease_token = lease_token + 1, updated_at = @now
                WHERE seq IN ({EventSql.DueEvents})
                RETURNING seq, id, type, object_id, payload, attempts, lease_token
                """,
                ("owner", owner), ("expires", Dialect.ToDb(expires)), ("now", Dialect.ToDb(now)), ("max", max));
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            return await EventRows.ReadLeasesAsync(reader, owner, expires, cancellationToken);
        }, cancellationToken);
    }

    public Task<bool> RenewLeaseAsync(EventLease lease, TimeSpan leaseDuration, CancellationToken cancellationToken) =>
        ApplyAsync(LeaseChange.Renew(lease, leaseDuration, _time, Dialect), cancellationToken);

    public async Task<IReadOnlySet<string>> GetSucceededHandlersAsync(string eventId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(eventId);
        return await ReadAsync("read handler results",
            connection => EventQueries.GetSucceededHandlersAsync(connection, eventId, cancellationToken), cancellationToken);
    }

    public Task RecordHandlerAttemptAsync(string eventId, string handler, bool succeeded, string? errorMessage, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(eventId);
        ArgumentException.ThrowIfNullOrWhiteSpace(handler);
        return WriteAsync("record a handler attempt", (connection, transaction) => _queries.RecordHandlerAttemptAsync(connection, transaction, """
            INSERT INTO payment_event_handler_attempts (event_id, handler, attempts, succeeded, last_error, last_attempt_at)
            VALUES (@id, @handler, 1, @ok, @error, @now)
            ON CONFLICT (event_id, handler) DO UPDATE SET
                attempts = attempts + 1,
                succeeded = MAX(succeeded, excluded.succeeded),
                last_error = excluded.last_error,
                last_attempt_at = excluded.last_attempt_at
            """, eventId, handler, succeeded, errorMessage, CancellationToken.None), cancellationToken);
    }

    public Task<bool> CompleteAsync(EventLease lease, EventStatus status, CancellationToken cancellationToken) =>
        ApplyAsync(LeaseChange.Complete(lease, status), cancellationToken);

    public Task<bool> FailAsync(EventLease lease, string errorMessage, DateTimeOffset? retryAt, CancellationToken cancellationToken) =>
        ApplyAsync(LeaseChange.Fail(lease, errorMessage, retryAt, Dialect), cancellationToken);

    public Task<StoredEvent?> GetAsync(string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(id);
        return ReadAsync("read an event", connection => _queries.GetAsync(connection, id, cancellationToken), cancellationToken);
    }

    public Task<InboxStats> GetStatsAsync(CancellationToken cancellationToken) =>
        ReadAsync("read inbox stats", connection => _queries.GetStatsAsync(connection, cancellationToken), cancellationToken);

    public Task<EventPage> ListAsync(EventQuery query, CancellationToken cancellationToken)
    {
        var request = EventListRequest.From(query);
        return ReadAsync("list events", connection => _queries.ListAsync(connection, request, cancellationToken), cancellationToken);
    }

    public Task<bool> ReplayAsync(string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(id);
        return WriteAsync("replay an event", async (connection, transaction) =>
        {
            var exists = await StoreCommands.ScalarAsync(connection, transaction, "SELECT 1 FROM payment_events WHERE id = @id",
                CancellationToken.None, ("id", id)) is not null;
            if (exists)
            {
                await StoreCommands.NonQueryAsync(connection, transaction, EventSql.Replay("id = @id"), CancellationToken.None,
                    ("id", id), ("now", _queries.Now()));
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

        return WriteAsync("replay events",
            (connection, transaction) => _queries.ReplayManyAsync(connection, transaction, status, type, CancellationToken.None),
            cancellationToken);
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

    private Task<bool> ApplyAsync(LeaseChange change, CancellationToken cancellationToken) =>
        WriteAsync(change.Operation,
            (connection, transaction) => _queries.ApplyAsync(connection, transaction, change, CancellationToken.None), cancellationToken);

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            // Per-connection settings (journal_mode=WAL is persistent and set by MigrateAsync).
            await StoreCommands.NonQueryAsync(connection, null,
                "PRAGMA busy_timeout = 10000; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;", CancellationToken.None);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    // Microsoft.Data.Sqlite runs "async" calls synchronously and only looks at a token before starting, so the
    // token is checked once per operation (here) rather than threaded through every write statement
    // (statements get CancellationToken.None).
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
            _logger.StoreFailed(Dialect.Engine, operation, ex);
            throw new StorageUnavailableException($"The SQLite event store could not {operation}: {ex.Message}", ex);
        }
    }

    private async Task<T> WriteAsync<T>(
        string operation, Func<SqliteConnection, SqliteTransaction, Task<T>> work, CancellationToken cancellationToken, string? beforeTransaction = null,
        bool logFailure = true)
    {
        await _writeGate.WaitAsync(cancellationToken);
        try
        {
            await using var connection = await OpenAsync(cancellationToken);
            if (beforeTransaction is not null)
            {
                await StoreCommands.NonQueryAsync(connection, null, beforeTransaction, CancellationToken.None);
            }

            // deferred: false = BEGIN IMMEDIATE: take the write lock up front (see class remarks).
            await using var transaction = connection.BeginTransaction(deferred: false);
            var result = await work(connection, transaction);
            await transaction.CommitAsync(cancellationToken);
            return result;
        }
        catch (SqliteException ex)
        {
            // Not for the startup migration: the migration service reports that failure in one line.
            if (logFailure)
            {
                _logger.StoreFailed(Dialect.Engine, operation, ex);
            }

            throw new StorageUnavailableException($"The SQLite event store could not {operation}: {ex.Message}", ex);
        }
        finally
        {
            _writeGate.Release();
        }
    }
}
