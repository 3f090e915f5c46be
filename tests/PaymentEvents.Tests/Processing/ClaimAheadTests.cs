using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;
using PaymentEvents.Storage;

namespace PaymentEvents.Tests.Processing;

/// <summary>
/// The processor claims up to Processing:BatchSize events ahead of its free slots (one claim feeds several runs); those
/// wait behind the running events, in order, and are handed back at shutdown instead of waiting out their leases.
/// </summary>
public sealed class ClaimAheadTests : IDisposable
{
    private readonly TempDirectory _dir = new("pe-dispatch");
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 2, 10, 0, 0, TimeSpan.Zero));
    private readonly Probe _probe = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Events_claimed_ahead_wait_behind_the_running_one_and_are_handed_back_at_shutdown()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _probe.Behavior = (call, _) => call.Host == "a" ? release.Task : Task.CompletedTask;
        var settings = ProcessingHost.Settings(_dir.Path,
            ("Processing:MaxConcurrency", "1"), ("Processing:BatchSize", "4"), ("Processing:LeaseDuration", "00:01:00"));

        var a = await ProcessingHost.StartAsync("a", _time, _probe, settings, typeof(SubscriptionRecorder));
        await using (a)
        {
            for (var i = 0; i < 4; i++)
            {
                // Different objects: all four are claimable at once, in one claim.
                await a.Store.InsertAsync(new NewEvent($"evt_{i}", "customer.subscription.started", $"sub_{i}", false,
                    TestEvents.Json($"evt_{i}", "customer.subscription.started", $"sub_{i}"), _time.GetUtcNow()), default);
            }

            a.Signal.Notify();
            await _probe.WhenCallsAsync(1);
            await Eventually.UntilAsync(
                async () => (await Task.WhenAll(Enumerable.Range(1, 3).Select(i => a.GetAsync($"evt_{i}")))).All(e => e.Status == EventStatus.Processing),
                "the other three are claimed ahead");
            Assert.Equal(["evt_0"], _probe.Calls.Select(c => c.EventId));

            // Stop while evt_0 runs; let it finish only once the processor has stopped claiming and starting.
            var stopping = a.StopAsync();
            await Eventually.UntilAsync(() => Task.FromResult(a.Logs.GetSnapshot().Any(r => r.Id.Id == 1211)), "the processor is stopping");
            release.SetResult();
            await stopping;

            Assert.Equal(EventStatus.Processed, (await a.GetAsync("evt_0")).Status);
            Assert.Contains(a.Logs.GetSnapshot(), r => r.Id.Id == 1216 && r.Message.Contains("Handed back 3 claimed event(s)", StringComparison.Ordinal));
        }

        // The clock has not moved, so the leases of the three would still be live had they not been handed back.
        await using var b = await ProcessingHost.StartAsync("b", _time, _probe, settings, typeof(SubscriptionRecorder));
        for (var i = 1; i < 4; i++)
        {
            await Eventually.StatusAsync(b, $"evt_{i}", EventStatus.Processed);
        }

        Assert.Equal(["evt_0"], _probe.Calls.Where(c => c.Host == "a").Select(c => c.EventId));
        Assert.Equal(["evt_1", "evt_2", "evt_3"], _probe.Calls.Where(c => c.Host == "b").Select(c => c.EventId));
    }

    [Fact]
    public async Task A_claimed_event_whose_lease_ran_out_while_it_waited_is_checked_and_not_run_when_someone_else_has_it()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _probe.Behavior = (call, _) => call.EventId == "evt_0" ? release.Task : Task.CompletedTask;
        await using var host = await ProcessingHost.StartAsync("a", _time, _probe, ProcessingHost.Settings(_dir.Path,
            // No poll within the test's clock moves: the processor itself would otherwise claim the expired evt_1 again.
            ("Processing:MaxConcurrency", "1"), ("Processing:BatchSize", "2"), ("Processing:LeaseDuration", "00:00:30"),
            ("Processing:PollInterval", "00:10:00")),
            typeof(SubscriptionRecorder));
        await host.ReceiveAsync("evt_0", "customer.subscription.started", "sub_0", _time);
        await host.ReceiveAsync("evt_1", "customer.subscription.started", "sub_1", _time);
        await _probe.WhenCallsAsync(1);
        await Eventually.UntilAsync(async () => (await host.GetAsync("evt_1")).Status == EventStatus.Processing, "evt_1 is claimed ahead");

        // evt_1 waits behind evt_0 past the end of its lease, and another instance claims it.
        _time.Advance(TimeSpan.FromSeconds(31));
        var taken = await host.Store.ClaimAsync("another-instance", 10, TimeSpan.FromMinutes(5), default);
        Assert.Contains(taken, l => l.EventId == "evt_1");

        release.SetResult();
        await Eventually.UntilAsync(
            () => Task.FromResult(host.Logs.GetSnapshot().Any(r => r.Id.Id == 1206 && r.Message.Contains("evt_1", StringComparison.Ordinal))),
            "the processor finds evt_1's lease lost");
        Assert.Equal(0, _probe.CallsTo(SubscriptionRecorder.Name, "evt_1"));
    }

    [Fact]
    public async Task The_next_claimed_event_runs_while_the_outcome_of_the_last_one_waits_for_the_store()
    {
        var settings = ProcessingHost.Settings(_dir.Path,
            ("Processing:MaxConcurrency", "1"), ("Processing:BatchSize", "2"), ("Processing:LeaseDuration", "00:01:00"));
        await using var host = await ProcessingHost.StartAsync("a", _time, _probe, settings, typeof(SubscriptionRecorder));
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        // What evt_1's handler saw when it ran: evt_0's stored status and how many outcome writes had failed by then.
        var secondRan = new TaskCompletionSource<(EventStatus First, int WriteFailures)>(TaskCreationOptions.RunContinuationsAsynchronously);
        _probe.Behavior = async (call, _) =>
        {
            if (call.EventId == "evt_0")
            {
                await release.Task;
                return;
            }

            var first = (await host.GetAsync("evt_0")).Status;
            secondRan.TrySetResult((first, host.Logs.GetSnapshot().Count(r => r.Id.Id == 1209)));
        };
        for (var i = 0; i < 2; i++)
        {
            await host.Store.InsertAsync(new NewEvent($"evt_{i}", "customer.subscription.started", $"sub_{i}", false,
                TestEvents.Json($"evt_{i}", "customer.subscription.started", $"sub_{i}"), _time.GetUtcNow()), default);
        }

        host.Signal.Notify();
        await _probe.WhenCallsAsync(1);
        await Eventually.UntilAsync(async () => (await host.GetAsync("evt_1")).Status == EventStatus.Processing, "evt_1 is claimed ahead");

        // Another connection holds SQLite's write lock: evt_0's outcome cannot be written until it lets go (the store
        // waits up to its busy timeout, 10 s, then reports the write failed).
        await using (var blocker = new SqliteConnection($"Data Source={Path.Combine(_dir.Path, SqliteEventStore.FileName)}"))
        {
            await blocker.OpenAsync();
            await using var writeLock = blocker.BeginTransaction(deferred: false);
            release.SetResult();
            var (firstWhenSecondRan, writeFailuresWhenSecondRan) = await secondRan.Task.WaitAsync(Poll.DefaultTimeout);
            await writeLock.RollbackAsync();

            // evt_1 ran while evt_0's outcome still waited for its write, not after that write had given up.
            Assert.Equal(EventStatus.Processing, firstWhenSecondRan);
            Assert.Equal(0, writeFailuresWhenSecondRan);
        }

        await Eventually.StatusAsync(host, "evt_0", EventStatus.Processed);
        await Eventually.StatusAsync(host, "evt_1", EventStatus.Processed);
        Assert.Equal(["evt_0", "evt_1"], _probe.Calls.Select(c => c.EventId));
    }
}
