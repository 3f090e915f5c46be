using System.Collections.Concurrent;
using Microsoft.Extensions.Time.Testing;
using PaymentEvents.Storage;

namespace PaymentEvents.Tests.Storage;

/// <summary>
/// The behaviour every <see cref="IEventStore"/> engine must have. Each engine derives once; every test gets an
/// empty database. Time is a FakeTimeProvider, so leases and retries move only when a test advances it.
/// </summary>
public abstract class EventStoreContractTests : IAsyncLifetime
{
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);
    private readonly List<IEventStore> _stores = [];
    private int _counter;

    protected FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));

    private protected IEventStore Store { get; private set; } = null!;

    /// <summary>Switches to a new, empty database (called before each test; may be called again by a test).</summary>
    protected abstract Task CreateDatabaseAsync();

    /// <summary>A new store instance (a "replica") over the current database.</summary>
    private protected abstract IEventStore NewStore(TimeProvider time);

    /// <summary>Removes what <see cref="CreateDatabaseAsync"/> made, after the stores are disposed.</summary>
    protected virtual Task CleanupAsync() => Task.CompletedTask;

    public async Task InitializeAsync()
    {
        await CreateDatabaseAsync();
        Store = Replica();
        await Store.MigrateAsync(CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        foreach (var store in _stores)
        {
            if (store is IAsyncDisposable disposable)
            {
                await disposable.DisposeAsync();
            }
        }

        await CleanupAsync();
    }

    private protected IEventStore Replica()
    {
        var store = NewStore(Time);
        _stores.Add(store);
        return store;
    }

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
    public async Task A_failure_is_retried_when_due_and_dies_when_there_is_no_retry_time()
    {
        var id = await InsertAsync(null);
        var lease = Assert.Single(await Store.ClaimAsync("w", 1, Lease, default));
        var retryAt = Time.GetUtcNow().AddSeconds(90);

        Assert.True(await Store.FailAsync(lease, "handler threw", retryAt, default));
        var failed = await Store.GetAsync(id, default);
        Assert.Equal(EventStatus.Failed, failed!.Status);
        Assert.Equal(retryAt, failed.NextAttemptAt);
        Assert.Equal("handler threw", failed.LastError);

        Time.Advance(TimeSpan.FromSeconds(89));
        Assert.Empty(await Store.ClaimAsync("w", 1, Lease, default));
        Time.Advance(TimeSpan.FromSeconds(1));
        var second = Assert.Single(await Store.ClaimAsync("w", 1, Lease, default));
        Assert.Equal(2, second.Attempt);

        Assert.True(await Store.FailAsync(second, "still broken", null, default));
        Time.Advance(TimeSpan.FromDays(1));
        Assert.Empty(await Store.ClaimAsync("w", 1, Lease, default));
        var dead = await Store.GetAsync(id, default);
        Assert.Equal(EventStatus.Dead, dead!.Status);
        Assert.Equal("still broken", dead.LastError);
        Assert.Equal(2, dead.Attempts);
    }

    [Fact]
    public async Task Complete_rejects_statuses_other_than_processed_and_ignored()
    {
        await InsertAsync(null);
        var lease = Assert.Single(await Store.ClaimAsync("w", 1, Lease, default));

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Store.CompleteAsync(lease, EventStatus.Failed, default));
    }

    [Fact]
    public async Task Every_handler_attempt_is_kept_with_the_outcome_and_counts_stay_true_after_replay()
    {
        var id = await InsertAsync(null);
        var first = Assert.Single(await Store.ClaimAsync("w", 1, Lease, default));
        Assert.Empty(first.SucceededHandlers);
        var t1 = Time.GetUtcNow();
        Assert.True(await Store.FinishAsync(EventCompletion.Failed(first,
            [StoreTestExtensions.Run("Billing", t1, "TimeoutException: timeout"), StoreTestExtensions.Run("Mailer", t1, "smtp down")],
            "Billing: timeout", null), default));
        Time.Advance(TimeSpan.FromSeconds(5));
        Assert.True(await Store.ReplayAsync(id, default));
        var second = Assert.Single(await Store.ClaimAsync("w", 1, Lease, default));
        Assert.Equal(1, second.Attempt);
        Assert.Empty(second.SucceededHandlers);
        var t2 = Time.GetUtcNow();
        Assert.True(await Store.FinishAsync(EventCompletion.Failed(second,
            [StoreTestExtensions.Run("Billing", t2), StoreTestExtensions.Run("Mailer", t2, "smtp down")], "Mailer: smtp down", t2.AddMinutes(1)), default));
        Time.Advance(TimeSpan.FromMinutes(1));
        var third = Assert.Single(await Store.ClaimAsync("w", 1, Lease, default));
        Assert.Equal(new HashSet<string> { "Billing" }, third.SucceededHandlers);
        Assert.True(await Store.FinishAsync(EventCompletion.Processed(third, [StoreTestExtensions.Run("Mailer", Time.GetUtcNow())]), default));

        Assert.Equal(new HashSet<string> { "Billing", "Mailer" }, await Store.GetSucceededHandlersAsync(id, default));
        var stored = await Store.GetAsync(id, default);
        Assert.Equal(EventStatus.Processed, stored!.Status);
        Assert.Equal(3, stored.Attempts);
        Assert.Equal(
            [("Billing", 1, AttemptOutcome.Failed, t1), ("Mailer", 1, AttemptOutcome.Failed, t1), ("Billing", 2, AttemptOutcome.Succeeded, t2),
             ("Mailer", 2, AttemptOutcome.Failed, t2), ("Mailer", 3, AttemptOutcome.Succeeded, Time.GetUtcNow())],
            stored.History.Select(a => (a.Handler, a.Attempt, a.Outcome, a.StartedAt)));
        Assert.All(stored.History, a => Assert.Equal(TimeSpan.FromMilliseconds(12.5), a.Duration));
        Assert.Equal("TimeoutException: timeout", stored.History[0].Error);
        Assert.Null(stored.History[2].Error);
        var billing = Assert.Single(stored.Handlers, h => h.Handler == "Billing");
        Assert.Equal((2, true, (string?)null, t2), (billing.Attempts, billing.Succeeded, billing.LastError, billing.LastAttemptAt));
        var mailer = Assert.Single(stored.Handlers, h => h.Handler == "Mailer");
        Assert.Equal((3, true), (mailer.Attempts, mailer.Succeeded));
        Assert.Empty(await Store.GetSucceededHandlersAsync("evt_other", default));
    }

    [Fact]
    public async Task A_lost_lease_writes_neither_the_outcome_nor_the_attempts()
    {
        var id = await InsertAsync(null);
        var stale = Assert.Single(await Store.ClaimAsync("a", 1, Lease, default));
        Time.Advance(Lease);
        var current = Assert.Single(await Replica().ClaimAsync("b", 1, Lease, default));

        Assert.False(await Store.FinishAsync(EventCompletion.Processed(stale, [StoreTestExtensions.Run("Billing", Time.GetUtcNow())]), default));

        var stored = await Store.GetAsync(id, default);
        Assert.Equal(EventStatus.Processing, stored!.Status);
        Assert.Empty(stored.History);
        Assert.True(await Store.FinishAsync(EventCompletion.Processed(current, [StoreTestExtensions.Run("Billing", Time.GetUtcNow())]), default));
        Assert.Single((await Store.GetAsync(id, default))!.History);
    }

    [Fact]
    public async Task Completions_sharing_a_commit_change_only_their_own_event()
    {
        var ids = await InsertManyAsync(null, 40);
        var leases = await Store.ClaimAsync("w", 40, Lease, default);
        var stale = leases[7];
        // Only event 7's lease runs out (the others are renewed), and another worker takes it over.
        Time.Advance(Lease / 2);
        foreach (var lease in leases.Where(l => l != stale))
        {
            Assert.True(await Store.RenewLeaseAsync(lease, Lease, default));
        }

        Time.Advance(Lease / 2);
        var taken = Assert.Single(await Replica().ClaimAsync("other", 1, Lease, default));
        Assert.Equal(stale.EventId, taken.EventId);

        // Submitted together: the group commit writes them in shared transactions. Every shape of completion:
        // failed with a retry time and two runs, ignored (no runs), processed with three runs, dead with one run.
        var t1 = Time.GetUtcNow();
        DateTimeOffset RetryAt(int i) => t1.AddMilliseconds(i + 1);
        var results = await Task.WhenAll(leases.Select((lease, i) => Store.FinishAsync((i % 4) switch
        {
            0 => EventCompletion.Failed(lease,
                [StoreTestExtensions.Run("Billing", t1, $"boom {i}"), StoreTestExtensions.Run("Mailer", t1)], $"boom {i}", RetryAt(i)),
            1 => EventCompletion.Ignored(lease),
            2 => EventCompletion.Processed(lease,
                [StoreTestExtensions.Run("Billing", t1), StoreTestExtensions.Run("Mailer", t1), StoreTestExtensions.Run("Ledger", t1)]),
            _ => EventCompletion.Failed(lease, [StoreTestExtensions.Run("Billing", t1, $"fatal {i}")], $"fatal {i}", null),
        }, default)));

        for (var i = 0; i < ids.Length; i++)
        {
            var stored = (await Store.GetAsync(ids[i], default))!;
            if (i == 7)
            {
                Assert.False(results[i]);
                Assert.Equal(EventStatus.Processing, stored.Status);
                Assert.Null(stored.LastError);
                Assert.Empty(stored.History);
                continue;
            }

            Assert.True(results[i]);
            var history = stored.History.Select(a => (a.Handler, a.Attempt, a.Outcome, a.Error));
            switch (i % 4)
            {
                case 0:
                    Assert.Equal((EventStatus.Failed, $"boom {i}", RetryAt(i)), (stored.Status, stored.LastError, stored.NextAttemptAt));
                    Assert.Equal([("Billing", 1, AttemptOutcome.Failed, $"boom {i}"), ("Mailer", 1, AttemptOutcome.Succeeded, null)], history);
                    break;
                case 1:
                    Assert.Equal((EventStatus.Ignored, null, null), (stored.Status, stored.LastError, stored.NextAttemptAt));
                    Assert.Empty(history);
                    break;
                case 2:
                    Assert.Equal((EventStatus.Processed, null, null), (stored.Status, stored.LastError, stored.NextAttemptAt));
                    Assert.Equal(
                        [("Billing", 1, AttemptOutcome.Succeeded, null), ("Ledger", 1, AttemptOutcome.Succeeded, null),
                         ("Mailer", 1, AttemptOutcome.Succeeded, null)],
                        history.OrderBy(a => a.Handler, StringComparer.Ordinal));
                    break;
                default:
                    Assert.Equal((EventStatus.Dead, $"fatal {i}", null), (stored.Status, stored.LastError, stored.NextAttemptAt));
                    Assert.Equal([("Billing", 1, AttemptOutcome.Failed, $"fatal {i}")], history);
                    break;
            }
        }

        // Second attempts, again together: the failed events retry Billing (Mailer already succeeded), and the
        // worker that took event 7 over finishes it. Numbers continue after the stored attempts of each handler;
        // event 7's stale completion left none, so its first stored attempt is 1.
        Time.Advance(TimeSpan.FromMilliseconds(40));
        var retries = await Store.ClaimAsync("w", 40, Lease, default);
        Assert.Equal(ids.Where((_, i) => i % 4 == 0), retries.Select(l => l.EventId));
        Assert.All(retries, l => Assert.Equal(new HashSet<string> { "Mailer" }, l.SucceededHandlers));
        var t2 = Time.GetUtcNow();
        var second = await Task.WhenAll(retries.Append(taken).Select(lease =>
            Store.FinishAsync(EventCompletion.Processed(lease, [StoreTestExtensions.Run("Billing", t2)]), default)));
        Assert.DoesNotContain(false, second);

        foreach (var id in ids.Where((_, i) => i % 4 == 0))
        {
            var stored = (await Store.GetAsync(id, default))!;
            Assert.Equal((EventStatus.Processed, 2, (DateTimeOffset?)null), (stored.Status, stored.Attempts, stored.NextAttemptAt));
            Assert.Equal(
                [("Billing", 1, AttemptOutcome.Failed, t1), ("Mailer", 1, AttemptOutcome.Succeeded, t1), ("Billing", 2, AttemptOutcome.Succeeded, t2)],
                stored.History.Select(a => (a.Handler, a.Attempt, a.Outcome, a.StartedAt)));
        }

        var takenOver = (await Store.GetAsync(ids[7], default))!;
        Assert.Equal(EventStatus.Processed, takenOver.Status);
        var only = Assert.Single(takenOver.History);
        Assert.Equal(("Billing", 1, AttemptOutcome.Succeeded), (only.Handler, only.Attempt, only.Outcome));
    }

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
    public async Task List_pages_newest_first_with_an_opaque_cursor()
    {
        var ids = await InsertManyAsync("sub_A", 7);
        var seen = new List<string>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await Store.ListAsync(new EventQuery(Limit: 3, Cursor: cursor), default);
            Assert.True(page.Items.Count <= 3);
            seen.AddRange(page.Items.Select(e => e.Id));
            cursor = page.NextCursor;
            pages++;
        }
        while (cursor is not null && pages < 10);

        Assert.Equal(ids.Reverse(), seen);
        Assert.Equal(3, pages);
    }

    [Fact]
    public async Task List_filters_by_type_status_and_object()
    {
        var a = await InsertAsync("sub_A", "invoice.paid");
        var b = await InsertAsync("sub_B", "invoice.paid");
        var c = await InsertAsync("sub_A", "refund.created");
        var lease = (await Store.ClaimAsync("w", 10, Lease, default)).Single(l => l.EventId == a);
        await Store.FinishAsync(EventCompletion.Processed(lease, [StoreTestExtensions.Run("Billing", Time.GetUtcNow())]), default);

        Assert.Equal([b, a], Ids(await Store.ListAsync(new EventQuery(Type: "invoice.paid"), default)));
        Assert.Equal([c, a], Ids(await Store.ListAsync(new EventQuery(ObjectId: "sub_A"), default)));
        var processed = await Store.ListAsync(new EventQuery(Status: EventStatus.Processed), default);
        Assert.Equal([a], Ids(processed));
        Assert.Equal("Billing", Assert.Single(processed.Items[0].Handlers).Handler);
        // c waits behind a (same object), so it is still received.
        Assert.Equal([c], Ids(await Store.ListAsync(new EventQuery(Type: "refund.created", Status: EventStatus.Received, ObjectId: "sub_A"), default)));
        Assert.Equal([b], Ids(await Store.ListAsync(new EventQuery(Status: EventStatus.Processing), default)));
        Assert.Empty((await Store.ListAsync(new EventQuery(Type: "nope"), default)).Items);
    }

    [Fact]
    public async Task List_filters_by_livemode_received_time_handler_and_id_prefix()
    {
        var t0 = Time.GetUtcNow();
        await Store.InsertAsync(new NewEvent("evt_live_1", "invoice.paid", null, true, "{}", t0), default);
        Time.Advance(TimeSpan.FromMinutes(1));
        await Store.InsertAsync(new NewEvent("evt_test_1", "invoice.paid", null, false, "{}", Time.GetUtcNow()), default);
        Time.Advance(TimeSpan.FromMinutes(1));
        await Store.InsertAsync(new NewEvent("EVT_LIVE_2", "invoice.paid", null, true, "{}", Time.GetUtcNow()), default);
        var lease = (await Store.ClaimAsync("w", 10, Lease, default)).Single(l => l.EventId == "evt_test_1");
        await Store.FinishAsync(EventCompletion.Processed(lease, [StoreTestExtensions.Run("Mailer", Time.GetUtcNow())]), default);

        Assert.Equal(["EVT_LIVE_2", "evt_live_1"], Ids(await Store.ListAsync(new EventQuery { Livemode = true }, default)));
        Assert.Equal(["evt_test_1"], Ids(await Store.ListAsync(new EventQuery { Livemode = false }, default)));
        Assert.Equal(["evt_test_1", "evt_live_1"], Ids(await Store.ListAsync(new EventQuery { ReceivedBefore = t0.AddMinutes(2) }, default)));
        Assert.Equal(["EVT_LIVE_2", "evt_test_1"], Ids(await Store.ListAsync(new EventQuery { ReceivedAfter = t0.AddMinutes(1) }, default)));
        Assert.Equal(["evt_test_1"], Ids(await Store.ListAsync(new EventQuery { ReceivedAfter = t0.AddSeconds(1), ReceivedBefore = t0.AddMinutes(2) }, default)));
        Assert.Equal(["evt_test_1"], Ids(await Store.ListAsync(new EventQuery { Handler = "Mailer" }, default)));
        Assert.Empty((await Store.ListAsync(new EventQuery { Handler = "Billing" }, default)).Items);
        // The id search is case-sensitive on both engines and matches a prefix or the whole id.
        Assert.Equal(["evt_live_1"], Ids(await Store.ListAsync(new EventQuery { IdPrefix = "evt_l" }, default)));
        Assert.Equal(["EVT_LIVE_2"], Ids(await Store.ListAsync(new EventQuery { IdPrefix = "EVT_LIVE_2" }, default)));
        Assert.Equal(["evt_test_1", "evt_live_1"], Ids(await Store.ListAsync(new EventQuery(Limit: 5) { IdPrefix = "evt_" }, default)));
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
    public async Task Stats_count_by_status_per_minute_and_the_oldest_unprocessed_age()
    {
        var empty = await Store.GetStatsAsync(default);
        Assert.All(Enum.GetValues<EventStatus>(), s => Assert.Equal(0, empty.CountsByStatus[s]));
        Assert.Null(empty.OldestUnprocessedAge);
        Assert.Null(empty.LastReceivedAt);
        Assert.Equal(60, empty.DeliveriesPerMinute.Count);

        var start = Time.GetUtcNow(); // 12:00:00
        var a = await InsertAsync(null);
        var b = await InsertAsync(null);
        Time.Advance(TimeSpan.FromMinutes(2) + TimeSpan.FromSeconds(30));
        var c = await InsertAsync(null);
        var leases = await Store.ClaimAsync("w", 2, Lease, default);
        await Store.FinishAsync(EventCompletion.Processed(leases[0], [StoreTestExtensions.Run("Billing", Time.GetUtcNow())]), default);
        await Store.FinishAsync(EventCompletion.Failed(leases[1],
            [StoreTestExtensions.Run("Billing", Time.GetUtcNow(), "x"), StoreTestExtensions.Run("Mailer", Time.GetUtcNow(), "y")], "x", null), default);
        Time.Advance(TimeSpan.FromSeconds(10));

        var stats = await Store.GetStatsAsync(default);
        Assert.Equal(Time.GetUtcNow(), stats.AsOf);
        Assert.Equal(1, stats.CountsByStatus[EventStatus.Processed]);
        Assert.Equal(1, stats.CountsByStatus[EventStatus.Dead]);
        Assert.Equal(1, stats.CountsByStatus[EventStatus.Received]);
        Assert.Equal(0, stats.CountsByStatus[EventStatus.Ignored]);
        Assert.Equal(TimeSpan.FromSeconds(10), stats.OldestUnprocessedAge); // c, received 10 s ago
        Assert.Equal(start.AddSeconds(150), stats.LastReceivedAt);
        Assert.Equal(60, stats.DeliveriesPerMinute.Count);
        Assert.Equal(new DateTimeOffset(2026, 3, 1, 12, 2, 0, TimeSpan.Zero), stats.DeliveriesPerMinute[^1].Minute);
        Assert.Equal(stats.DeliveriesPerMinute[^1].Minute.AddMinutes(-59), stats.DeliveriesPerMinute[0].Minute);
        Assert.Equal(2, stats.DeliveriesPerMinute[^3].Count);
        Assert.Equal(0, stats.DeliveriesPerMinute[^2].Count);
        Assert.Equal(1, stats.DeliveriesPerMinute[^1].Count);
        Assert.Equal(3, stats.DeliveriesPerMinute.Sum(m => m.Count));
        Assert.Equal(2, stats.FailuresPerMinute[^1].Count);
        Assert.Equal(2, stats.FailuresPerMinute.Sum(m => m.Count));

        Time.Advance(TimeSpan.FromHours(1));
        var later = await Store.GetStatsAsync(default);
        Assert.Equal(0, later.DeliveriesPerMinute.Sum(m => m.Count));
        Assert.Equal(0, later.FailuresPerMinute.Sum(m => m.Count));
        _ = (a, b);
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

    [Fact]
    public async Task List_clamps_the_limit_and_rejects_a_foreign_cursor()
    {
        await InsertManyAsync(null, 3);

        var one = await Store.ListAsync(new EventQuery(Limit: 0), default);
        Assert.Single(one.Items);
        Assert.NotNull(one.NextCursor);
        Assert.Equal(3, (await Store.ListAsync(new EventQuery(Limit: 100_000), default)).Items.Count);
        await Assert.ThrowsAsync<ArgumentException>(() => Store.ListAsync(new EventQuery(Cursor: "not a cursor!"), default));
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

    [Fact]
    public async Task Migrate_is_idempotent_and_safe_to_run_concurrently()
    {
        await Store.InsertAsync(new NewEvent("evt_keep", "t", null, null, "{}", Time.GetUtcNow()), default);

        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => Replica().MigrateAsync(default))));
        await Store.MigrateAsync(default);

        Assert.True(await Store.IsHealthyAsync(default));
        Assert.NotNull(await Store.GetAsync("evt_keep", default));
    }

    [Fact]
    public async Task Migrating_a_new_database_concurrently_from_several_replicas_works()
    {
        await CreateDatabaseAsync();
        var replicas = Enumerable.Range(0, 4).Select(_ => Replica()).ToArray();

        await Task.WhenAll(replicas.Select(r => Task.Run(() => r.MigrateAsync(default))));

        Assert.Equal(InsertOutcome.Stored, await replicas[0].InsertAsync(new NewEvent("e", "t", null, null, "{}", Time.GetUtcNow()), default));
        Assert.NotNull(await replicas[3].GetAsync("e", default));
    }

    /// <summary>Runs SQL on the current database outside any store (to build an old schema).</summary>
    protected abstract Task ExecuteAsync(string sql, params (string Name, object Value)[] parameters);

    /// <summary>The engine's version-1 schema, as shipped.</summary>
    protected abstract string Version1Schema { get; }

    /// <summary>A time as the version-1 schema stores it.</summary>
    protected abstract object Version1Time(DateTimeOffset time);

    [Fact]
    public async Task A_version_1_database_is_migrated_keeping_events_and_handler_results()
    {
        await CreateDatabaseAsync();
        var at = Time.GetUtcNow().AddMinutes(-5);
        await ExecuteAsync("CREATE TABLE payment_events_schema_version (version INTEGER PRIMARY KEY, applied_at " +
            (Version1Time(at) is long ? "INTEGER" : "timestamptz") + " NOT NULL)");
        await ExecuteAsync(Version1Schema);
        await ExecuteAsync("INSERT INTO payment_events_schema_version VALUES (1, @at)", ("at", Version1Time(at)));
        await ExecuteAsync("""
            INSERT INTO payment_events (id, type, object_id, livemode, payload, status, received_at, updated_at, attempts, next_attempt_at, last_error, lease_token)
            VALUES ('evt_old', 'invoice.paid', 'in_1', TRUE, '{"id":"evt_old","x":"Zoë"}', 'dead', @at, @at, 2, NULL, 'Mailer: down', 2),
                   ('evt_new', 'invoice.paid', 'in_2', FALSE, '{"id":"evt_new"}', 'received', @at, @at, 0, @at, NULL, 0)
            """, ("at", Version1Time(at)));
        await ExecuteAsync("""
            INSERT INTO payment_event_handler_attempts (event_id, handler, attempts, succeeded, last_error, last_attempt_at)
            VALUES ('evt_old', 'Billing', 1, TRUE, NULL, @at), ('evt_old', 'Mailer', 4, FALSE, 'down', @at)
            """, ("at", Version1Time(at)));

        var store = Replica();
        await store.MigrateAsync(default);

        var old = await store.GetAsync("evt_old", default);
        Assert.Equal("""{"id":"evt_old","x":"Zoë"}""", old!.Payload);
        Assert.Equal(EventStatus.Dead, old.Status);
        Assert.Equal(4, old.Attempts);
        Assert.Equal(new HashSet<string> { "Billing" }, await store.GetSucceededHandlersAsync("evt_old", default));
        var mailer = Assert.Single(old.Handlers, h => h.Handler == "Mailer");
        Assert.Equal((4, false, "down", at), (mailer.Attempts, mailer.Succeeded, mailer.LastError, mailer.LastAttemptAt));
        Assert.Equal(ResolveOutcome.Resolved, await store.ResolveAsync("evt_old", default));
        Assert.True(await store.ReplayAsync("evt_old", default));
        var claimed = await store.ClaimAsync("w", 10, Lease, default);
        Assert.Equal(["evt_old", "evt_new"], claimed.Select(l => l.EventId));
        Assert.All(claimed, l => Assert.Null(l.TraceParent));
        Assert.Equal("""{"id":"evt_new"}"""u8.ToArray(), claimed[1].Payload.ToArray());
        Assert.Equal(new HashSet<string> { "Billing" }, claimed[0].SucceededHandlers);
        Assert.True(await store.FinishAsync(EventCompletion.Processed(claimed[0], [StoreTestExtensions.Run("Mailer", Time.GetUtcNow())]), default));
        Assert.Equal(5, Assert.Single((await store.GetAsync("evt_old", default))!.History, a => a.Outcome == AttemptOutcome.Succeeded && a.Handler == "Mailer").Attempt);
    }

    protected async Task<string> InsertAsync(string? objectId, string type = "customer.subscription.updated")
    {
        var id = $"evt_{Interlocked.Increment(ref _counter):D5}";
        Assert.Equal(InsertOutcome.Stored, await Store.InsertAsync(new NewEvent(id, type, objectId, false, "{}", Time.GetUtcNow()), default));
        return id;
    }

    private async Task<string[]> InsertManyAsync(string? objectId, int count)
    {
        var ids = new string[count];
        for (var i = 0; i < count; i++)
        {
            ids[i] = await InsertAsync(objectId);
        }

        return ids;
    }

    private static string[] Ids(EventPage page) => [.. page.Items.Select(e => e.Id)];
}
