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
        await ExecuteAsync("""
            CREATE FUNCTION test_gate() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN PERFORM pg_advisory_xact_lock_shared(4242); RETURN NEW; END $$;
            CREATE TRIGGER test_gate BEFORE INSERT ON payment_events FOR EACH ROW EXECUTE FUNCTION test_gate();
            """);
        var gate = new NpgsqlConnection(_connectionString + ";Pooling=false");
        await gate.OpenAsync();
        await using (var hold = new NpgsqlCommand("SELECT pg_advisory_lock(4242)", gate))
        {
            await hold.ExecuteNonQueryAsync();
        }

        var parked = Store.InsertAsync(Event("evt_parked"), default);
        await WaitUntilAsync(async () => await ScalarAsync<long>(
            "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database())") == 1 || parked.IsCompleted);
        Assert.False(parked.IsCompleted);
        // Deliveries arriving meanwhile queue for the next group commit.
        var queued = Enumerable.Range(0, 20).Select(i => Store.InsertAsync(Event($"evt_q{i}"), default)).ToArray();

        await _server.StopAsync();
        await Assert.ThrowsAsync<StorageUnavailableException>(() => parked);
        // The queued batch may reach a server that has not yet stopped accepting connections (pg_ctl's fast shutdown
        // races the writer): each caller is then either told it failed, or told "stored" and really is stored.
        var acknowledged = new List<string>();
        for (var i = 0; i < queued.Length; i++)
        {
            try
            {
                Assert.Equal(InsertOutcome.Stored, await queued[i]);
                acknowledged.Add($"evt_q{i}");
            }
            catch (StorageUnavailableException)
            {
            }
        }

        await gate.DisposeAsync();
        await _server.StartAsync();

        Assert.Null(await Store.GetAsync("evt_parked", default));
        Assert.Equal(acknowledged.Order(StringComparer.Ordinal), (await Store.ListAsync(new EventQuery(), default)).Items.Select(e => e.Id).Order(StringComparer.Ordinal));
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

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!await condition())
        {
            await Task.Delay(10, timeout.Token);
        }
    }
}
