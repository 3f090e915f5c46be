using PaymentEvents.Storage;

namespace PaymentEvents.Tests.Storage;

public abstract partial class EventStoreContractTests
{
    [Fact]
    public async Task An_expired_lease_is_taken_over_and_the_old_owner_is_fenced_off()
    {
        var id = await InsertAsync("sub_A");
        var stale = Assert.Single(await Store.ClaimAsync("replica-a", 10, Lease, default));
        var other = Replica();

        Assert.Empty(await other.ClaimAsync("replica-b", 10, Lease, default));
        Time.Advance(Lease);
        var current = Assert.Single(await other.ClaimAsync("replica-b", 10, Lease, default));

        Assert.Equal(id, current.EventId);
        Assert.Equal(2, current.Attempt);
        Assert.True(current.LeaseToken > stale.LeaseToken);
        Assert.False(await Store.RenewLeaseAsync(stale, Lease, default));
        Assert.False(await Store.CompleteAsync(stale, EventStatus.Processed, default));
        Assert.False(await Store.FailAsync(stale, "late", null, default));
        var during = await Store.GetAsync(id, default);
        Assert.Equal(EventStatus.Processing, during!.Status);
        Assert.Null(during.LastError);

        Assert.True(await other.CompleteAsync(current, EventStatus.Processed, default));
        Assert.Equal(EventStatus.Processed, (await Store.GetAsync(id, default))!.Status);
    }

    [Fact]
    public async Task Fencing_holds_even_when_the_same_owner_name_claims_again()
    {
        await InsertAsync(null);
        var old = Assert.Single(await Store.ClaimAsync("worker", 1, Lease, default));
        Time.Advance(Lease + TimeSpan.FromSeconds(1));
        var renewed = Assert.Single(await Store.ClaimAsync("worker", 1, Lease, default));

        Assert.False(await Store.CompleteAsync(old, EventStatus.Processed, default));
        Assert.True(await Store.CompleteAsync(renewed, EventStatus.Processed, default));
    }

    [Fact]
    public async Task Renewing_a_lease_keeps_other_replicas_away_until_it_expires()
    {
        await InsertAsync(null);
        var lease = Assert.Single(await Store.ClaimAsync("a", 1, Lease, default));
        var other = Replica();

        Time.Advance(TimeSpan.FromSeconds(20));
        Assert.True(await Store.RenewLeaseAsync(lease, Lease, default));
        Time.Advance(TimeSpan.FromSeconds(20)); // 40 s after the claim: the first lease would have expired
        Assert.Empty(await other.ClaimAsync("b", 1, Lease, default));
        Time.Advance(TimeSpan.FromSeconds(10)); // 30 s after the renewal
        Assert.Single(await other.ClaimAsync("b", 1, Lease, default));
    }

    [Fact]
    public async Task Leases_of_an_owner_can_be_released_at_once()
    {
        await InsertManyAsync(null, 3);
        var dead = await Store.ClaimAsync("host/123/old", 2, Lease, default);
        await Replica().ClaimAsync("host/456/live", 1, Lease, default);

        Assert.Equal(["host/123/old", "host/456/live"], (await Store.GetLeaseOwnersAsync(default)).Order(StringComparer.Ordinal));
        Assert.Equal(2, await Store.ExpireLeasesAsync("host/123/old", default));

        var retaken = await Store.ClaimAsync("host/123/new", 10, Lease, default);
        Assert.Equal(dead.Select(l => l.EventId), retaken.Select(l => l.EventId));
        Assert.All(retaken, l => Assert.True(l.LeaseToken > dead[0].LeaseToken - 1));
        Assert.False(await Store.CompleteAsync(dead[0], EventStatus.Processed, default));
    }
}
