using Npgsql;
using PaymentEvents.Storage;

namespace PaymentEvents.Tests.Storage;

/// <summary>
/// Completions that share a group commit, which PostgreSQL sends as one batch of statements. The contract suite
/// covers what each completion writes; here a batch is made to form for certain: the first completion is parked at
/// a gate (see <see cref="PostgresGate"/>) while the others queue behind it, so they are committed together.
/// </summary>
[Collection("postgres")]
public sealed class PostgresFinishBatchTests(PostgresServerFixture server) : PostgresStoreTest(server)
{
    [Fact]
    public async Task Completions_queued_together_commit_in_one_transaction_and_a_lost_lease_in_it_writes_nothing()
    {
        var store = NewStore();
        var (gateLease, leases) = await ClaimAsync(store, 10);
        var stale = leases[5];
        Time.Advance(Lease / 2);
        foreach (var lease in leases.Where(l => l != stale).Append(gateLease))
        {
            Assert.True(await store.RenewLeaseAsync(lease, Lease, default));
        }

        Time.Advance(Lease / 2);
        Assert.Equal(stale.EventId, Assert.Single(await NewStore().ClaimAsync("other", 1, Lease, default)).EventId);

        var at = Time.GetUtcNow();
        var results = await Task.WhenAll(await FinishBehindGateAsync(store, gateLease, leases.Select((lease, i) => i % 2 == 0
            ? EventCompletion.Processed(lease, [StoreTestExtensions.Run("Billing", at), StoreTestExtensions.Run("Mailer", at)])
            : EventCompletion.Failed(lease, [StoreTestExtensions.Run("Billing", at, "down")], "Billing: down", at.AddMinutes(i)))));

        for (var i = 0; i < leases.Count; i++)
        {
            var stored = (await store.GetAsync(leases[i].EventId, default))!;
            if (i == 5)
            {
                Assert.False(results[i]);
                Assert.Equal((EventStatus.Processing, (string?)null), (stored.Status, stored.LastError));
                Assert.Empty(stored.History);
                continue;
            }

            Assert.True(results[i]);
            Assert.Equal(i % 2 == 0 ? EventStatus.Processed : EventStatus.Failed, stored.Status);
            Assert.Equal(i % 2 == 0 ? null : at.AddMinutes(i), stored.NextAttemptAt);
            Assert.Equal(
                i % 2 == 0 ? [("Billing", 1, true), ("Mailer", 1, true)] : [("Billing", 1, false)],
                stored.History.Select(a => (a.Handler, a.Attempt, a.Outcome == AttemptOutcome.Succeeded)));
        }

        // The transaction id that wrote each row: one for every status change and attempt of the queued completions.
        Assert.Equal(1L, await ScalarAsync("""
            SELECT count(DISTINCT x) FROM (
                SELECT xmin::text AS x FROM payment_events WHERE id LIKE 'evt\_0%' AND id <> 'evt_05'
                UNION ALL SELECT xmin::text FROM payment_event_attempts WHERE event_id LIKE 'evt\_0%') written
            """));
    }

    [Fact]
    public async Task A_completion_that_fails_in_a_batch_fails_alone_and_writes_nothing()
    {
        var store = NewStore();
        var (gateLease, leases) = await ClaimAsync(store, 6);
        await ExecuteAsync("""
            CREATE FUNCTION test_broken() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN IF NEW.handler = 'Broken' THEN RAISE EXCEPTION 'injected failure'; END IF; RETURN NEW; END $$;
            CREATE TRIGGER test_broken BEFORE INSERT ON payment_event_attempts FOR EACH ROW EXECUTE FUNCTION test_broken();
            """);

        var at = Time.GetUtcNow();
        var finishes = await FinishBehindGateAsync(store, gateLease, leases.Select((lease, i) =>
            EventCompletion.Processed(lease, [StoreTestExtensions.Run("Billing", at), StoreTestExtensions.Run(i == 3 ? "Broken" : "Mailer", at)])));

        await Assert.ThrowsAsync<StorageUnavailableException>(() => finishes[3]);
        // After the failed batch its items are committed one by one: the later ones may still be on their way.
        Assert.All(await Task.WhenAll(finishes.Where((_, i) => i != 3)), Assert.True);
        for (var i = 0; i < leases.Count; i++)
        {
            var stored = (await store.GetAsync(leases[i].EventId, default))!;
            if (i == 3)
            {
                // Neither the status change nor the Billing attempt before the failing one was kept.
                Assert.Equal(EventStatus.Processing, stored.Status);
                Assert.Empty(stored.History);
                continue;
            }

            Assert.True(await finishes[i]);
            Assert.Equal(EventStatus.Processed, stored.Status);
            Assert.Equal(["Billing", "Mailer"], stored.History.Select(a => a.Handler));
        }

        // The lease still holds, so the event can be finished once the handler is fixed.
        Assert.True(await store.FinishAsync(EventCompletion.Processed(leases[3], [StoreTestExtensions.Run("Billing", at)]), default));
        Assert.Equal(1, Assert.Single((await store.GetAsync(leases[3].EventId, default))!.History).Attempt);
    }

    /// <summary>Stores <c>evt_gate</c> and then <c>evt_00</c>... and claims them all.</summary>
    private async Task<(EventLease Gate, IReadOnlyList<EventLease> Others)> ClaimAsync(PostgresEventStore store, int count)
    {
        foreach (var id in Enumerable.Range(0, count).Select(i => $"evt_{i:D2}").Prepend("evt_gate"))
        {
            Assert.Equal(InsertOutcome.Stored, await store.InsertAsync(new NewEvent(id, "customer.subscription.updated", null, false, "{}", Time.GetUtcNow()), default));
        }

        var leases = await store.ClaimAsync("w", count + 1, Lease, default);
        Assert.Equal(count + 1, leases.Count);
        return (leases[0], leases.Skip(1).ToList());
    }

    /// <summary>
    /// Finishes <paramref name="gateLease"/> and parks its commit at the gate, then submits <paramref name="completions"/>:
    /// they queue in the group commit while it waits, and go into the next commit together once the gate opens.
    /// </summary>
    private async Task<Task<bool>[]> FinishBehindGateAsync(PostgresEventStore store, EventLease gateLease, IEnumerable<EventCompletion> completions)
    {
        await PostgresGate.InstallAsync(ConnectionString, "BEFORE UPDATE", "NEW.id = 'evt_gate' AND NEW.status <> 'processing'");
        await using var gate = await PostgresGate.HoldAsync(ConnectionString);
        var gated = store.FinishAsync(EventCompletion.Processed(gateLease, []), default);
        await PostgresGate.WaitForWaitersAsync(ConnectionString, 1, gated);
        Assert.False(gated.IsCompleted);
        Task<bool>[] queued = [.. completions.Select(c => store.FinishAsync(c, default))];
        await gate.ReleaseAsync();
        Assert.True(await gated);
        return queued;
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private async Task<object?> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }
}
