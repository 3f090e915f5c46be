using System.Net;
using System.Text;
using System.Text.Json;
using PaymentEvents.Api.Tests.Infrastructure;
using PaymentEvents.Protocol;

namespace PaymentEvents.Api.Tests.Hosting;

/// <summary>The real host process's console: one request line per delivery with the event attached, trace ids, no secrets.</summary>
public sealed class HostLoggingTests : IDisposable
{
    private readonly string _dataDir = Path.Combine(Path.GetTempPath(), $"pe-logging-{Guid.NewGuid():N}");
    private readonly AppKey _key = AppKey.Generate();

    public void Dispose() => TempDirectory.Delete(_dataDir);

    [Fact]
    public async Task Json_request_line_carries_the_event_id_type_and_trace_but_no_signature()
    {
        using var host = HostProcess.Start(new Dictionary<string, string>
        {
            ["PaymentKit__AppPk"] = _key.PublicKeyHex,
            ["Storage__DataDir"] = _dataDir,
            ["Serilog__MinimumLevel__Default"] = "Information",
            ["Logging__Format"] = "json",
        });
        using var http = await host.WaitUntilReadyAsync();
        var body = TestEvents.Json(id: "evt_logged_1", type: "invoice.paid");
        using var request = Delivery(body, out var signature);

        using var response = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        JsonElement line = default;
        await Poll.UntilAsync(
            () => Task.FromResult(TryFindRequestLine(host.Output, out line)),
            TimeSpan.FromSeconds(30),
            "the request line of the delivery");
        Assert.Equal("evt_logged_1", line.GetProperty("PaymentEventId").GetString());
        Assert.Equal("invoice.paid", line.GetProperty("EventType").GetString());
        Assert.Equal(200, line.GetProperty("StatusCode").GetInt32());
        Assert.Equal(32, line.GetProperty("@tr").GetString()!.Length);
        Assert.Equal(16, line.GetProperty("@sp").GetString()!.Length);
        Assert.DoesNotContain(signature, host.Output, StringComparison.Ordinal);
    }

    private static bool TryFindRequestLine(string output, out JsonElement line)
    {
        foreach (var text in output.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var element = JsonDocument.Parse(text).RootElement;
            if (element.TryGetProperty("RequestPath", out var path) && path.GetString() == "/api/payment/callback")
            {
                line = element;
                return true;
            }
        }

        line = default;
        return false;
    }

    private HttpRequestMessage Delivery(string body, out string signature)
    {
        const string path = "/api/payment/callback";
        var bytes = Encoding.UTF8.GetBytes(body);
        var headers = new RequestSigner(_key, TimeProvider.System).SignV1("POST", path, null, bytes);
        signature = headers.Signature!;
        return ReceiverHost.Delivery(bytes, path, headers);
    }
}
