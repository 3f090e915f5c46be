using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using PaymentEvents.Storage;

namespace PaymentEvents.Tests.Storage;

/// <summary>
/// Database outages. Uses a private server (not the shared "postgres" collection one) because it stops it.
/// </summary>
public sealed class PostgresOutageTests : IAsyncLifetime
{
    private readonly PostgresServerFixture _server = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));
    private readonly List<PostgresEventStore> _owned = [];
    private string _connectionString = "";

    private PostgresEventStore Store => _owned[0];

    public async Task InitializeAsync()
    {
        await _server.InitializeAsync();
        _connectionString = await _server.CreateDatabaseAsync();
        _owned.Add(new PostgresEventStore(_connectionString, _time, NullLogger<PostgresEventStore>.Instance));
        await Store.MigrateAsync(default);
    }

    public async Task DisposeAsync()
    {
        foreach (var store in _owned)
        {
            await store.DisposeAsync();
        }

        await _server.DisposeAsync();
    }

    [Fact]
    public async Task While_the_server_is_down_the_store_is_unavailable_and_after_a_restart_it_works_again()
    {
        Assert.Equal(InsertOutcome.Stored, await Store.InsertAsync(Event("evt_before"), default));

        await _server.StopAsync();

        var ex = await Assert.ThrowsAsync<StorageUnavailableException>(() => Store.InsertAsync(Event("evt_during"), default));
        Assert.IsAssignableFrom<NpgsqlException>(ex.InnerException);
        await Assert.ThrowsAsync<StorageUnavailableException>(() => Store.ClaimAsync("w", 10, TimeSpan.FromSeconds(30), default));
        Assert.False(await Store.IsHealthyAsync(default));

        await _server.StartAsync();

        // The first call after the restart already succeeds: stale pooled connections were dropped.
        Assert.True(await Store.IsHealthyAsync(default));
        Assert.Null(await Store.GetAsync("evt_during", default));
        Assert.Equal(InsertOutcome.Stored, await Store.InsertAsync(Event("evt_during"), default));
        Assert.Equal(InsertOutcome.Duplicate, await Store.InsertAsync(Event("evt_before"), default));
        Assert.Equal(["evt_before", "evt_during"], (await Store.ClaimAsync("w", 10, TimeSpan.FromSeconds(30), default)).Select(l => l.EventId));
    }

    [Fact]
    public async Task Inserts_cut_off_by_a_server_shutdown_all_fail_and_leave_nothing_behind()
    {
        // Every insert sleeps inside the server until the shutdown interrupts it: the batch in flight is cut off by the
        // shutdown itself, with nothing (such as a lock holder's session ending first) that could let it commit.
        await ExecuteAsync("""
            CREATE FUNCTION test_gate() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN PERFORM pg_sleep(300); RETURN NEW; END $$;
            CREATE TRIGGER test_gate BEFORE INSERT ON payment_events FOR EACH ROW EXECUTE FUNCTION test_gate();
            """);

        var parked = Store.InsertAsync(Event("evt_parked"), default);
        await Poll.UntilAsync(
            async () => await ScalarAsync<long>(
                "SELECT count(*) FROM pg_stat_activity WHERE wait_event = 'PgSleep' AND datname = current_database()") == 1 || parked.IsCompleted,
            what: "the insert to park in the trigger");
        Assert.False(parked.IsCompleted);
        // Deliveries arriving meanwhile queue for the next group commit.
        var queued = Enumerable.Range(0, 20).Select(i => Store.InsertAsync(Event($"evt_q{i}"), default)).ToArray();

        await _server.StopAsync();
        await Assert.ThrowsAsync<StorageUnavailableException>(() => parked);
        // The queued batch finds the server gone (or, mid-shutdown, sleeps in the trigger until it is interrupted too).
        foreach (var insert in queued)
        {
            await Assert.ThrowsAsync<StorageUnavailableException>(() => insert);
        }

        await _server.StartAsync();

        Assert.Null(await Store.GetAsync("evt_parked", default));
        Assert.Empty((await Store.ListAsync(new EventQuery(), default)).Items);
        await ExecuteAsync("DROP TRIGGER test_gate ON payment_events");
        Assert.Equal(InsertOutcome.Stored, await Store.InsertAsync(Event("evt_parked"), default));
        Assert.Equal(EventStatus.Received, (await Store.GetAsync("evt_parked", default))!.Status);
    }

    private NewEvent Event(string id) => new(id, "invoice.paid", null, false, "{}", _time.GetUtcNow());

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_connectionString + ";Pooling=false");
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private async Task<T> ScalarAsync<T>(string sql)
    {
        await using var connection = new NpgsqlConnection(_connectionString + ";Pooling=false");
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }
}
