using Microsoft.Extensions.Time.Testing;
using PaymentEvents.Storage;

namespace PaymentEvents.Tests.Processing;

public sealed class PerObjectOrderingTests : IDisposable
{
    private const int Objects = 20;
    private const int EventsPerObject = 20;

    private readonly TempDirectory _dir = new("pe-dispatch");

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Under_parallel_load_each_objects_events_run_one_at_a_time_in_arrival_order_while_objects_overlap()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 27, 10, 0, 0, TimeSpan.Zero));
        var probe = new Probe();
        var inFlight = 0;
        var maxInFlight = 0;
        var perObject = new int[Objects];
        var perObjectViolations = 0;
        probe.Behavior = async (call, ct) =>
        {
            var o = int.Parse(call.ObjectId!["sub_".Length..]);
            if (Interlocked.Increment(ref perObject[o]) > 1)
            {
                Interlocked.Increment(ref perObjectViolations);
            }

            var now = Interlocked.Increment(ref inFlight);
            InterlockedMax(ref maxInFlight, now);
            await Task.Delay(Random.Shared.Next(0, 4), ct); // simulated work of random length, not synchronisation
            Interlocked.Decrement(ref inFlight);
            Interlocked.Decrement(ref perObject[o]);
        };
        await using var host = await ProcessingHost.StartAsync("a", time, probe,
            ProcessingHost.Settings(_dir.Path, ("Processing:MaxConcurrency", "8")), typeof(SubscriptionRecorder));

        // Arrival order interleaves objects randomly; within an object, sequence numbers rise.
        var random = new Random(42);
        for (var seq = 0; seq < EventsPerObject; seq++)
        {
            foreach (var o in Enumerable.Range(0, Objects).OrderBy(_ => random.Next()))
            {
                await host.ReceiveAsync($"evt_{o:D2}_{seq:D2}", "customer.subscription.updated", $"sub_{o}", time);
            }
        }

        await probe.WhenCallsAsync(Objects * EventsPerObject, TimeSpan.FromSeconds(120));
        await Eventually.UntilAsync(
            async () => (await host.Store.ListAsync(new EventQuery(Status: EventStatus.Processed, Limit: 500), default)).Items.Count == Objects * EventsPerObject,
            "every event is processed", timeout: TimeSpan.FromSeconds(60));

        var calls = probe.Calls;
        Assert.Equal(Objects * EventsPerObject, calls.Count);
        for (var o = 0; o < Objects; o++)
        {
            var order = calls.Where(c => c.ObjectId == $"sub_{o}").Select(c => int.Parse(c.EventId[^2..])).ToArray();
            Assert.Equal(Enumerable.Range(0, EventsPerObject), order);
        }

        Assert.Equal(0, perObjectViolations);
        Assert.True(maxInFlight > 1, $"different objects never overlapped (max in flight {maxInFlight})");
        Assert.True(maxInFlight <= 8, $"more than MaxConcurrency ran at once ({maxInFlight})");
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while ((current = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }
}
