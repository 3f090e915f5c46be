using System.Net;
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
        using (var first = Start(processing: false))
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

        using var second = Start(processing: true);
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

    private HostProcess Start(bool processing) => HostProcess.Start(new Dictionary<string, string>
    {
        ["PaymentKit__AppPk"] = _key.PublicKeyHex,
        ["Storage__DataDir"] = _dataDir,
        ["Admin__ApiKey"] = ApiKey,
        ["Processing__Enabled"] = processing ? "true" : "false",
    });

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
}
