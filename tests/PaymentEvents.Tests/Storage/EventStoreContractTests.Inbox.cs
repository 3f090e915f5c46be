using PaymentEvents.Storage;

namespace PaymentEvents.Tests.Storage;

public abstract partial class EventStoreContractTests
{
    [Fact]
    public async Task Insert_stores_once_and_a_known_id_is_a_duplicate_that_changes_nothing()
    {
        var receivedAt = Time.GetUtcNow().AddSeconds(-2);
        var first = new NewEvent("evt_1", "customer.subscription.created", "sub_1", true, """{"id":"evt_1","a":1}""", receivedAt);

        Assert.Equal(InsertOutcome.Stored, await Store.InsertAsync(first, default));
        Assert.Equal(InsertOutcome.Duplicate, await Store.InsertAsync(first with { Payload = """{"id":"evt_1","a":2}"""u8.ToArray(), Type = "x" }, default));

        var stored = await Store.GetAsync("evt_1", default);
        Assert.NotNull(stored);
        Assert.Equal(first.Type, stored.Type);
        Assert.Equal("sub_1", stored.ObjectId);
        Assert.True(stored.Livemode);
        Assert.Equal("""{"id":"evt_1","a":1}""", stored.Payload);
        Assert.Equal(EventStatus.Received, stored.Status);
        Assert.Equal(receivedAt, stored.ReceivedAt);
        Assert.Equal(Time.GetUtcNow(), stored.UpdatedAt);
        Assert.Equal(0, stored.Attempts);
        Assert.Null(stored.LastError);
        Assert.Empty(stored.Handlers);
        Assert.Null(await Store.GetAsync("evt_unknown", default));
    }

    [Fact]
    public async Task Insert_keeps_null_object_id_and_livemode()
    {
        await Store.InsertAsync(new NewEvent("evt_n", "t", null, null, "{}", Time.GetUtcNow()), default);

        var stored = await Store.GetAsync("evt_n", default);
        Assert.NotNull(stored);
        Assert.Null(stored.ObjectId);
        Assert.Null(stored.Livemode);
    }

    [Fact]
    public async Task A_payload_is_kept_byte_for_byte_even_with_a_nul_and_non_ascii_text()
    {
        // JSON text may carry a raw NUL only escaped, but the bytes stored are the bytes that arrived, whatever they are.
        byte[] payload = [.. """{"id":"evt_nul","name":"Zoë \u0000 ✓","raw":" """u8, 0x00, .. """ "}"""u8];
        await Store.InsertAsync(new NewEvent("evt_nul", "t", null, null, payload, Time.GetUtcNow()), default);

        var lease = Assert.Single(await Store.ClaimAsync("w", 1, Lease, default));
        Assert.Equal(payload, lease.Payload.ToArray());
        Assert.Equal(System.Text.Encoding.UTF8.GetString(payload), (await Store.GetAsync("evt_nul", default))!.Payload);
    }

    [Fact]
    public async Task Five_hundred_concurrent_inserts_with_a_hundred_duplicated_ids_store_each_id_once()
    {
        var ids = Enumerable.Range(0, 400).Select(i => $"evt_gc_{i:D3}").ToList();
        var sends = ids.Concat(ids.Take(100)).Select((id, i) => (id, i)).OrderBy(x => (x.i * 7919) % 500).ToList();

        var outcomes = await Task.WhenAll(sends.Select(x => Task.Run(() =>
            Store.InsertAsync(new NewEvent(x.id, "t", null, null, $$"""{"id":"{{x.id}}","n":{{x.i}}}""", Time.GetUtcNow()), default))));

        Assert.Equal(400, outcomes.Count(o => o == InsertOutcome.Stored));
        Assert.Equal(100, outcomes.Count(o => o == InsertOutcome.Duplicate));
        var byId = sends.Zip(outcomes).GroupBy(x => x.First.id);
        Assert.All(byId, g => Assert.Single(g, x => x.Second == InsertOutcome.Stored));
        var all = await Store.ClaimAsync("w", 1000, Lease, default);
        Assert.Equal(ids.Order(StringComparer.Ordinal), all.Select(l => l.EventId).Order(StringComparer.Ordinal));
    }

    /// <summary>SQL making every INSERT of an event with id <paramref name="id"/> fail (a bad row).</summary>
    protected abstract string FailInsertsOf(string id);

    [Fact]
    public async Task One_bad_row_fails_only_its_own_insert_and_a_failing_commit_fails_every_insert_of_it()
    {
        await ExecuteAsync(FailInsertsOf("evt_bad"));
        var ids = Enumerable.Range(0, 30).Select(i => i == 13 ? "evt_bad" : $"evt_ok_{i:D2}").ToArray();

        var inserts = ids.Select(id => Task.Run(() => Store.InsertAsync(new NewEvent(id, "t", null, null, "{}", Time.GetUtcNow()), default))).ToArray();
        await Assert.ThrowsAsync<StorageUnavailableException>(() => inserts[13]);
        for (var i = 0; i < ids.Length; i++)
        {
            if (i != 13)
            {
                Assert.Equal(InsertOutcome.Stored, await inserts[i]);
            }
        }

        Assert.Null(await Store.GetAsync("evt_bad", default));
        Assert.Equal(29, (await Store.ListAsync(new EventQuery(Limit: 100), default)).Items.Count);

        // Every row bad (what a disk error at commit looks like to the callers): each one fails, none is stored.
        await ExecuteAsync(FailInsertsOf("%"));
        var failing = Enumerable.Range(0, 20).Select(i => Task.Run(() => Store.InsertAsync(new NewEvent($"evt_f{i}", "t", null, null, "{}", Time.GetUtcNow()), default))).ToArray();
        foreach (var insert in failing)
        {
            await Assert.ThrowsAsync<StorageUnavailableException>(() => insert);
        }

        Assert.Equal(29, (await Store.ListAsync(new EventQuery(Limit: 100), default)).Items.Count);
    }

    [Fact]
    public async Task Fifty_parallel_inserts_of_one_id_store_it_once()
    {
        var stores = Enumerable.Range(0, 3).Select(_ => Replica()).ToArray();
        var evt = new NewEvent("evt_race", "invoice.paid", "in_1", false, "{}", Time.GetUtcNow());
        var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var inserts = Enumerable.Range(0, 50).Select(i => Task.Run(async () =>
        {
            await go.Task;
            return await stores[i % stores.Length].InsertAsync(evt, default);
        })).ToList();
        go.SetResult();
        var outcomes = await Task.WhenAll(inserts);

        Assert.Equal(1, outcomes.Count(o => o == InsertOutcome.Stored));
        Assert.Equal(49, outcomes.Count(o => o == InsertOutcome.Duplicate));
        Assert.Single((await Store.ListAsync(new EventQuery(), default)).Items);
    }

    [Fact]
    public async Task The_trace_parent_stored_with_an_event_comes_back_with_its_claim_and_null_stays_null()
    {
        const string traceParent = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
        var now = Time.GetUtcNow();
        // Inserted together, so they share one group commit (the engines' batch paths).
        await Task.WhenAll(
            Store.InsertAsync(new NewEvent("evt_traced", "t", null, null, "{}", now) { TraceParent = traceParent }, default),
            Store.InsertAsync(new NewEvent("evt_untraced", "t", null, null, "{}", now), default));

        var claimed = (await Store.ClaimAsync("w", 10, Lease, default)).ToDictionary(l => l.EventId);

        Assert.Equal(traceParent, claimed["evt_traced"].TraceParent);
        Assert.Null(claimed["evt_untraced"].TraceParent);
    }
}
