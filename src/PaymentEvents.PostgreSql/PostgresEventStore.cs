using System.Data.Common;
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
/// in the same implicit transaction as the INSERTs, so no insert is between drawing its sequence number and
/// committing while a claim looks. Eligibility also excludes any object that has an event under a live lease, so a
/// replayed older event waits for the one in flight. SKIP LOCKED still matters: a row being completed or failed
/// right now is skipped instead of waited for.
/// </para>
/// </summary>
internal sealed class PostgresEventStore : EventStore
{
    /// <summary>Statements Npgsql prepares per connection when the connection string does not say (<c>Max Auto Prepare</c>).</summary>
    internal const int DefaultMaxAutoPrepare = 64;

    private readonly NpgsqlDataSource _dataSource;

    public PostgresEventStore(string connectionString, TimeProvider time, ILogger<PostgresEventStore> logger)
        : base(time, logger)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        var given = new DbConnectionStringBuilder { ConnectionString = connectionString };
        if (!given.ContainsKey("Max Auto Prepare") && !given.ContainsKey("MaxAutoPrepare"))
        {
            // The same few statements run for every delivery and event: prepared once per connection, the server
            // parses and plans them once. "Max Auto Prepare=0" in the connection string turns this off (PgBouncer in
            // transaction mode before 1.21 cannot keep prepared statements).
            builder.MaxAutoPrepare = DefaultMaxAutoPrepare;
        }

        _dataSource = NpgsqlDataSource.Create(builder.ConnectionString);
    }

    /// <summary>The connection string in use (with the auto-prepare default applied).</summary>
    internal string ConnectionString => _dataSource.ConnectionString;

    protected override string Engine => "postgres";

    protected override string DisplayName => "PostgreSQL";

    protected override string VersionTableSql => PostgresSchema.VersionTable;

    protected override IReadOnlyList<(int Version, string Sql)> Migrations => PostgresSchema.Migrations;

    // DDL is transactional in PostgreSQL; the lock makes concurrent replicas migrate one after the other
    // (two concurrent CREATE TABLE IF NOT EXISTS can otherwise both fail on the catalog's unique index).
    protected override Task LockForMigrationAsync(DbConnection connection, DbTransaction transaction) =>
        NonQueryAsync(connection, transaction, "SELECT pg_advisory_xact_lock(@key)", ("key", PostgresSchema.MigrationLockKey));

    /// <summary>
    /// One round trip, one implicit transaction: the shared claim lock (see class remarks), then one INSERT per row;
    /// each returns its <c>seq</c> when it stored the row.
    /// </summary>
    protected override Task<IReadOnlyList<InsertOutcome>> InsertBatchAsync(IReadOnlyList<NewEvent> batch) =>
        RunAsync("store events", async connection =>
        {
            var now = Now();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var sent = new List<int>(batch.Count);
            await using var commands = new NpgsqlBatch((NpgsqlConnection)connection);
            commands.BatchCommands.Add(BatchCommand("SELECT pg_advisory_xact_lock_shared(@key)", ("key", PostgresSchema.ClaimLockKey)));
            for (var i = 0; i < batch.Count; i++)
            {
                if (seen.Add(batch[i].Id))
                {
                    commands.BatchCommands.Add(BatchCommand($"{InsertEventSql}\nRETURNING seq", InsertValues(batch[i], now)));
                    sent.Add(i);
                }
            }

            var outcomes = Enumerable.Repeat(InsertOutcome.Duplicate, batch.Count).ToArray();
            await using var reader = await commands.ExecuteReaderAsync(CancellationToken.None);
            foreach (var index in sent)
            {
                await reader.NextResultAsync(CancellationToken.None);
                if (await reader.ReadAsync(CancellationToken.None))
                {
                    outcomes[index] = InsertOutcome.Stored;
                }
            }

            return (IReadOnlyList<InsertOutcome>)outcomes;
        }, CancellationToken.None);

    /// <summary>
    /// One round trip, one implicit transaction: one statement per completion, the fenced status change with its
    /// attempt rows as a data-modifying CTE (<see cref="FinishStatement"/>). If any statement fails, PostgreSQL rolls
    /// back the whole batch and the group commit retries its completions one by one, as with the base version.
    /// </summary>
    protected override Task<IReadOnlyList<bool>> FinishBatchAsync(IReadOnlyList<EventCompletion> batch) =>
        RunAsync("record event outcomes", async connection =>
        {
            var now = Now();
            await using var commands = new NpgsqlBatch((NpgsqlConnection)connection);
            foreach (var completion in batch)
            {
                commands.BatchCommands.Add(FinishStatement(completion, now));
            }

            var held = new bool[batch.Count];
            await using var reader = await commands.ExecuteReaderAsync(CancellationToken.None);
            for (var i = 0; i < batch.Count; i++)
            {
                if (i > 0)
                {
                    await reader.NextResultAsync(CancellationToken.None);
                }

                await reader.ReadAsync(CancellationToken.None);
                held[i] = LeaseHeld(batch[i].Lease, (int)reader.GetInt64(0), FinishOperation);
            }

            return (IReadOnlyList<bool>)held;
        }, CancellationToken.None);

    /// <summary>
    /// <see cref="EventStore.FinishEventSql"/> returning the event's id, and the attempt rows inserted only for a row it
    /// updated (a lost lease writes nothing); the statement returns how many rows the fenced update changed (1 or 0).
    /// <para>
    /// The attempt numbers: all parts of one statement share its snapshot, so the INSERT cannot see its own rows; a
    /// run's number is therefore the handler's stored maximum plus its position among this completion's runs of that
    /// handler (the processor runs each handler once, but this keeps the base version's numbering for any input).
    /// Earlier statements of the batch are visible (each statement takes a fresh snapshot). A concurrent
    /// transaction that committed attempts of this event while the UPDATE waited for the row lock cannot be missed
    /// by the snapshot taken before the wait: every writer of attempts ends the lease the fence checks, so the
    /// fence would fail and nothing is inserted.
    /// </para>
    /// </summary>
    private NpgsqlBatchCommand FinishStatement(EventCompletion completion, object now)
    {
        var parameters = new List<(string Name, object? Value)>(FinishValues(completion, now));
        var sql = new StringBuilder($"WITH done AS (\n{FinishEventSql}\nRETURNING id)");
        if (completion.Runs.Count > 0)
        {
            var rows = new List<string>(completion.Runs.Count);
            var seen = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var j = 0; j < completion.Runs.Count; j++)
            {
                var run = completion.Runs[j];
                var nth = seen[run.Handler] = seen.GetValueOrDefault(run.Handler) + 1;
                parameters.AddRange(RunValues(run).Select(p => ($"{p.Name}{j}", p.Value)));
                parameters.Add(($"nth{j}", nth));
                // Explicit types: a NULL error (or any parameter) in a VALUES list would otherwise resolve to text
                // or fail to resolve at all.
                rows.Add($"(@handler{j}::text, @nth{j}::integer, @started{j}::timestamptz, @duration{j}::bigint, @outcome{j}::text, @error{j}::text)");
            }

            sql.Append($"""
                ,
                attempts AS (
                    INSERT INTO payment_event_attempts (event_id, handler, attempt, started_at, duration_us, outcome, error)
                    SELECT done.id, r.handler,
                           COALESCE((SELECT MAX(a.attempt) FROM payment_event_attempts a
                                     WHERE a.event_id = done.id AND a.handler = r.handler), 0) + r.nth,
                           r.started, r.duration, r.outcome, r.error
                    FROM done CROSS JOIN (VALUES {string.Join(", ", rows)}) AS r (handler, nth, started, duration, outcome, error))
                """);
        }

        // A data-modifying CTE runs to completion whether or not the main query reads it.
        sql.Append("\nSELECT count(*) FROM done");
        return BatchCommand(sql.ToString(), [.. parameters]);
    }

    protected override Task<List<(EventLease Lease, int TotalAttempts)>> ClaimDueAsync(
        string owner, int max, DateTimeOffset now, DateTimeOffset expires, CancellationToken cancellationToken) =>
        RunAsync("claim events", async connection =>
        {
            await using var batch = new NpgsqlBatch((NpgsqlConnection)connection);
            batch.BatchCommands.Add(BatchCommand("SELECT pg_advisory_xact_lock(@key)", ("key", PostgresSchema.ClaimLockKey)));
            batch.BatchCommands.Add(BatchCommand($"""
                WITH due AS ({DueEventsSql}
                    FOR UPDATE OF e SKIP LOCKED)
                UPDATE payment_events SET {ClaimAssignments}
                FROM due
                WHERE payment_events.seq = due.seq
                RETURNING {string.Join(", ", ClaimReturning.Split(", ").Select(c => "payment_events." + c))}
                """,
                ("owner", owner), ("expires", expires), ("now", now), ("max", max)));
            await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
            await reader.NextResultAsync(cancellationToken);
            return await ReadLeasesAsync(reader, owner, expires, cancellationToken);
        }, cancellationToken);

    protected override object ToDb(DateTimeOffset value) => ToMicroseconds(value);

    protected override DateTimeOffset ReadTime(DbDataReader reader, int ordinal) => reader.GetFieldValue<DateTimeOffset>(ordinal);

    protected override string MinuteOf(string column) => $"floor(extract(epoch FROM {column}) / 60)::bigint";

    // Npgsql writes bytea straight from the memory: no copy.
    protected override object PayloadValue(ReadOnlyMemory<byte> payload) => payload;

    protected override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken) =>
        await _dataSource.OpenConnectionAsync(cancellationToken);

    protected override bool IsDatabaseError(Exception exception) => exception is NpgsqlException;

    // Idle pooled connections are likely dead too (server restart, failover): drop them so the next
    // operation after recovery opens fresh ones instead of failing once more on a stale socket.
    protected override void OnDatabaseError() => _dataSource.Clear();

    protected override string? PermanentReason(Exception exception) => PermanentReasonOf(exception);

    /// <summary>
    /// SQLSTATE 3D000 (no such database), class 28 (authentication) and 42501 (no privilege): waiting cures none of
    /// them, so startup fails at once with what to fix instead of retrying.
    /// </summary>
    internal static string? PermanentReasonOf(Exception exception) => (exception as PostgresException)?.SqlState switch
    {
        "3D000" => "the database named in ConnectionStrings:PaymentEvents does not exist; create it (CREATE DATABASE ...) or fix the Database= part",
        "28P01" or "28000" => "PostgreSQL refused the user name or password in ConnectionStrings:PaymentEvents; fix Username=/Password=",
        "42501" => "the user in ConnectionStrings:PaymentEvents may not create or change the schema; grant it CREATE on the database",
        _ => null,
    };

    protected override ValueTask DisposeCoreAsync() => _dataSource.DisposeAsync();

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
