using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using PaymentEvents.Processing;
using PaymentEvents.Storage;

namespace PaymentEvents.Tests.Processing;

/// <summary>A restarted instance takes back its dead predecessor's leases at once (issue 9 item 3).</summary>
public sealed class LeaseRecoveryTests : IDisposable
{
    private readonly TempDirectory _dir = new("pe-dispatch");
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 27, 10, 0, 0, TimeSpan.Zero));
    private readonly Probe _probe = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Leases_of_a_dead_predecessor_on_this_machine_are_taken_back_at_startup_and_others_are_left_to_expire()
    {
        using var self = Process.GetCurrentProcess();
        var ourStart = new DateTimeOffset(self.StartTime.ToUniversalTime(), TimeSpan.Zero).ToUnixTimeMilliseconds();
        var machine = Environment.MachineName;
        var owners = new[]
        {
            LeaseOwner.Create(machine, self.Id, ourStart - 60_000, "aaaa"),   // us, before a restart (container: pid 1 again)
            LeaseOwner.Create(machine, await ExitedPidAsync(), 1_000, "bbbb"), // a process that is gone
            LeaseOwner.Create(machine, self.Id, ourStart, "cccc"),          // a live processor in this very process
            LeaseOwner.Create("other-machine", 1, 1_000, "dddd"),            // another replica's
            $"{machine}/{self.Id}/legacy",                                    // an older owner format
        };
        Directory.CreateDirectory(_dir.Path);
        await using (var store = new SqliteEventStore(Path.Combine(_dir.Path, SqliteEventStore.FileName), _time, NullLogger<SqliteEventStore>.Instance))
        {
            await store.MigrateAsync(default);
            for (var i = 0; i < owners.Length; i++)
            {
                var id = $"evt_{i}";
                await store.InsertAsync(new NewEvent(id, "customer.subscription.started", $"sub_{i}", false,
                    TestEvents.Json(id, "customer.subscription.started", $"sub_{i}"), _time.GetUtcNow()), default);
                Assert.Single(await store.ClaimAsync(owners[i], 1, TimeSpan.FromSeconds(60), default));
            }
        }

        await using var host = await ProcessingHost.StartAsync("a", _time, _probe, ProcessingHost.Settings(_dir.Path,
            ("Processing:LeaseDuration", "00:01:00")), typeof(SubscriptionRecorder));

        // The clock does not move: only released leases can run.
        await Eventually.StatusAsync(host, "evt_0", EventStatus.Processed);
        await Eventually.StatusAsync(host, "evt_1", EventStatus.Processed);
        // Their leases are live until the fake clock moves, so no processor can have taken them.
        foreach (var id in new[] { "evt_2", "evt_3", "evt_4" })
        {
            Assert.Equal(EventStatus.Processing, (await host.GetAsync(id)).Status);
        }

        _time.Advance(TimeSpan.FromSeconds(61));
        host.Signal.Notify();
        foreach (var id in new[] { "evt_2", "evt_3", "evt_4" })
        {
            await Eventually.StatusAsync(host, id, EventStatus.Processed);
        }
    }

    [Theory]
    [InlineData("m/10/5000/x", true)]   // pid 10 runs nothing
    [InlineData("m/20/5000/x", true)]   // pid 20 runs a process that started later: pid reused
    [InlineData("m/20/9000/x", false)]  // pid 20 is that very process
    [InlineData("m/20/8500/x", false)]  // within the rounding tolerance
    [InlineData("n/10/5000/x", false)]  // another machine
    [InlineData("m/10/x", false)]       // older format
    [InlineData("m/abc/5000/x", false)]
    public void A_dead_predecessor_is_one_of_this_machine_whose_process_is_gone(string owner, bool dead) =>
        Assert.Equal(dead, LeaseOwner.IsDeadPredecessor(owner, "m", pid => pid == 20 ? 9000 : null));

    private static async Task<int> ExitedPidAsync()
    {
        using var process = Process.Start(new ProcessStartInfo("true") { UseShellExecute = false })!;
        await process.WaitForExitAsync();
        return process.Id;
    }
}
