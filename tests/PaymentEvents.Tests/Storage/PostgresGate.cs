using System.Diagnostics;
using Npgsql;

namespace PaymentEvents.Tests.Storage;

/// <summary>
/// Parks chosen statements of a store mid-flight, deterministically: a test trigger takes a shared advisory lock
/// (the gate) that the test holds exclusively until it releases it.
/// </summary>
internal static class PostgresGate
{
    private const long GateKey = 4242;

    /// <summary>A trigger <paramref name="when"/> (e.g. <c>BEFORE UPDATE</c>) on payment_events that waits at the gate when <paramref name="condition"/> holds.</summary>
    public static async Task InstallAsync(string connectionString, string when, string condition)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"""
            CREATE FUNCTION test_gate() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF {condition} THEN PERFORM pg_advisory_xact_lock_shared({GateKey}); END IF;
                RETURN NEW;
            END $$;
            CREATE TRIGGER test_gate {when} ON payment_events FOR EACH ROW EXECUTE FUNCTION test_gate();
            """, connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Closes the gate; statements that reach it wait until <see cref="Gate.ReleaseAsync"/>.</summary>
    public static async Task<Gate> HoldAsync(string connectionString)
    {
        var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"SELECT pg_advisory_lock({GateKey})", connection);
        await command.ExecuteNonQueryAsync();
        return new Gate(connection);
    }

    /// <summary>
    /// Waits until <paramref name="count"/> sessions are blocked on advisory locks (the gate, the claim lock), or
    /// the operation finished without blocking (which the assertions then catch). Polls server state, bounded.
    /// </summary>
    public static async Task WaitForWaitersAsync(string connectionString, int count, Task operation)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var watch = Stopwatch.StartNew();
        while (!operation.IsCompleted)
        {
            await using var command = new NpgsqlCommand(
                "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database())", connection);
            if ((long)(await command.ExecuteScalarAsync())! >= count)
            {
                return;
            }

            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(30), $"Expected {count} blocked sessions within 30 s.");
            await Task.Delay(10);
        }
    }

    public sealed class Gate(NpgsqlConnection connection) : IAsyncDisposable
    {
        public async Task ReleaseAsync()
        {
            await using var command = new NpgsqlCommand($"SELECT pg_advisory_unlock({GateKey})", connection);
            await command.ExecuteNonQueryAsync();
        }

        public ValueTask DisposeAsync() => connection.DisposeAsync();
    }
}
