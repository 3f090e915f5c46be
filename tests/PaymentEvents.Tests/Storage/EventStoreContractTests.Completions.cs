using PaymentEvents.Storage;

namespace PaymentEvents.Tests.Storage;

public abstract partial class EventStoreContractTests
{
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
    public async Task A_long_error_is_stored_cut_at_the_one_limit_and_one_that_fits_is_stored_whole()
    {
        var id = await InsertAsync(null);
        var lease = Assert.Single(await Store.ClaimAsync("w", 1, Lease, default));
        var longError = new string('e', StoredError.MaxLength) + "the end that does not fit";
        var fits = new string('f', StoredError.MaxLength);

        Assert.True(await Store.FinishAsync(EventCompletion.Failed(lease,
            [StoreTestExtensions.Run("Billing", Time.GetUtcNow(), longError), StoreTestExtensions.Run("Mailer", Time.GetUtcNow(), fits)],
            longError, null), default));

        var stored = await Store.GetAsync(id, default);
        Assert.Equal(EventStatus.Dead, stored!.Status);
        var expected = new string('e', StoredError.MaxLength - 1) + "…";
        Assert.Equal(expected, stored.LastError);
        Assert.Equal(expected, Assert.Single(stored.History, a => a.Handler == "Billing").Error);
        Assert.Equal(fits, Assert.Single(stored.History, a => a.Handler == "Mailer").Error);
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
}
