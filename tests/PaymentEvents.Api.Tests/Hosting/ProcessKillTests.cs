using System.Net;
using System.Text;
using System.Text.Json;
using PaymentEvents.Api.Tests.Infrastructure;
using PaymentEvents.Events;
using PaymentEvents.Events.Samples;
using PaymentEvents.Protocol;

namespace PaymentEvents.Api.Tests.Hosting;

/// <summary>
/// Crash safety with a real process and a real SIGKILL (no graceful shutdown, nothing flushed): the host
/// acknowledges events, is killed before it handles them, and a restarted host over the same SQLite file
/// handles every one exactly once. Nothing that matters may live only in memory.
/// </summary>
public sealed class ProcessKillTests : IDisposable
{
    private const int MaxConcurrency = 4;
    private const int BatchSize = 8;

    private const string ApiKey = "process-kill-test-admin-key";
    private readonly string _dataDir = Path.Combine(Path.GetTempPath(), $"pe-kill-{Guid.NewGuid():N}");
    private readonly AppKey _key = AppKey.Generate();

    public void Dispose() => TempDirectory.Delete(_dataDir);

    [Fact]
    public async Task Events_acknowledged_before_a_SIGKILL_are_all_handled_once_after_restart()
    {
        // First life: receives and stores, but runs no handler (Processing:Enabled=false), so the kill
        // lands between "stored" and "handled" for every event, deterministically.
        var ids = new List<string>();
        using (var first = StartHost(processing: false))
        {
            using var http = await first.WaitUntilReadyAsync();
            var signer = new RequestSigner(_key, TimeProvider.System);
            var types = EventTypes.Documented;
            for (var i = 0; i < 20; i++)
            {
                var body = SampleEvents.Create(types[i % types.Count], TimeProvider.System).ToJsonString();
                ids.Add(JsonDocument.Parse(body).RootElement.GetProperty("id").GetString()!);
                using var response = await http.SendAsync(Delivery(signer, body));
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            }

            first.Kill();
        }

        using var second = StartHost(processing: true);
        using var admin = await second.WaitUntilReadyAsync();
        admin.DefaultRequestHeaders.Add("X-Api-Key", ApiKey);

        foreach (var id in ids)
        {
            var stored = await HostProcess.WaitUntilFinalAsync(admin, id);

            Assert.Equal("processed", stored.GetProperty("status").GetString());
            Assert.Equal(1, stored.GetProperty("attempt_count").GetInt32());
            var handler = Assert.Single(stored.GetProperty("attempts").EnumerateArray());
            Assert.Equal(1, handler.GetProperty("attempts").GetInt32());
            Assert.True(handler.GetProperty("succeeded").GetBoolean());
        }
    }

    [Fact]
    public async Task A_SIGKILL_under_concurrent_load_loses_no_acknowledged_event_and_repeats_only_events_in_flight()
    {
        // First life: receiving and processing at once, 8 concurrent senders (the group commit batches their
        // inserts; completions share commits too); killed mid-stream.
        var acknowledged = new System.Collections.Concurrent.ConcurrentBag<string>();
        using (var first = StartHost(processing: true))
        {
            using var http = await first.WaitUntilReadyAsync();
            var signer = new RequestSigner(_key, TimeProvider.System);
            var types = EventTypes.Documented;
            using var stop = new CancellationTokenSource();
            var senders = Enumerable.Range(0, 8).Select(w => Task.Run(async () =>
            {
                for (var i = 0; !stop.IsCancellationRequested; i++)
                {
                    var body = SampleEvents.Create(types[(w + (i * 8)) % types.Count], TimeProvider.System).ToJsonString();
                    var id = JsonDocument.Parse(body).RootElement.GetProperty("id").GetString()!;
                    try
                    {
                        using var response = await http.SendAsync(Delivery(signer, body));
                        if (response.StatusCode == HttpStatusCode.OK)
                        {
                            acknowledged.Add(id);
                        }
                    }
                    catch (HttpRequestException)
                    {
                        return; // the host is gone
                    }
                }
            })).ToArray();
            await Poll.UntilAsync(() => Task.FromResult(acknowledged.Count >= 200), TimeSpan.FromSeconds(60), "200 deliveries acknowledged");
            first.Kill();
            await stop.CancelAsync();
            await Task.WhenAll(senders);
        }

        using var second = StartHost(processing: true);
        using var admin = await second.WaitUntilReadyAsync();
        admin.DefaultRequestHeaders.Add("X-Api-Key", ApiKey);

        var tried = 0;
        foreach (var id in acknowledged)
        {
            JsonElement stored = default;
            // The restarted host takes back its predecessor's leases at startup, so nothing waits out a 60 s lease.
            await Poll.UntilAsync(
                async () =>
                {
                    stored = JsonDocument.Parse(await admin.GetStringAsync(new Uri($"/api/events/{id}", UriKind.Relative))).RootElement;
                    return stored.GetProperty("status").GetString() is "processed" or "ignored" or "dead";
                },
                TimeSpan.FromSeconds(20),
                $"{id} is handled after the restart");

            Assert.NotEqual("dead", stored.GetProperty("status").GetString());
            Assert.All(stored.GetProperty("attempts").EnumerateArray(), h =>
            {
                Assert.True(h.GetProperty("succeeded").GetBoolean());
                Assert.Equal(1, h.GetProperty("attempts").GetInt32());
            });
            if (stored.GetProperty("attempt_count").GetInt32() > 1)
            {
                tried++;
            }
        }

        // Claimed again = claimed at the kill: running (at most Processing:MaxConcurrency) or claimed ahead and waiting
        // (at most Processing:BatchSize). Only the running ones ran handlers, and those were not recorded: every handler
        // above succeeded exactly once.
        Assert.InRange(tried, 0, MaxConcurrency + BatchSize);
    }

    private HostProcess StartHost(bool processing) => HostProcess.Start(
        Path.Combine(AppContext.BaseDirectory, "PaymentEvents.Api.dll"),
        new Dictionary<string, string>
        {
            ["PaymentKit__AppPk"] = _key.PublicKeyHex,
            ["Storage__DataDir"] = _dataDir,
            ["Admin__ApiKey"] = ApiKey,
            ["Processing__Enabled"] = processing ? "true" : "false",
            ["Processing__MaxConcurrency"] = MaxConcurrency.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Processing__BatchSize"] = BatchSize.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });

    private static HttpRequestMessage Delivery(RequestSigner signer, string body)
    {
        const string path = "/api/payment/callback";
        var bytes = Encoding.UTF8.GetBytes(body);
        return ReceiverHost.Delivery(bytes, path, signer.SignV1("POST", path, null, bytes));
    }
}
