using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using PaymentEvents.Api.Tests.Infrastructure;
using PaymentEvents.Events;
using PaymentEvents.Events.Samples;
using PaymentEvents.Protocol;
using PaymentEvents.Tests;

namespace PaymentEvents.Api.Tests.Hosting;

/// <summary>
/// Crash safety with a real process and a real SIGKILL (no graceful shutdown, nothing flushed): the host
/// acknowledges events, is killed before it handles them, and a restarted host over the same SQLite file
/// handles every one exactly once. Nothing that matters may live only in memory.
/// </summary>
public sealed class ProcessKillTests : IDisposable
{
    private const string ApiKey = "process-kill-test-admin-key";
    private readonly string _dataDir = Path.Combine(Path.GetTempPath(), $"pe-kill-{Guid.NewGuid():N}");
    private readonly AppKey _key = AppKey.Generate();

    public void Dispose() => TempDataDirectory.Delete(_dataDir);

    [Fact]
    public async Task Events_acknowledged_before_a_SIGKILL_are_all_handled_once_after_restart()
    {
        // First life: receives and stores, but runs no handler (Processing:Enabled=false), so the kill
        // lands between "stored" and "handled" for every event, deterministically.
        var ids = new List<string>();
        using (var first = HostProcess.Start(_dataDir, _key, processing: false))
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

        using var second = HostProcess.Start(_dataDir, _key, processing: true);
        using var admin = await second.WaitUntilReadyAsync();
        admin.DefaultRequestHeaders.Add("X-Api-Key", ApiKey);

        foreach (var id in ids)
        {
            JsonElement stored = default;
            await Poll.UntilAsync(
                async () =>
                {
                    stored = JsonDocument.Parse(await admin.GetStringAsync(new Uri($"/api/events/{id}", UriKind.Relative))).RootElement;
                    return stored.GetProperty("status").GetString() is "processed" or "dead";
                },
                TimeSpan.FromSeconds(60),
                $"{id} is handled after the restart");

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
        using (var first = HostProcess.Start(_dataDir, _key, processing: true))
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

        using var second = HostProcess.Start(_dataDir, _key, processing: true);
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

        // Claimed again = in flight at the kill: at most Processing:MaxConcurrency (4) events (the documented window).
        Assert.InRange(tried, 0, 4);
    }

    private static HttpRequestMessage Delivery(RequestSigner signer, string body)
    {
        const string path = "/api/payment/callback";
        var bytes = Encoding.UTF8.GetBytes(body);
        var headers = signer.SignV1("POST", path, null, bytes);
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(bytes) };
        request.Content.Headers.ContentType = new("application/json");
        request.Headers.Add(SignatureHeaders.SignatureHeader, headers.Signature);
        request.Headers.Add(SignatureHeaders.IssuedAtHeader, headers.IssuedAt);
        request.Headers.Add(SignatureHeaders.ExpiresAtHeader, headers.ExpiresAt);
        request.Headers.Add(SignatureHeaders.VersionHeader, headers.Version);
        return request;
    }

    /// <summary>The published host (PaymentEvents.Api.dll beside the tests) as a child process on a free loopback port.</summary>
    private sealed class HostProcess : IDisposable
    {
        private readonly Process _process;
        private readonly StringBuilder _output = new();

        private HostProcess(Process process, Uri baseAddress)
        {
            _process = process;
            BaseAddress = baseAddress;
        }

        public Uri BaseAddress { get; }

        public static HostProcess Start(string dataDir, AppKey key, bool processing)
        {
            var port = FreePort();
            var start = new ProcessStartInfo("dotnet", Path.Combine(AppContext.BaseDirectory, "PaymentEvents.Api.dll"))
            {
                WorkingDirectory = AppContext.BaseDirectory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
            start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
            start.Environment["PaymentKit__AppPk"] = key.PublicKeyHex;
            start.Environment["Storage__DataDir"] = dataDir;
            start.Environment["Admin__ApiKey"] = ApiKey;
            start.Environment["Processing__Enabled"] = processing ? "true" : "false";
            start.Environment["Serilog__MinimumLevel__Default"] = "Warning";
            var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
            var host = new HostProcess(process, new Uri($"http://127.0.0.1:{port}"));
            process.OutputDataReceived += (_, e) => host.Append(e.Data);
            process.ErrorDataReceived += (_, e) => host.Append(e.Data);
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            return host;
        }

        public async Task<HttpClient> WaitUntilReadyAsync()
        {
            var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(10) };
            await Poll.UntilAsync(
                async () =>
                {
                    if (_process.HasExited)
                    {
                        throw new InvalidOperationException($"The host exited with {_process.ExitCode}:\n{Output}");
                    }

                    try
                    {
                        using var response = await http.GetAsync(new Uri("/readyz", UriKind.Relative));
                        return response.IsSuccessStatusCode;
                    }
                    catch (HttpRequestException)
                    {
                        return false;
                    }
                },
                TimeSpan.FromSeconds(60),
                "the host answers /readyz");
            return http;
        }

        /// <summary>SIGKILL: no shutdown hooks, no flush, no lease release.</summary>
        public void Kill()
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        public void Dispose()
        {
            if (!_process.HasExited)
            {
                Kill();
            }

            _process.Dispose();
        }

        private string Output
        {
            get
            {
                lock (_output)
                {
                    return _output.ToString();
                }
            }
        }

        private void Append(string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (_output)
            {
                _output.AppendLine(line);
            }
        }

        private static int FreePort()
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
    }
}
