using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
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

    protected override IEventStore NewStore(TimeProvider time) =>
        new SqliteEventStore(_path, time, NullLogger<SqliteEventStore>.Instance);

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
}
