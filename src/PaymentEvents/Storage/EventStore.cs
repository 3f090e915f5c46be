using System.Data.Common;
using System.Runtime.InteropServices;
using Microsoft.Extensions.Logging;

namespace PaymentEvents.Storage;

/// <summary>
/// The inbox over ADO.NET, written once for every engine: each operation with the SQL it runs. The engines
/// (<c>SqliteEventStore</c> in PaymentEvents.Sqlite, <c>PostgresEventStore</c> in PaymentEvents.PostgreSql) override only what differs: connections and
/// transactions, how a time is stored, the claim (locking), the insert batch (PostgreSQL sends it in one round
/// trip) and the DDL. Parameters are written <c>@name</c>; both providers bind them by that name.
/// <para>
/// Writes of the hot paths are group-committed (<see cref="GroupCommit{TItem,TResult}"/>): concurrent inserts
/// share one transaction, and so do the completions of events that finish together.
/// </para>
/// <para>
/// This file holds what every role shares (construction, the engine primitives, connections and commands); each
/// role is in a file of its own: <c>EventStore.Schema.cs</c> (<see cref="IStoreSchema"/>), <c>EventStore.Inbox.cs</c>
/// (<see cref="IInboxWriter"/>), <c>EventStore.Claims.cs</c>, <c>EventStore.Leases.cs</c> and
/// <c>EventStore.Completions.cs</c> (<see cref="IEventLeases"/>), <c>EventStore.Queries.cs</c>
/// (<see cref="IEventQueries"/>) and <c>EventStore.Admin.cs</c> (<see cref="IEventAdmin"/>).
/// </para>
/// </summary>
internal abstract partial class EventStore : IEventStore, IAsyncDisposable, IDisposable
{
    /// <summary>Most items in one group commit (bounded so one transaction stays short).</summary>
    private const int MaxBatch = 256;

    private const string Unfinished = "('received', 'processing', 'failed')";

    private readonly GroupCommit<NewEvent, InsertOutcome> _inserts;
    private readonly GroupCommit<EventCompletion, bool> _finishes;
    private readonly Lazy<Task> _disposal;

    protected EventStore(TimeProvider time, ILogger logger)
    {
        Time = time;
        Logger = logger;
        _inserts = new(batch => TrackWriteAsync(InsertBatchAsync(batch)), MaxBatch);
        _finishes = new(batch => TrackWriteAsync(FinishBatchAsync(batch)), MaxBatch);
        // On the thread pool, and awaited without the caller's context: hosts block a thread on disposal (Host.Dispose
        // waits for DisposeAsync), and had the disposal's awaits (the writer loops ending, the pool closing) posted back
        // to that thread's context, a context with no other thread free (a UI thread, any single-threaded context)
        // would have both waiting for each other forever.
        _disposal = new(() => Task.Run(DisposeOnceAsync));
    }

    protected TimeProvider Time { get; }

    protected ILogger Logger { get; }

    /// <summary>Engine name in logs (<c>sqlite</c>, <c>postgres</c>).</summary>
    protected abstract string Engine { get; }

    /// <summary>Engine name in error messages (<c>SQLite</c>, <c>PostgreSQL</c>).</summary>
    protected abstract string DisplayName { get; }

    /// <summary>Schema versions, applied in order (append, never edit a shipped one).</summary>
    protected abstract IReadOnlyList<(int Version, string Sql)> Migrations { get; }

    /// <summary>Creates <c>payment_events_schema_version</c> if missing.</summary>
    protected abstract string VersionTableSql { get; }

    protected abstract Task<DbConnection> OpenAsync(CancellationToken cancellationToken);

    /// <summary>Starts a write transaction (SQLite: BEGIN IMMEDIATE).</summary>
    protected virtual async Task<DbTransaction> BeginWriteAsync(DbConnection connection) =>
        await connection.BeginTransactionAsync(CancellationToken.None);

    /// <summary>True for the provider's own exceptions (they become <see cref="StorageUnavailableException"/>).</summary>
    protected abstract bool IsDatabaseError(Exception exception);

    /// <summary>What to fix for a database error that no retry can cure; null when waiting may help.</summary>
    protected virtual string? PermanentReason(Exception exception) => null;

    /// <summary>Called after a database error (PostgreSQL drops pooled connections that are likely dead too).</summary>
    protected virtual void OnDatabaseError()
    {
    }

    /// <summary>A time as a parameter value, at the stored precision (microseconds).</summary>
    protected abstract object ToDb(DateTimeOffset value);

    protected abstract DateTimeOffset ReadTime(DbDataReader reader, int ordinal);

    /// <summary>SQL for "the whole minutes since the Unix epoch" of a time column.</summary>
    protected abstract string MinuteOf(string column);

    /// <summary>A payload as a parameter value (bytes: BLOB / bytea).</summary>
    protected virtual object PayloadValue(ReadOnlyMemory<byte> payload) =>
        MemoryMarshal.TryGetArray(payload, out var segment) && segment.Offset == 0 && segment.Count == segment.Array!.Length
            ? segment.Array
            : payload.ToArray();

    /// <summary>Runs in the migration transaction before anything else (PostgreSQL: one replica at a time).</summary>
    protected virtual Task LockForMigrationAsync(DbConnection connection, DbTransaction transaction) => Task.CompletedTask;

    /// <summary>Opens a connection, runs <paramref name="work"/>, maps provider errors to <see cref="StorageUnavailableException"/>.</summary>
    protected Task<T> RunAsync<T>(string operation, Func<DbConnection, Task<T>> work, CancellationToken cancellationToken) =>
        RunOnAsync(operation, OpenAsync, owned: true, work, cancellationToken);

    /// <summary>
    /// <see cref="RunAsync{T}"/> on the connection <paramref name="open"/> gives, disposed afterwards only when
    /// <paramref name="owned"/> (SQLite keeps its one write connection open).
    /// </summary>
    protected async Task<T> RunOnAsync<T>(
        string operation, Func<CancellationToken, Task<DbConnection>> open, bool owned, Func<DbConnection, Task<T>> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(open);
        ArgumentNullException.ThrowIfNull(work);
        cancellationToken.ThrowIfCancellationRequested();
        try
        {
            var connection = await open(cancellationToken);
            try
            {
                return await work(connection);
            }
            finally
            {
                if (owned)
                {
                    await connection.DisposeAsync();
                }
            }
        }
        catch (Exception e) when (IsDatabaseError(e) && !cancellationToken.IsCancellationRequested)
        {
            OnDatabaseError();
            // Not for the startup migration: StorageMigrationService reports that failure (or its retry) in one line.
            if (!string.Equals(operation, MigrateOperation, StringComparison.Ordinal))
            {
                Logger.StoreFailed(Engine, operation, e.Message);
            }

            throw new StorageUnavailableException($"The {DisplayName} event store could not {operation}: {e.Message}", e)
            {
                PermanentReason = PermanentReason(e),
            };
        }
    }

    /// <summary>
    /// <paramref name="work"/> in one write transaction, committed when it returns. Statements inside run without a
    /// token (a write is short and is not abandoned half-way); <paramref name="cancellationToken"/> is checked before.
    /// </summary>
    protected virtual Task<T> WriteAsync<T>(string operation, Func<DbConnection, DbTransaction, Task<T>> work, CancellationToken cancellationToken) =>
        TrackWriteAsync(RunAsync(operation, connection => InTransactionAsync(connection, work), cancellationToken));

    /// <summary>The transaction of <see cref="WriteAsync{T}"/>: begun, <paramref name="work"/>, committed.</summary>
    protected async Task<T> InTransactionAsync<T>(DbConnection connection, Func<DbConnection, DbTransaction, Task<T>> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        await using var transaction = await BeginWriteAsync(connection);
        var result = await work(connection, transaction);
        await transaction.CommitAsync(CancellationToken.None);
        return result;
    }

    /// <summary>The current time as a parameter value.</summary>
    protected object Now() => ToDb(Time.GetUtcNow());

    /// <summary>A command for <paramref name="sql"/> on <paramref name="connection"/> (SQLite reuses prepared ones).</summary>
    protected virtual DbCommand CreateCommand(DbConnection connection, string sql)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var command = connection.CreateCommand();
        command.CommandText = sql;
        return command;
    }

    protected DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = CreateCommand(connection, sql);
        command.Transaction = transaction;
        command.Parameters.Clear();
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }

        return command;
    }

    protected async Task<int> NonQueryAsync(DbConnection connection, DbTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        await using var command = Command(connection, transaction, sql, parameters);
        return await command.ExecuteNonQueryAsync(CancellationToken.None);
    }

    protected async Task<object?> ScalarAsync(DbConnection connection, DbTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        await using var command = Command(connection, transaction, sql, parameters);
        return await command.ExecuteScalarAsync(CancellationToken.None);
    }

    /// <summary>"<c>event_id</c> is one of these" with one parameter per id (both engines take an IN list).</summary>
    private static (string Condition, (string Name, object? Value)[] Parameters) EventIdIn(IReadOnlyList<string> eventIds) =>
        ($"event_id IN ({string.Join(", ", eventIds.Select((_, i) => $"@e{i}"))})",
         [.. eventIds.Select((id, i) => ($"e{i}", (object?)id))]);

    /// <summary>PostgreSQL keeps microseconds; SQLite gets the same precision so both engines hand back identical times.</summary>
    protected static DateTimeOffset ToMicroseconds(DateTimeOffset value)
    {
        var utc = value.ToUniversalTime();
        return new DateTimeOffset(utc.Ticks - (utc.Ticks % 10), TimeSpan.Zero);
    }

    /// <summary>
    /// Releases the store once. The container disposes it once per role it was resolved as (each role is registered
    /// as this one store), so a later call waits for the first instead of releasing again.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        await _disposal.Value.ConfigureAwait(false);
        GC.SuppressFinalize(this);
    }

    private async Task DisposeOnceAsync()
    {
        await _inserts.DisposeAsync();
        await _finishes.DisposeAsync();
        await DisposeCoreAsync();
    }

    public void Dispose()
    {
        DisposeAsync().AsTask().GetAwaiter().GetResult();
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases the engine's connections.</summary>
    protected abstract ValueTask DisposeCoreAsync();
}