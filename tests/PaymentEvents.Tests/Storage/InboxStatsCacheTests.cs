using Microsoft.Extensions.Logging.Abstractions;
using PaymentEvents.Storage;
using PaymentEvents.Telemetry;

namespace PaymentEvents.Tests.Storage;

/// <summary>
/// The inbox gauges read the store synchronously (gauge callbacks are synchronous). PostgreSQL's read really waits, so
/// its continuations must not need the collecting thread's context: that thread is the one blocked in the read.
/// </summary>
[Collection("postgres")]
public sealed class InboxStatsCacheTests(PostgresServerFixture server) : PostgresStoreTest(server)
{
    [Fact]
    public async Task The_gauges_read_the_store_from_a_thread_whose_context_runs_nothing_else()
    {
        await NewStore().InsertAsync(new NewEvent("evt_1", "t", null, false, "{}", Time.GetUtcNow()), default);
        // A store of its own, so the read opens a connection (several round trips) rather than reusing an idle one.
        var cache = new InboxStatsCache(NewStore(), Time, NullLogger<InboxStatsCache>.Instance);
        InboxStats? stats = null;

        await StalledSynchronizationContext.RunBlockingAsync(() => stats = cache.Current());

        Assert.NotNull(stats);
        Assert.Equal(1, stats.CountsByStatus[EventStatus.Received]);
    }
}
