using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Testing;
using PaymentEvents.Storage;

namespace PaymentEvents.Tests.Storage;

/// <summary>The contract against a real SQLite file in a fresh temp directory per test.</summary>
public sealed class SqliteEventStoreContractTests : EventStoreContractTests
{
    private readonly List<string> _directories = [];
    private string _path = "";

    protected override Task CreateDatabaseAsync()
    {
        var directory = Path.Combine(Path.GetTempPath(), $"pe-sqlite-{Guid.NewGuid():N}");
        Directory.CreateDirectory(directory);
        _directories.Add(directory);
        _path = Path.Combine(directory, SqliteEventStore.FileName);
        return Task.CompletedTask;
    }

    private protected override IEventStore NewStore(TimeProvider time) =>
        new SqliteEventStore(_path, time, NullLogger<SqliteEventStore>.Instance);

    protected override async Task ExecuteAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new SqliteConnection($"Data Source={_path};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue("@" + name, value);
        }

        await command.ExecuteNonQueryAsync();
    }

    protected override string FailInsertsOf(string id) => $"""
        CREATE TRIGGER IF NOT EXISTS "fail_{id.GetHashCode(StringComparison.Ordinal):x}" BEFORE INSERT ON payment_events
        WHEN NEW.id LIKE '{id}' BEGIN SELECT RAISE(ABORT, 'injected failure'); END
        """;

    protected override string Version1Schema => SqliteSchema.Migrations[0].Sql;

    protected override object Version1Time(DateTimeOffset time) => SqliteSchema.ToDb(time);

    protected override Task CleanupAsync()
    {
        foreach (var directory in _directories)
        {
            Directory.Delete(directory, recursive: true);
        }

        return Task.CompletedTask;
    }

    [Fact]
    public async Task The_database_runs_in_wal_mode_with_durable_commits()
    {
        await using var connection = new SqliteConnection($"Data Source={_path};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";

        Assert.Equal("wal", (string?)await command.ExecuteScalarAsync());
        Assert.True(File.Exists(_path));
    }

    [Fact]
    public async Task An_unwritable_database_surfaces_as_storage_unavailable()
    {
        var store = new SqliteEventStore(Path.Combine(_path + ".missing-dir", "x.db"), Time, NullLogger<SqliteEventStore>.Instance);

        var ex = await Assert.ThrowsAsync<StorageUnavailableException>(
            () => store.InsertAsync(new NewEvent("e", "t", null, null, "{}", Time.GetUtcNow()), default));
        Assert.IsType<SqliteException>(ex.InnerException);
        Assert.False(await store.IsHealthyAsync(default));
    }

    [Fact]
    public async Task A_write_that_commits_between_failed_ones_leaves_the_store_unhealthy_until_the_hold_has_passed()
    {
        // A nearly full disk as the store sees it: some writes fail (here the inserts of one id, by a trigger), while
        // small ones still commit. Readiness must not flap to healthy on the small ones.
        await ExecuteAsync("CREATE TRIGGER refuse_full BEFORE INSERT ON payment_events WHEN NEW.id LIKE 'full%' BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END");
        var store = (SqliteEventStore)Store;

        await Assert.ThrowsAsync<StorageUnavailableException>(() => Store.InsertAsync(new NewEvent("full_1", "t", null, null, "{}", Time.GetUtcNow()), default));
        Assert.Equal(InsertOutcome.Stored, await Store.InsertAsync(new NewEvent("small_1", "t", null, null, "{}", Time.GetUtcNow()), default));

        Assert.Contains("disk is full", store.WriteFailureReason, StringComparison.Ordinal);
        Assert.False(await Store.IsHealthyAsync(default));

        Time.Advance(EventStore.WriteFailureHold);
        Assert.Equal(InsertOutcome.Stored, await Store.InsertAsync(new NewEvent("small_2", "t", null, null, "{}", Time.GetUtcNow()), default));

        Assert.Null(store.WriteFailureReason);
        Assert.True(await Store.IsHealthyAsync(default));
    }

    [Fact]
    public async Task A_lost_lease_is_logged_as_a_warning_naming_the_event_and_owner()
    {
        var logger = new FakeLogger<SqliteEventStore>();
        var store = new SqliteEventStore(_path, Time, logger);
        await store.InsertAsync(new NewEvent("evt_l", "t", null, null, "{}", Time.GetUtcNow()), default);
        var stale = Assert.Single(await store.ClaimAsync("replica-a", 1, TimeSpan.FromSeconds(10), default));
        Time.Advance(TimeSpan.FromSeconds(10));
        Assert.Single(await store.ClaimAsync("replica-b", 1, TimeSpan.FromSeconds(10), default));

        Assert.False(await store.CompleteAsync(stale, EventStatus.Processed, default));

        var entry = Assert.Single(logger.Collector.GetSnapshot(), r => r.Level == LogLevel.Warning);
        Assert.Contains("evt_l", entry.Message, StringComparison.Ordinal);
        Assert.Contains("replica-a", entry.Message, StringComparison.Ordinal);
        await store.DisposeAsync();
    }
}
