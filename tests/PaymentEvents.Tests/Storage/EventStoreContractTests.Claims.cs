using System.Collections.Concurrent;
using PaymentEvents.Storage;

namespace PaymentEvents.Tests.Storage;

public abstract partial class EventStoreContractTests
{
    [Fact]
    public async Task Claim_leases_due_events_in_arrival_order_and_each_only_once()
    {
        var ids = await InsertManyAsync(null, 3);

        var first = await Store.ClaimAsync("w1", 2, Lease, default);
        var second = await Store.ClaimAsync("w2", 5, Lease, default);
        var third = await Store.ClaimAsync("w3", 5, Lease, default);

        Assert.Equal(ids[..2], first.Select(l => l.EventId));
        Assert.Equal(ids[2..], second.Select(l => l.EventId));
        Assert.Empty(third);
        var lease = first[0];
        Assert.Equal("w1", lease.Owner);
        Assert.Equal(1, lease.Attempt);
        Assert.Equal(Time.GetUtcNow() + Lease, lease.LeaseExpiresAt);
        Assert.Equal("{}"u8.ToArray(), lease.Payload.ToArray());
        var stored = await Store.GetAsync(lease.EventId, default);
        Assert.Equal(EventStatus.Processing, stored!.Status);
        Assert.Equal(1, stored.Attempts);
    }

    [Fact]
    public async Task Only_the_earliest_unfinished_event_of_an_object_is_claimable()
    {
        var a1 = await InsertAsync("sub_A");
        var b1 = await InsertAsync("sub_B");
        var a2 = await InsertAsync("sub_A");
        var n1 = await InsertAsync(null);
        var a3 = await InsertAsync("sub_A");
        var n2 = await InsertAsync(null);

        var claimed = await Store.ClaimAsync("w", 10, Lease, default);
        Assert.Equal([a1, b1, n1, n2], claimed.Select(l => l.EventId));
        foreach (var other in claimed.Skip(1))
        {
            Assert.True(await Store.CompleteAsync(other, EventStatus.Processed, default));
        }

        // a2 waits until a1 is finished.
        Assert.Empty(await Store.ClaimAsync("w", 10, Lease, default));
        Assert.True(await Store.CompleteAsync(claimed[0], EventStatus.Processed, default));
        var next = Assert.Single(await Store.ClaimAsync("w", 10, Lease, default));
        Assert.Equal(a2, next.EventId);

        // A failed event still blocks the object until it is retried...
        Assert.True(await Store.FailAsync(next, "boom", Time.GetUtcNow().AddMinutes(1), default));
        Assert.Empty(await Store.ClaimAsync("w", 10, Lease, default));
        Time.Advance(TimeSpan.FromMinutes(1));
        var retry = Assert.Single(await Store.ClaimAsync("w", 10, Lease, default));
        Assert.Equal(a2, retry.EventId);

        // ...but a dead one no longer does.
        Assert.True(await Store.FailAsync(retry, "gave up", null, default));
        var last = Assert.Single(await Store.ClaimAsync("w", 10, Lease, default));
        Assert.Equal(a3, last.EventId);
    }

    [Fact]
    public async Task Ignored_events_do_not_block_their_object()
    {
        var a1 = await InsertAsync("sub_A");
        var a2 = await InsertAsync("sub_A");

        var lease = Assert.Single(await Store.ClaimAsync("w", 10, Lease, default));
        Assert.Equal(a1, lease.EventId);
        Assert.True(await Store.CompleteAsync(lease, EventStatus.Ignored, default));

        Assert.Equal(EventStatus.Ignored, (await Store.GetAsync(a1, default))!.Status);
        Assert.Equal(a2, Assert.Single(await Store.ClaimAsync("w", 10, Lease, default)).EventId);
    }

    [Fact]
    public async Task Parallel_claimers_take_every_event_exactly_once_and_never_two_of_one_object()
    {
        const int objects = 40;
        const int perObject = 10;
        const int independent = 100;
        var expectedOrder = new Dictionary<string, List<string>>();
        var all = new List<string>();
        for (var i = 0; i < perObject; i++)
        {
            for (var o = 0; o < objects; o++)
            {
                var obj = $"sub_{o}";
                var id = await InsertAsync(obj);
                (expectedOrder.TryGetValue(obj, out var list) ? list : expectedOrder[obj] = []).Add(id);
                all.Add(id);
            }

            for (var n = 0; n < independent / perObject; n++)
            {
                all.Add(await InsertAsync(null));
            }
        }

        var claims = new ConcurrentDictionary<string, int>();
        var inFlight = new ConcurrentDictionary<string, string>();
        var violations = new ConcurrentQueue<string>();
        var completedOrder = new ConcurrentDictionary<string, ConcurrentQueue<string>>();
        var completed = 0;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));

        async Task Worker(IEventStore store, string owner)
        {
            while (Volatile.Read(ref completed) < all.Count)
            {
                timeout.Token.ThrowIfCancellationRequested();
                var leases = await store.ClaimAsync(owner, 7, Lease, timeout.Token);
                foreach (var lease in leases)
                {
                    claims.AddOrUpdate(lease.EventId, 1, (_, n) => n + 1);
                    if (lease.ObjectId is { } obj && !inFlight.TryAdd(obj, lease.EventId))
                    {
                        violations.Enqueue($"{owner} got {lease.EventId} while {inFlight[obj]} of {obj} was in flight");
                    }
                }

                await Task.Yield();
                foreach (var lease in leases)
                {
                    if (lease.ObjectId is { } obj)
                    {
                        completedOrder.GetOrAdd(obj, _ => new ConcurrentQueue<string>()).Enqueue(lease.EventId);
                        // Released before the store commits, so the next claim of this object can only come later.
                        inFlight.TryRemove(obj, out _);
                    }

                    Assert.True(await store.CompleteAsync(lease, EventStatus.Processed, timeout.Token));
                    Interlocked.Increment(ref completed);
                }
            }
        }

        var workers = Enumerable.Range(0, 4).Select(i => Task.Run(() => Worker(Replica(), $"replica-{i}"))).ToArray();
        await Task.WhenAll(workers);

        Assert.Empty(violations);
        Assert.Equal(all.Count, claims.Count);
        Assert.All(claims, c => Assert.Equal(1, c.Value));
        foreach (var (obj, order) in expectedOrder)
        {
            Assert.Equal(order, completedOrder[obj]);
        }

        Assert.Empty(await Store.ClaimAsync("late", 10, Lease, default));
    }
}
