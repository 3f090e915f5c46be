using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace PaymentEvents.Storage;

/// <summary>
/// The inbox in one SQLite file (single node). WAL mode so readers never block the writer, and
/// <c>synchronous=FULL</c>: the receiver acknowledges a delivery (200) right after its insert commits, and
/// Payment Kit never sends an acknowledged event again, so the commit must survive a power loss, not only a
/// process crash (NORMAL in WAL mode may lose the last commits on power loss). The price is one fsync per commit,
/// which group commit shares among all deliveries that arrive together.
/// SQLite has one writer at a time: writes of this process queue on a semaphore (no busy-spinning between our own
/// connections), and every write is a <c>BEGIN IMMEDIATE</c> transaction so other processes wait on
/// <c>busy_timeout</c> instead of failing on a read-to-write upgrade.
/// </summary>
public sealed class SqliteEventStore : EventStore
{
    /// <summary>File name of the database under <c>Storage:DataDir</c>.</summary>
    public const string FileName = "payment-events.db";

    private readonly string _connectionString;
    private readonly SemaphoreSlim _writeGate = new(1, 1);

    public SqliteEventStore(string databasePath, TimeProvider time, ILogger<SqliteEventStore> logger)
        : base(time, logger)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(databasePath);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = databasePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
    }

    protected override string Engine => "sqlite";

    protected override string DisplayName => "SQLite";

    protected override string VersionTableSql => SqliteSchema.VersionTable;

    protected override IReadOnlyList<(int Version, string Sql)> Migrations => SqliteSchema.Migrations;

    public override async Task MigrateAsync(CancellationToken cancellationToken)
    {
        // journal_mode=WAL is persistent, and cannot change inside a transaction: set it first.
        await RunAsync("migrate the schema", connection => NonQueryAsync(connection, null, "PRAGMA journal_mode=WAL;"), cancellationToken);
        await base.MigrateAsync(cancellationToken);
    }

    protected override async Task<List<(EventLease Lease, int TotalAttempts)>> ClaimDueAsync(
        string owner, int max, DateTimeOffset now, DateTimeOffset expires, CancellationToken cancellationToken) =>
        await WriteAsync("claim events", async (connection, transaction) =>
        {
            // One writer at a time (BEGIN IMMEDIATE), so the due check and the update cannot race (see class remarks).
            await using var command = Command(connection, transaction, $"""
                UPDATE payment_events SET {ClaimAssignments}
                WHERE seq IN ({DueEventsSql})
                RETURNING {ClaimReturning}
                """,
                ("owner", owner), ("expires", ToDb(expires)), ("now", ToDb(now)), ("max", max));
            await using var reader = await command.ExecuteReaderAsync(CancellationToken.None);
            return await ReadLeasesAsync(reader, owner, expires, CancellationToken.None);
        }, cancellationToken);

    protected override object ToDb(DateTimeOffset value) => SqliteSchema.ToDb(ToMicroseconds(value));

    protected override DateTimeOffset ReadTime(DbDataReader reader, int ordinal) => SqliteSchema.FromDb(reader.GetInt64(ordinal));

    protected override string MinuteOf(string column) => $"({column} / 60000000)";

    protected override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
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

    // deferred: false = BEGIN IMMEDIATE: take the write lock up front (see class remarks).
    protected override Task<DbTransaction> BeginWriteAsync(DbConnection connection) =>
        Task.FromResult<DbTransaction>(((SqliteConnection)connection).BeginTransaction(deferred: false));

    // Microsoft.Data.Sqlite runs "async" calls synchronously and only looks at a token before starting, so the
    // token is checked once per operation rather than threaded through every statement.
    protected override async Task<T> WriteAsync<T>(
        string operation, Func<DbConnection, DbTransaction, Task<T>> work, CancellationToken cancellationToken)
    {
        await _writeGate.WaitAsync(cancellationToken);
        try
        {
            return await base.WriteAsync(operation, work, cancellationToken);
        }
        finally
        {
            _writeGate.Release();
        }
    }

    protected override bool IsDatabaseError(Exception exception) => exception is SqliteException;

    protected override ValueTask DisposeCoreAsync()
    {
        // Pooled connections keep the file (and its WAL) open; release them with the store.
        using (var connection = new SqliteConnection(_connectionString))
        {
            SqliteConnection.ClearPool(connection);
        }

        _writeGate.Dispose();
        return ValueTask.CompletedTask;
    }
}
