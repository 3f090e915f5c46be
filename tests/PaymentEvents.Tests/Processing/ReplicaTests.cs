using Microsoft.Extensions.Time.Testing;
using PaymentEvents.Storage;

namespace PaymentEvents.Tests.Processing;

/// <summary>Two processors (two hosts, as two replicas would be) on one real PostgreSQL database.</summary>
[Collection("postgres")]
public sealed class ReplicaTests(PostgresServerFixture server)
{
    [Fact]
    public async Task Two_processors_share_500_events_and_no_handler_runs_twice()
    {
        const int objects = 50;
        const int perObject = 10;
        var connectionString = await server.CreateDatabaseAsync();
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 27, 10, 0, 0, TimeSpan.Zero));
        var probe = new Probe();
        // Each host's handlers wait until the other host has started one too, so both take part whatever the timing
        // (a claim racing the other host's can come back empty; that host then sleeps until its next poll, and the
        // other used to finish all 500 first, 1 run in 10 under load). Neither can starve the other: each holds at
        // most 12 of the 50 objects' heads.
        var started = new Dictionary<string, TaskCompletionSource>
        {
            ["a"] = new(TaskCreationOptions.RunContinuationsAsynchronously),
            ["b"] = new(TaskCreationOptions.RunContinuationsAsynchronously),
        };
        probe.Behavior = async (call, ct) =>
        {
            started[call.Host].TrySetResult();
            await started[call.Host == "a" ? "b" : "a"].Task.WaitAsync(ct);
            await Task.Delay(Random.Shared.Next(0, 3), ct);
        };
        (string, string)[] settings =
        [
            ("Storage:Provider", "postgres"),
            ("ConnectionStrings:PaymentEvents", connectionString),
            ("Processing:LeaseDuration", "00:10:00"),
            // Each host holds at most 4 running + 8 claimed ahead, far fewer than the 50 objects' heads, so neither can
            // take all the work before the other claims (with the defaults, 16 + 64, one host sometimes took all 500).
            ("Processing:MaxConcurrency", "4"),
            ("Processing:BatchSize", "8"),
        ];

        await using var a = await ProcessingHost.StartAsync("a", time, probe, ProcessingHost.Settings("unused", settings), typeof(SubscriptionRecorder));
        await using var b = await ProcessingHost.StartAsync("b", time, probe, ProcessingHost.Settings("unused", settings), typeof(SubscriptionRecorder));

        for (var seq = 0; seq < perObject; seq++)
        {
            for (var o = 0; o < objects; o++)
            {
                await a.Store.InsertAsync(new NewEvent($"evt_{o:D2}_{seq:D2}", "customer.subscription.updated", $"sub_{o}", false,
                    TestEvents.Json($"evt_{o:D2}_{seq:D2}", "customer.subscription.updated", $"sub_{o}"), time.GetUtcNow()), default);
            }
        }

        a.Signal.Notify();
        b.Signal.Notify();
        await Eventually.UntilAsync(
            async () => (await a.Store.ListAsync(new EventQuery(Status: EventStatus.Processed, Limit: 500), default)).Items.Count == objects * perObject,
            "all 500 events are processed", advance: time, step: TimeSpan.FromMilliseconds(200), timeout: TimeSpan.FromSeconds(120));

        var calls = probe.Calls;
        Assert.Equal(objects * perObject, calls.Count);
        Assert.Equal(objects * perObject, calls.Select(c => c.EventId).Distinct().Count());
        Assert.Contains(calls, c => c.Host == "a");
        Assert.Contains(calls, c => c.Host == "b");
        for (var o = 0; o < objects; o++)
        {
            var order = calls.Where(c => c.ObjectId == $"sub_{o}").Select(c => int.Parse(c.EventId[^2..])).ToArray();
            Assert.Equal(Enumerable.Range(0, perObject), order);
        }
    }
}
