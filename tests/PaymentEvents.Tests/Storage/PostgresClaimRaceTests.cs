using PaymentEvents.Storage;

namespace PaymentEvents.Tests.Storage;

/// <summary>
/// The READ COMMITTED races that SKIP LOCKED alone does not cover, made deterministic: a test trigger parks one
/// statement of the store mid-flight (behind an advisory lock the test holds) while another replica claims.
/// </summary>
[Collection("postgres")]
public sealed class PostgresClaimRaceTests(PostgresServerFixture server) : PostgresStoreTest(server)
{
    [Fact]
    public async Task An_insert_that_drew_an_earlier_sequence_but_commits_later_is_not_overtaken()
    {
        var store = NewStore();
        await InstallGateAsync("BEFORE INSERT", "NEW.id = 'evt_slow'");
        await using var gate = await HoldGateAsync();

        // evt_slow draws its sequence number, then parks before committing; evt_fast (same object) commits after it.
        var slow = store.InsertAsync(Event("evt_slow", "sub_X"), default);
        await WaitForWaitersAsync(1, slow);
        Assert.Equal(InsertOutcome.Stored, await NewStore().InsertAsync(Event("evt_fast", "sub_X"), default));
        var claim = NewStore().ClaimAsync("replica-b", 10, Lease, default);
        await WaitForWaitersAsync(2, claim);

        await gate.ReleaseAsync();

        Assert.Equal(InsertOutcome.Stored, await slow);
        Assert.Equal(["evt_slow"], (await claim).Select(l => l.EventId));
    }

    [Fact]
    public async Task A_replayed_event_is_not_claimed_beside_an_event_of_its_object_being_claimed_concurrently()
    {
        var store = NewStore();
        await store.InsertAsync(Event("evt_1", "sub_X"), default);
        await store.CompleteAsync(Assert.Single(await store.ClaimAsync("a", 1, Lease, default)), EventStatus.Processed, default);
        await store.InsertAsync(Event("evt_2", "sub_X"), default);
        await InstallGateAsync("BEFORE UPDATE", "NEW.id = 'evt_2' AND NEW.status = 'processing'");
        await using var gate = await HoldGateAsync();

        // Replica A is claiming evt_2 (parked before commit) when evt_1 is replayed and replica B claims.
        var claimA = NewStore().ClaimAsync("replica-a", 10, Lease, default);
        await WaitForWaitersAsync(1, claimA);
        Assert.True(await store.ReplayAsync("evt_1", default));
        var claimB = NewStore().ClaimAsync("replica-b", 10, Lease, default);
        await WaitForWaitersAsync(2, claimB);

        await gate.ReleaseAsync();

        Assert.Equal(["evt_2"], (await claimA).Select(l => l.EventId));
        Assert.Empty(await claimB);
    }

    private NewEvent Event(string id, string objectId) => new(id, "customer.subscription.updated", objectId, false, "{}", Time.GetUtcNow());

    private Task InstallGateAsync(string when, string condition) => PostgresGate.InstallAsync(ConnectionString, when, condition);

    private Task<PostgresGate.Gate> HoldGateAsync() => PostgresGate.HoldAsync(ConnectionString);

    private Task WaitForWaitersAsync(int count, Task operation) => PostgresGate.WaitForWaitersAsync(ConnectionString, count, operation);
}
