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
/// <para>
/// Since writes are one at a time anyway, they all use one connection, opened on the first write and kept, with its
/// statements prepared once: profiled, compiling SQL (and the per-open PRAGMAs) was about half of SQLite's CPU on
/// the hot paths (insert, claim, completion). A write that fails drops that connection; the next write opens a new one.
/// </para>
/// </summary>
internal sealed class SqliteEventStore : EventStore
{
    /// <summary>File name of the database under <c>Storage:DataDir</c>.</summary>
    public const string FileName = "payment-events.db";

    private readonly string _connectionString;
    private readonly SemaphoreSlim _writeGate = new(1, 1);

    /// <summary>Most statements kept prepared on the write connection (SQL built from a variable id list varies).</summary>
    private const int MaxPreparedStatements = 64;

    // Both only touched while holding _writeGate.
    private readonly Dictionary<string, PreparedCommand> _prepared = new(StringComparer.Ordinal);
    private SqliteConnection? _writer;

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
            var result = await RunOnAsync(operation, OpenWriterAsync, owned: false, connection => InTransactionAsync(connection, work), cancellationToken);
            RecordWrite(null);
            return result;
        }
        catch (StorageUnavailableException e)
        {
            // The file may be gone, locked or damaged: start the next write from a fresh connection.
            RecordWrite(e);
            DropWriter();
            throw;
        }
        finally
        {
            _writeGate.Release();
        }
    }

    private async Task<DbConnection> OpenWriterAsync(CancellationToken cancellationToken) =>
        _writer ??= (SqliteConnection)await OpenAsync(cancellationToken);

    protected override DbCommand CreateCommand(DbConnection connection, string sql)
    {
        if (_writer is null || !ReferenceEquals(connection, _writer))
        {
            return base.CreateCommand(connection, sql);
        }

        if (_prepared.TryGetValue(sql, out var prepared))
        {
            return prepared;
        }

        if (_prepared.Count >= MaxPreparedStatements)
        {
            return base.CreateCommand(connection, sql);
        }

        return _prepared[sql] = new PreparedCommand(sql, _writer);
    }

    private void DropWriter()
    {
        foreach (var command in _prepared.Values)
        {
            command.Release();
        }

        _prepared.Clear();
        _writer?.Dispose();
        _writer = null;
    }

    protected override bool IsDatabaseError(Exception exception) => exception is SqliteException;

    protected override async ValueTask DisposeCoreAsync()
    {
        await _writeGate.WaitAsync();
        DropWriter();

        // Pooled connections keep the file (and its WAL) open; release them with the store.
        using (var connection = new SqliteConnection(_connectionString))
        {
            SqliteConnection.ClearPool(connection);
        }

        _writeGate.Dispose();
    }

    /// <summary>
    /// A command of the write connection that keeps its prepared statement across uses: the store's <c>await using</c>
    /// after each use does not dispose it; <see cref="Release"/> (when the connection is dropped) does.
    /// </summary>
    private sealed class PreparedCommand(string sql, SqliteConnection connection) : SqliteCommand(sql, connection)
    {
        private bool _released;

        public void Release()
        {
            _released = true;
            Dispose();
        }

        protected override void Dispose(bool disposing)
        {
            if (_released)
            {
                base.Dispose(disposing);
            }
        }
    }
}
