using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using PaymentEvents.Storage;

namespace PaymentEvents.Tests.Storage;

/// <summary>The background purge over a real SQLite store (the store's purge itself is in the contract suite, both engines).</summary>
public sealed class RetentionServiceTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), $"pe-retention-{Guid.NewGuid():N}");
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task A_round_purges_every_old_finished_event_in_small_batches_and_keeps_the_rest()
    {
        Directory.CreateDirectory(_dir);
        await using var store = new SqliteEventStore(Path.Combine(_dir, SqliteEventStore.FileName), _time, NullLogger<SqliteEventStore>.Instance);
        await store.MigrateAsync(default);
        for (var i = 0; i < 7; i++)
        {
            await store.InsertAsync(new NewEvent($"evt_{i}", "t", null, null, "{}", _time.GetUtcNow()), default);
        }

        foreach (var lease in await store.ClaimAsync("w", 10, TimeSpan.FromMinutes(1), default))
        {
            await (lease.EventId == "evt_6" ? store.FailAsync(lease, "dead", null, default) : store.CompleteAsync(lease, EventStatus.Processed, default));
        }

        _time.Advance(TimeSpan.FromDays(2));
        await store.InsertAsync(new NewEvent("evt_recent", "t", null, null, "{}", _time.GetUtcNow()), default);
        var service = new RetentionService(store, Options.Create(new StorageOptions()), _time, NullLogger<RetentionService>.Instance) { BatchSize = 2 };

        Assert.Equal(6, await service.PurgeOnceAsync(TimeSpan.FromDays(1), default));

        Assert.Equal(["evt_recent", "evt_6"], (await store.ListAsync(new EventQuery(), default)).Items.Select(e => e.Id));
        Assert.Equal(0, await service.PurgeOnceAsync(TimeSpan.FromDays(1), default));
    }
}
