using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using PaymentEvents.Storage;

namespace PaymentEvents.Tests.Processing;

/// <summary>The processor end to end on the real SQLite store, driven by a fake clock.</summary>
public sealed class EventProcessorTests : IDisposable
{
    private readonly TempDirectory _dir = new("pe-dispatch");
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 27, 10, 0, 0, TimeSpan.Zero));
    private readonly Probe _probe = new();

    public void Dispose() => _dir.Dispose();

    /// <summary>The same SQLite file, without a host: to look at what a stopped instance left behind.</summary>
    private SqliteEventStore RawStore() =>
        new(Path.Combine(_dir.Path, SqliteEventStore.FileName), _time, NullLogger<SqliteEventStore>.Instance);

    private Task<ProcessingHost> StartAsync(string name = "a", params Type[] handlers) =>
        StartAsync(name, [], handlers);

    private Task<ProcessingHost> StartAsync(string name, (string, string)[] settings, params Type[] handlers) =>
        ProcessingHost.StartAsync(name, _time, _probe, ProcessingHost.Settings(_dir.Path, settings),
            handlers.Length > 0 ? handlers : [typeof(SubscriptionRecorder), typeof(SecondSubscriptionRecorder)]);

    [Fact]
    public async Task Each_handler_runs_once_per_event_and_the_event_ends_processed()
    {
        await using var host = await StartAsync();
        using var processed = new MetricCollector<long>(host.Services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>(), "PaymentEvents", "paymentevents.processing.events");

        await host.ReceiveAsync("evt_1", "customer.subscription.started", "sub_1", _time);
        await host.ReceiveAsync("evt_2", "customer.subscription.renewed", "sub_2", _time);
        await host.ReceiveAsync("evt_3", "customer.subscription.deleted", "sub_3", _time);
        foreach (var id in new[] { "evt_1", "evt_2", "evt_3" })
        {
            await Eventually.StatusAsync(host, id, EventStatus.Processed);
        }

        foreach (var id in new[] { "evt_1", "evt_2", "evt_3" })
        {
            Assert.Equal(1, _probe.CallsTo(SubscriptionRecorder.Name, id));
            Assert.Equal(1, _probe.CallsTo(SecondSubscriptionRecorder.Name, id));
            var stored = await host.GetAsync(id);
            Assert.Equal(1, stored.Attempts);
            Assert.Equal(
                [SecondSubscriptionRecorder.Name, SubscriptionRecorder.Name],
                stored.Handlers.Where(h => h.Succeeded && h.Attempts == 1).Select(h => h.Handler).Order(StringComparer.Ordinal));
        }

        Assert.Equal(6, _probe.Calls.Count);
        // The metric is recorded after the store call returns, so it may trail the stored status by a moment.
        long Processed() => processed.GetMeasurementSnapshot().Where(m => Equals(m.Tags["status"], "processed")).Sum(m => m.Value);
        await Eventually.UntilAsync(() => Task.FromResult(Processed() >= 3), "three events are counted as processed");
        Assert.Equal(3, Processed());
    }

    [Fact]
    public async Task A_failing_handler_is_retried_after_the_persisted_backoff_and_the_handler_that_succeeded_is_not_rerun()
    {
        var failuresLeft = 2;
        _probe.Behavior = (call, _) =>
            call.Handler == SubscriptionRecorder.Name && Interlocked.Decrement(ref failuresLeft) >= 0
                ? throw new InvalidOperationException($"downstream unavailable ({failuresLeft})")
                : Task.CompletedTask;
        await using var host = await StartAsync();
        using var failures = new MetricCollector<long>(host.Services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>(), "PaymentEvents", "paymentevents.processing.handler_failures");

        await host.ReceiveAsync("evt_retry", "customer.subscription.started", "sub_1", _time);
        await Eventually.StatusAsync(host, "evt_retry", EventStatus.Failed);

        // The retry is persisted, not slept on: due within MaxDelay (4 s), and nothing runs until the clock moves.
        var failed = await host.GetAsync("evt_retry");
        Assert.NotNull(failed.NextAttemptAt);
        Assert.InRange(failed.NextAttemptAt.Value, _time.GetUtcNow(), _time.GetUtcNow() + TimeSpan.FromSeconds(4));
        Assert.Contains("downstream unavailable", failed.LastError);
        Assert.Contains(SubscriptionRecorder.Name, failed.LastError);
        Assert.Equal(1, _probe.CallsTo(SubscriptionRecorder.Name));

        await Eventually.StatusAsync(host, "evt_retry", EventStatus.Processed, advance: _time, step: TimeSpan.FromMilliseconds(500));

        Assert.Equal(3, _probe.CallsTo(SubscriptionRecorder.Name));
        Assert.Equal(1, _probe.CallsTo(SecondSubscriptionRecorder.Name));
        var done = await host.GetAsync("evt_retry");
        Assert.Equal(3, done.Attempts);
        var flaky = Assert.Single(done.Handlers, h => h.Handler == SubscriptionRecorder.Name);
        Assert.True(flaky.Succeeded);
        Assert.Equal(3, flaky.Attempts);
        Assert.Equal(1, Assert.Single(done.Handlers, h => h.Handler == SecondSubscriptionRecorder.Name).Attempts);
        Assert.Equal(2, failures.GetMeasurementSnapshot().Sum(m => m.Value));
    }

    [Fact]
    public async Task An_always_failing_handler_ends_dead_with_its_last_error_and_replay_revives_it()
    {
        var calls = 0;
        var broken = true;
        _probe.Behavior = (_, _) =>
        {
            var n = Interlocked.Increment(ref calls);
            return Volatile.Read(ref broken) ? throw new InvalidOperationException($"boom #{n}") : Task.CompletedTask;
        };
        await using var host = await StartAsync("a", [("Processing:MaxAttempts", "3")], typeof(SubscriptionRecorder));
        using var dead = new MetricCollector<long>(host.Services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>(), "PaymentEvents", "paymentevents.processing.dead_events");

        await host.ReceiveAsync("evt_dead", "customer.subscription.started", "sub_1", _time);
        await Eventually.StatusAsync(host, "evt_dead", EventStatus.Dead, advance: _time, step: TimeSpan.FromMilliseconds(500));

        var stored = await host.GetAsync("evt_dead");
        Assert.Equal(3, stored.Attempts);
        Assert.Equal(3, calls);
        Assert.Contains("boom #3", stored.LastError);
        Assert.Null(stored.NextAttemptAt);
        // The metric and the log follow the commit that made the event dead.
        await Eventually.UntilAsync(
            () => Task.FromResult(host.Logs.GetSnapshot().Any(r => r.Level == LogLevel.Error && r.Id.Id == 1203 && r.Message.Contains("evt_dead"))),
            "the dead-event log");
        Assert.Equal(1, dead.GetMeasurementSnapshot().Sum(m => m.Value));

        // Fix deployed: replay (what POST /api/events/{id}/replay does) runs it again.
        Volatile.Write(ref broken, false);
        Assert.True(await host.Store.ReplayAsync("evt_dead", default));
        host.Signal.Notify();
        await Eventually.StatusAsync(host, "evt_dead", EventStatus.Processed);

        Assert.Equal(4, calls);
        Assert.True(Assert.Single((await host.GetAsync("evt_dead")).Handlers).Succeeded);
    }

    [Fact]
    public async Task An_unknown_type_is_ignored_without_error_and_processed_after_a_handler_appears_and_it_is_replayed()
    {
        await using (var before = await StartAsync("before"))
        {
            await before.ReceiveAsync("evt_grant", "customer.credit_grant.granted", "cg_1", _time);
            await Eventually.StatusAsync(before, "evt_grant", EventStatus.Ignored);

            // The line follows the commit that made the event ignored, so it is awaited, not read at once.
            await Eventually.UntilAsync(
                () => Task.FromResult(before.Logs.GetSnapshot().Any(r => r.Level == LogLevel.Information && r.Message.Contains("evt_grant") && r.Message.Contains("no handler"))),
                "the ignored-event log");
            Assert.DoesNotContain(before.Logs.GetSnapshot(), r => r.Level >= LogLevel.Warning);
            Assert.Empty(_probe.Calls);
        }

        // An upgrade adds a handler for the type; replay makes it run.
        await using var after = await StartAsync("after", typeof(SubscriptionRecorder), typeof(CreditGrantRecorder));
        Assert.Equal(1, await after.Store.ReplayManyAsync(EventStatus.Ignored, "customer.credit_grant.granted", default));
        after.Signal.Notify();
        await Eventually.StatusAsync(after, "evt_grant", EventStatus.Processed);

        var call = Assert.Single(_probe.Calls);
        Assert.Equal((CreditGrantRecorder.Name, "evt_grant", "after"), (call.Handler, call.EventId, call.Host));
    }

    [Fact]
    public async Task A_payload_that_does_not_parse_is_kept_dead_with_the_parse_error()
    {
        await using var host = await StartAsync();

        // Stored (it was verified) but data.object of a documented type is not an object.
        await host.Store.InsertAsync(new NewEvent("evt_bad", "invoice.paid", "in_1", false,
            """{"id":"evt_bad","type":"invoice.paid","data":{"object":[1,2,3]}}""", _time.GetUtcNow()), default);
        host.Signal.Notify();
        await Eventually.StatusAsync(host, "evt_bad", EventStatus.Dead);

        var stored = await host.GetAsync("evt_bad");
        Assert.StartsWith("payload could not be parsed: ", stored.LastError);
        Assert.Contains("data.object", stored.LastError);
        Assert.Empty(stored.Handlers);
    }

    [Fact]
    public async Task A_stopped_instance_releases_nothing_and_a_new_instance_resumes_the_event_once_its_lease_expires()
    {
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var firstRun = true;
        _probe.Behavior = async (call, ct) =>
        {
            if (call.Host == "old" && firstRun)
            {
                firstRun = false;
                entered.TrySetResult();
                await Task.Delay(Timeout.Infinite, ct); // blocks until shutdown gives up on it
            }
        };
        var old = await StartAsync("old", typeof(SubscriptionRecorder));
        await old.ReceiveAsync("evt_restart", "customer.subscription.started", "sub_1", _time);
        await entered.Task.WaitAsync(TimeSpan.FromSeconds(30));

        // Shutdown whose timeout is already over: the blocked handler is cancelled, and must not count as done.
        await old.StopAsync(new CancellationToken(canceled: true));
        await old.DisposeAsync();
        StoredEvent orphan;
        await using (var store = RawStore())
        {
            orphan = (await store.GetAsync("evt_restart", default))!;
        }

        Assert.Equal(EventStatus.Processing, orphan.Status);
        Assert.DoesNotContain(orphan.Handlers, h => h.Succeeded);

        await using var fresh = await StartAsync("new", typeof(SubscriptionRecorder));
        await Eventually.StatusAsync(fresh, "evt_restart", EventStatus.Processed, advance: _time, step: TimeSpan.FromSeconds(1));

        Assert.Equal(["old", "new"], _probe.Calls.Select(c => c.Host));
        Assert.Equal(2, (await fresh.GetAsync("evt_restart")).Attempts);
    }

    [Fact]
    public async Task Graceful_shutdown_lets_a_running_handler_finish_and_records_it()
    {
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _probe.Behavior = async (_, _) =>
        {
            entered.TrySetResult();
            await release.Task; // ignores its token: finishes in its own time
        };
        var host = await StartAsync("a", typeof(SubscriptionRecorder));
        await host.ReceiveAsync("evt_graceful", "customer.subscription.started", "sub_1", _time);
        await entered.Task.WaitAsync(TimeSpan.FromSeconds(30));

        var stopping = host.StopAsync();
        Assert.False(stopping.IsCompleted);
        release.SetResult();
        await stopping.WaitAsync(TimeSpan.FromSeconds(30));

        await host.DisposeAsync();

        await using var store = RawStore();
        var stored = await store.GetAsync("evt_graceful", default);
        Assert.Equal(EventStatus.Processed, stored!.Status);
        Assert.True(Assert.Single(stored.Handlers).Succeeded);
    }

    [Fact]
    public async Task A_long_handler_keeps_its_lease_so_another_instance_never_runs_the_event()
    {
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _probe.Behavior = async (_, ct) =>
        {
            entered.TrySetResult();
            await release.Task.WaitAsync(ct);
        };
        await using var first = await StartAsync("first", [("Processing:LeaseDuration", "00:01:00")], typeof(SubscriptionRecorder));
        await using var second = await StartAsync("second", [("Processing:LeaseDuration", "00:01:00")], typeof(SubscriptionRecorder));
        await first.ReceiveAsync("evt_long", "customer.subscription.started", "sub_1", _time);
        await entered.Task.WaitAsync(TimeSpan.FromSeconds(30));

        // Three lease lengths pass while the handler works; renewals (every 20 s) keep the lease alive.
        var start = _time.GetUtcNow();
        await Eventually.UntilAsync(() => Task.FromResult(_time.GetUtcNow() - start >= TimeSpan.FromMinutes(3)), "3 minutes passed", advance: _time, step: TimeSpan.FromSeconds(1));
        release.SetResult();
        await Eventually.StatusAsync(first, "evt_long", EventStatus.Processed);

        Assert.Single(_probe.Calls);
        Assert.Equal(1, (await first.GetAsync("evt_long")).Attempts);
    }
}
