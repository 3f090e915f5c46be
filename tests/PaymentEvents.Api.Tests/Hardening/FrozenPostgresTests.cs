using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PaymentEvents.Api.Tests.Infrastructure;
using PaymentEvents.Handlers;
using PaymentEvents.Protocol;
using PaymentEvents.Storage;

namespace PaymentEvents.Api.Tests.Hardening;

/// <summary>
/// Issue 16 item 4: a real PostgreSQL (a private server) frozen with SIGSTOP (the postmaster and every backend) under a
/// steady load of signed deliveries. Every callback is answered within <c>Storage:WriteTimeout</c> plus a margin, and
/// so is <c>/readyz</c> (unhealthy); after SIGCONT every acknowledged event is processed well before the leases taken
/// before the freeze could expire, and every delivery refused with 503 is stored when Payment Kit sends it again.
/// The host runs on the system clock here: the deadlines are real time.
/// </summary>
public sealed class FrozenPostgresTests(PostgresServerFixture postgres) : IClassFixture<PostgresServerFixture>
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(2);

    // Generous for a loaded machine; the freeze below lasts well past it, so an unbounded wait could not pass.
    private static readonly TimeSpan Bound = Deadline + TimeSpan.FromSeconds(8);

    private const int Senders = 4;

    [Fact]
    public async Task Every_callback_is_answered_within_the_deadline_and_everything_acknowledged_is_processed_after_the_thaw()
    {
        // Command Timeout=3;Timeout=3 as in the report: they alone did not bound the callback.
        var connectionString = await postgres.CreateDatabaseAsync() + ";Command Timeout=3;Timeout=3";
        using var host = new ReceiverHost(
            s =>
            {
                s["Storage:Provider"] = "postgres";
                s["ConnectionStrings:PaymentEvents"] = connectionString;
                s["Storage:WriteTimeout"] = "00:00:02";
                s["Processing:PollInterval"] = "00:00:01";
                // Far longer than this test may take: events claimed before the freeze must not wait for their leases.
                s["Processing:LeaseDuration"] = "00:10:00";
            },
            services =>
            {
                services.RemoveAll<TimeProvider>();
                services.AddSingleton(TimeProvider.System);
                services.AddSingleton<HandlerCounts>();
                services.AddPaymentEventHandlers([typeof(CountingHandler)]);
            });
        using var client = host.CreateClient();
        client.Timeout = TimeSpan.FromMinutes(5);
        var signer = new RequestSigner(host.Key, TimeProvider.System);
        var counts = host.Services.GetRequiredService<HandlerCounts>();

        var acknowledged = new ConcurrentBag<string>();
        var refused = new ConcurrentBag<string>();
        var frozenAnswers = new ConcurrentBag<(HttpStatusCode Status, TimeSpan Took)>();
        var frozen = 0;
        using var stop = new CancellationTokenSource();

        async Task SendLoopAsync()
        {
            while (!stop.IsCancellationRequested)
            {
                var id = TestEvents.NewId();
                var duringFreeze = Volatile.Read(ref frozen) == 1;
                var took = Stopwatch.StartNew();
                var response = await client.SendAsync(host.SignedDelivery(TestEvents.Json(id), signer: signer));
                took.Stop();
                Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.ServiceUnavailable, $"{id}: {response.StatusCode}");
                (response.StatusCode == HttpStatusCode.OK ? acknowledged : refused).Add(id);
                if (response.StatusCode == HttpStatusCode.ServiceUnavailable)
                {
                    Assert.True(response.Headers.RetryAfter is not null, "503 carries Retry-After");
                }

                if (duringFreeze && Volatile.Read(ref frozen) == 1)
                {
                    frozenAnswers.Add((response.StatusCode, took.Elapsed));
                }
            }
        }

        var senders = Enumerable.Range(0, Senders).Select(_ => Task.Run(SendLoopAsync)).ToList();
        await Poll.UntilAsync(() => Task.FromResult(acknowledged.Count >= 100), TimeSpan.FromSeconds(60), "a steady load before the freeze");

        var server = postgres.ServerProcessIds();
        var freeze = Stopwatch.StartNew();
        TimeSpan readyTook;
        HttpStatusCode readyStatus;
        Signal(server, "STOP");
        try
        {
            Volatile.Write(ref frozen, 1);
            var ready = Stopwatch.StartNew();
            readyStatus = (await client.GetAsync("/readyz")).StatusCode;
            readyTook = ready.Elapsed;

            // Frozen until every sender has been answered a few times during it and the freeze has lasted twice the bound.
            await Poll.UntilAsync(
                () => Task.FromResult(frozenAnswers.Count(a => a.Status == HttpStatusCode.ServiceUnavailable) >= 3 * Senders && freeze.Elapsed > 2 * Bound),
                TimeSpan.FromMinutes(3),
                "answers during the freeze");
            Volatile.Write(ref frozen, 0);
        }
        finally
        {
            Signal(server, "CONT");
        }

        await stop.CancelAsync();
        await Task.WhenAll(senders);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, readyStatus);
        Assert.True(readyTook < Bound, $"/readyz answered in {readyTook}");
        var slowest = frozenAnswers.Max(a => a.Took);
        Assert.True(slowest < Bound, $"the slowest callback during a freeze of {freeze.Elapsed} took {slowest}");

        // Payment Kit sends every refused delivery again: each is now stored (or found stored: a commit that ended after the 503).
        foreach (var id in refused)
        {
            var again = await client.SendAsync(host.SignedDelivery(TestEvents.Json(id), signer: signer));
            Assert.Equal(HttpStatusCode.OK, again.StatusCode);
            acknowledged.Add(id);
        }

        // Everything acknowledged is processed, within far less than the 10-minute leases.
        using var unprocessed = new StringWriter();
        try
        {
            await PollProcessedAsync();
        }
        catch (TimeoutException)
        {
            foreach (var id in acknowledged.Distinct())
            {
                var stored = await host.Store.GetAsync(id, CancellationToken.None);
                if (counts[id] == 0 || stored?.Status != EventStatus.Processed)
                {
                    await unprocessed.WriteLineAsync($"{id}: handled {counts[id]}x, {stored?.Status.ToString() ?? "not stored"}, attempts {stored?.Attempts}, {stored?.LastError}");
                }
            }

            Assert.Fail("not processed after the thaw:\n" + unprocessed);
        }

        Assert.All(acknowledged.Distinct(), id => Assert.Equal(1, counts[id]));

        Task PollProcessedAsync() => Poll.UntilAsync(
            async () =>
            {
                foreach (var id in acknowledged)
                {
                    if (counts[id] == 0 || (await host.Store.GetAsync(id, CancellationToken.None))?.Status != EventStatus.Processed)
                    {
                        return false;
                    }
                }

                return true;
            },
            TimeSpan.FromSeconds(120),
            "every acknowledged event processed");
    }

    private static void Signal(IReadOnlyList<int> processes, string signal)
    {
        using var kill = Process.Start(new ProcessStartInfo("kill", [$"-{signal}", .. processes.Select(p => p.ToString(System.Globalization.CultureInfo.InvariantCulture))])
        {
            UseShellExecute = false,
        })!;
        kill.WaitForExit();
        Assert.Equal(0, kill.ExitCode);
    }
}
