using PaymentEvents.Storage;

namespace PaymentEvents.Tests.Storage;

public abstract partial class EventStoreContractTests
{
    [Fact]
    public async Task Replay_requeues_a_dead_event_and_keeps_handler_successes()
    {
        var id = await InsertAsync("sub_A");
        var lease = Assert.Single(await Store.ClaimAsync("w", 1, Lease, default));
        Assert.True(await Store.FinishAsync(EventCompletion.Failed(lease,
            [StoreTestExtensions.Run("Billing", Time.GetUtcNow()), StoreTestExtensions.Run("Mailer", Time.GetUtcNow(), "smtp down")], "smtp down", null), default));
        Time.Advance(TimeSpan.FromHours(1));

        Assert.True(await Store.ReplayAsync(id, default));

        var replayed = await Store.GetAsync(id, default);
        Assert.Equal(EventStatus.Received, replayed!.Status);
        Assert.Equal(1, replayed.Attempts);
        Assert.Equal(Time.GetUtcNow(), replayed.NextAttemptAt);
        Assert.Equal(new HashSet<string> { "Billing" }, await Store.GetSucceededHandlersAsync(id, default));
        var again = Assert.Single(await Store.ClaimAsync("w", 1, Lease, default));
        Assert.Equal(1, again.Attempt);
        Assert.Equal(new HashSet<string> { "Billing" }, again.SucceededHandlers);
        Assert.Equal(2, (await Store.GetAsync(id, default))!.Attempts);
        Assert.False(await Store.ReplayAsync("evt_unknown", default));
    }

    [Fact]
    public async Task Replay_leaves_an_event_under_a_live_lease_alone()
    {
        var id = await InsertAsync(null);
        var lease = Assert.Single(await Store.ClaimAsync("w", 1, Lease, default));

        Assert.True(await Store.ReplayAsync(id, default));

        Assert.Equal(EventStatus.Processing, (await Store.GetAsync(id, default))!.Status);
        Assert.Equal(0, await Store.ReplayManyAsync(EventStatus.Processing, null, default));
        Assert.True(await Store.CompleteAsync(lease, EventStatus.Processed, default));
    }

    [Fact]
    public async Task A_replayed_older_event_waits_for_the_objects_event_in_flight()
    {
        var a1 = await InsertAsync("sub_A");
        var a2 = await InsertAsync("sub_A");
        await Store.CompleteAsync(Assert.Single(await Store.ClaimAsync("w", 5, Lease, default)), EventStatus.Processed, default);
        var inFlight = Assert.Single(await Store.ClaimAsync("w", 5, Lease, default));
        Assert.Equal(a2, inFlight.EventId);

        Assert.True(await Store.ReplayAsync(a1, default));
        Assert.Empty(await Store.ClaimAsync("w", 5, Lease, default));

        Assert.True(await Store.CompleteAsync(inFlight, EventStatus.Processed, default));
        Assert.Equal(a1, Assert.Single(await Store.ClaimAsync("w", 5, Lease, default)).EventId);
    }

    [Fact]
    public async Task Replay_many_requeues_by_status_and_type()
    {
        var deadA1 = await InsertAsync(null, "invoice.paid");
        var deadA2 = await InsertAsync(null, "invoice.paid");
        var deadB = await InsertAsync(null, "refund.created");
        var ignored = await InsertAsync(null, "unknown.type");
        var leases = await Store.ClaimAsync("w", 10, Lease, default);
        foreach (var lease in leases)
        {
            if (lease.EventId == ignored)
            {
                await Store.CompleteAsync(lease, EventStatus.Ignored, default);
            }
            else
            {
                await Store.FailAsync(lease, "boom", null, default);
            }
        }

        Assert.Equal(2, await Store.ReplayManyAsync(EventStatus.Dead, "invoice.paid", default));
        Assert.Equal(EventStatus.Dead, (await Store.GetAsync(deadB, default))!.Status);
        Assert.Equal(1, await Store.ReplayManyAsync(EventStatus.Dead, null, default));
        Assert.Equal(1, await Store.ReplayManyAsync(EventStatus.Ignored, null, default));
        Assert.Equal(0, await Store.ReplayManyAsync(EventStatus.Dead, null, default));

        var claimed = await Store.ClaimAsync("w", 10, Lease, default);
        Assert.Equal([deadA1, deadA2, deadB, ignored], claimed.Select(l => l.EventId));
        Assert.All(claimed, l => Assert.Equal(1, l.Attempt));
    }

    [Fact]
    public async Task Resolve_closes_a_dead_event_without_running_it()
    {
        var dead = await InsertAsync(null);
        var pending = await InsertAsync(null);
        var lease = (await Store.ClaimAsync("w", 10, Lease, default)).Single(l => l.EventId == dead);
        await Store.FailAsync(lease, "gave up", null, default);

        Assert.Equal(ResolveOutcome.Resolved, await Store.ResolveAsync(dead, default));
        Assert.Equal(ResolveOutcome.NotDead, await Store.ResolveAsync(dead, default));
        Assert.Equal(ResolveOutcome.NotDead, await Store.ResolveAsync(pending, default));
        Assert.Equal(ResolveOutcome.NotFound, await Store.ResolveAsync("evt_unknown", default));
        var resolved = await Store.GetAsync(dead, default);
        Assert.Equal(EventStatus.Resolved, resolved!.Status);
        Assert.Equal("gave up", resolved.LastError);
        Assert.Null(resolved.NextAttemptAt);
        Time.Advance(TimeSpan.FromDays(1));
        Assert.DoesNotContain(await Store.ClaimAsync("w", 10, Lease, default), l => l.EventId == dead);
        Assert.Equal([dead], Ids(await Store.ListAsync(new EventQuery(Status: EventStatus.Resolved), default)));

        Assert.True(await Store.ReplayAsync(dead, default));
        Assert.Equal(EventStatus.Received, (await Store.GetAsync(dead, default))!.Status);
    }

    [Fact]
    public async Task Purge_deletes_old_finished_events_with_their_attempts_in_batches_and_keeps_dead_ones()
    {
        var ids = await InsertManyAsync(null, 6);
        var leases = await Store.ClaimAsync("w", 6, Lease, default);
        await Store.FinishAsync(EventCompletion.Processed(leases[0], [StoreTestExtensions.Run("Billing", Time.GetUtcNow())]), default);
        await Store.CompleteAsync(leases[1], EventStatus.Ignored, default);
        await Store.FailAsync(leases[2], "dead", null, default);
        await Store.FailAsync(leases[3], "dead too", null, default);
        await Store.ResolveAsync(ids[3], default);
        await Store.FailAsync(leases[4], "retry", Time.GetUtcNow().AddDays(60), default);
        // ids[5] stays processing.
        Time.Advance(TimeSpan.FromDays(31));
        var fresh = await InsertAsync(null);
        var freshLease = Assert.Single(await Store.ClaimAsync("w", 10, Lease, default), l => l.EventId == fresh);
        await Store.CompleteAsync(freshLease, EventStatus.Processed, default);

        var cutoff = Time.GetUtcNow().AddDays(-30);
        Assert.Equal(2, await Store.PurgeAsync(cutoff, 2, default));
        Assert.Equal(1, await Store.PurgeAsync(cutoff, 2, default));
        Assert.Equal(0, await Store.PurgeAsync(cutoff, 2, default));

        Assert.Null(await Store.GetAsync(ids[0], default));
        Assert.Null(await Store.GetAsync(ids[1], default));
        Assert.Null(await Store.GetAsync(ids[3], default));
        Assert.Equal(EventStatus.Dead, (await Store.GetAsync(ids[2], default))!.Status);
        Assert.Equal(EventStatus.Failed, (await Store.GetAsync(ids[4], default))!.Status);
        Assert.NotNull(await Store.GetAsync(ids[5], default));
        Assert.Equal(EventStatus.Processed, (await Store.GetAsync(fresh, default))!.Status);
        Assert.Empty(await Store.GetSucceededHandlersAsync(ids[0], default));
    }
}
