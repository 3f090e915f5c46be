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
    private static readonly StoreDialect Dialect = StoreDialect.Postgres;

    private readonly NpgsqlDataSource _dataSource;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly EventQueries _queries;

    public PostgresEventStore(string connectionString, TimeProvider time, ILogger<PostgresEventStore> logger)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        _dataSource = NpgsqlDataSource.Create(connectionString);
        _time = time;
        _logger = logger;
        _queries = new EventQueries(Dialect, time, logger);
    }

    public Task MigrateAsync(CancellationToken cancellationToken) =>
        RunAsync("migrate the schema", async connection =>
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            // DDL is transactional in PostgreSQL; the lock makes concurrent replicas migrate one after the other
            // (two concurrent CREATE TABLE IF NOT EXISTS can otherwise both fail on the catalog's unique index).
            await StoreCommands.NonQueryAsync(connection, transaction, "SELECT pg_advisory_xact_lock(@key)", cancellationToken,
                ("key", PostgresSchema.MigrationLockKey));
            var current = await _queries.MigrateAsync(
                connection, transaction, PostgresSchema.VersionTable, PostgresSchema.Migrations, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            _logger.SchemaReady(Dialect.Engine, current);
            return true;
        }, cancellationToken, logFailure: false);

    public async Task<bool> IsHealthyAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
            await StoreCommands.ScalarAsync(connection, null, EventSql.CountVersions, cancellationToken);
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
            // One round trip, one implicit transaction: shared claim lock, then the insert (see class remarks).
            await using var batch = new NpgsqlBatch(connection);
            batch.BatchCommands.Add(BatchCommand("SELECT pg_advisory_xact_lock_shared(@key)", ("key", PostgresSchema.ClaimLockKey)));
            batch.BatchCommands.Add(BatchCommand($"{EventSql.InsertEvent}\nRETURNING seq", _queries.InsertValues(newEvent)));
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
        return RunAsync("claim events", async connection =>
        {
            var now = StorageText.ToMicroseconds(_time.GetUtcNow());
            var expires = StorageText.ToMicroseconds(now + leaseDuration);
            await using var batch = new NpgsqlBatch(connection);
            batch.BatchCommands.Add(BatchCommand("SELECT pg_advisory_xact_lock(@key)", ("key", PostgresSchema.ClaimLockKey)));
            batch.BatchCommands.Add(BatchCommand($"""
                WITH due AS ({EventSql.DueEvents}
                    FOR UPDATE OF e SKIP LOCKED)
                UPDATE payment_events t
                SET status = 'processing', lease_owner = @owner, lease_expires_at = @expires,
                    attempts = t.attempts + 1, lease_token = t.lease_token + 1, updated_at = @now
                FROM due
                WHERE t.seq = due.seq
                RETURNING t.seq, t.id, t.type, t.object_id, t.payload, t.attempts, t.lease_token
                """,
                ("owner", owner), ("expires", expires), ("now", now), ("max", max)));
            await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
            await reader.NextResultAsync(cancellationToken);
            return await EventRows.ReadLeasesAsync(reader, owner, expires, cancellationToken);
        }, cancellationToken);
    }

    public Task<bool> RenewLeaseAsync(EventLease lease, TimeSpan leaseDuration, CancellationToken cancellationToken) =>
        ApplyAsync(LeaseChange.Renew(lease, leaseDuration, _time, Dialect), cancellationToken);

    public Task<IReadOnlySet<string>> GetSucceededHandlersAsync(string eventId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(eventId);
        return RunAsync("read handler results",
            connection => EventQueries.GetSucceededHandlersAsync(connection, eventId, cancellationToken), cancellationToken);
    }

    public Task RecordHandlerAttemptAsync(string eventId, string handler, bool succeeded, string? errorMessage, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(eventId);
        ArgumentException.ThrowIfNullOrWhiteSpace(handler);
        return RunAsync("record a handler attempt", connection => _queries.RecordHandlerAttemptAsync(connection, null, """
            INSERT INTO payment_event_handler_attempts AS h (event_id, handler, attempts, succeeded, last_error, last_attempt_at)
            VALUES (@id, @handler, 1, @ok, @error, @now)
            ON CONFLICT (event_id, handler) DO UPDATE SET
                attempts = h.attempts + 1,
                succeeded = h.succeeded OR excluded.succeeded,
                last_error = excluded.last_error,
                last_attempt_at = excluded.last_attempt_at
            """, eventId, handler, succeeded, errorMessage, cancellationToken), cancellationToken);
    }

    public Task<bool> CompleteAsync(EventLease lease, EventStatus status, CancellationToken cancellationToken) =>
        ApplyAsync(LeaseChange.Complete(lease, status), cancellationToken);

    public Task<bool> FailAsync(EventLease lease, string errorMessage, DateTimeOffset? retryAt, CancellationToken cancellationToken) =>
        ApplyAsync(LeaseChange.Fail(lease, errorMessage, retryAt, Dialect), cancellationToken);

    public Task<StoredEvent?> GetAsync(string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(id);
        return RunAsync("read an event", connection => _queries.GetAsync(connection, id, cancellationToken), cancellationToken);
    }

    public Task<InboxStats> GetStatsAsync(CancellationToken cancellationToken) =>
        RunAsync("read inbox stats", connection => _queries.GetStatsAsync(connection, cancellationToken), cancellationToken);

    public Task<EventPage> ListAsync(EventQuery query, CancellationToken cancellationToken)
    {
        var request = EventListRequest.From(query);
        return RunAsync("list events", connection => _queries.ListAsync(connection, request, cancellationToken), cancellationToken);
    }

    public Task<bool> ReplayAsync(string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(id);
        return RunAsync("replay an event", async connection =>
        {
            // One statement: the UPDATE changes the row if it may be replayed; the outer SELECT says whether it exists.
            var exists = await StoreCommands.ScalarAsync(connection, null, $"""
                WITH replayed AS ({EventSql.Replay("id = @id")} RETURNING 1)
                SELECT EXISTS (SELECT 1 FROM payment_events WHERE id = @id)
                """, cancellationToken, ("id", id), ("now", _queries.Now()));
            return exists is true;
        }, cancellationToken);
    }

    public Task<int> ReplayManyAsync(EventStatus status, string? type, CancellationToken cancellationToken)
    {
        if (status == EventStatus.Processing)
        {
            return Task.FromResult(0);
        }

        return RunAsync("replay events",
            connection => _queries.ReplayManyAsync(connection, null, status, type, cancellationToken), cancellationToken);
    }

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    public void Dispose() => _dataSource.Dispose();

    private Task<bool> ApplyAsync(LeaseChange change, CancellationToken cancellationToken) =>
        RunAsync(change.Operation, connection => _queries.ApplyAsync(connection, null, change, cancellationToken), cancellationToken);

    // logFailure: false for the startup migration, whose failure the migration service reports in one line.
    private async Task<T> RunAsync<T>(string operation, Func<NpgsqlConnection, Task<T>> work, CancellationToken cancellationToken, bool logFailure = true)
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
            if (logFailure)
            {
                _logger.StoreFailed(Dialect.Engine, operation, ex);
            }

            throw new StorageUnavailableException($"The PostgreSQL event store could not {operation}: {ex.Message}", ex);
        }
    }

    private static NpgsqlBatchCommand BatchCommand(string sql, params (string Name, object? Value)[] parameters)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return command;
    }
}
