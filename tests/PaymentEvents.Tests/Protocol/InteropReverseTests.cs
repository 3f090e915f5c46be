using System.Text;
using System.Text.Json;
using PaymentEvents.Protocol;
using PaymentEvents.Tests.Interop;

namespace PaymentEvents.Tests.Protocol;

/// <summary>
/// The other direction (docs/protocol.md §3, §4): requests signed by the C# <see cref="RequestSigner"/>
/// must pass the real <c>@blocklet/sdk@1.17.12</c> verifySig middleware, and tampered ones must
/// not. Runs tests/interop/verify-requests.js once over the whole batch.
/// </summary>
public sealed class InteropReverseTests
{
    // A fixed instant; node pins Date.now to the "now" of each request, never wall-clock time.
    private static readonly DateTimeOffset SignedAt = new(2026, 1, 15, 10, 0, 0, TimeSpan.Zero);
    private const string Callback = "/api/payment/callback";

    [Fact]
    public async Task Sdk_accepts_requests_signed_in_csharp_and_refuses_tampered_ones()
    {
        InteropTool.RequireInstalled();
        var requests = BuildRequests();
        Assert.True(requests.Count >= 30, $"only {requests.Count} requests built");

        var file = Path.Combine(Path.GetTempPath(), $"paymentevents-interop-{Guid.NewGuid():N}.json");
        try
        {
            await File.WriteAllTextAsync(file, JsonSerializer.Serialize(new { requests }, JsonSerializerOptions.Web));
            var (exitCode, stdout, stderr) = await InteropTool.RunNodeAsync("verify-requests.js", TimeSpan.FromSeconds(60), file);

            var report = $"verify-requests.js exit {exitCode}\n{stdout}\n{stderr}";
            Assert.True(exitCode == 0, report);
            var summary = JsonDocument.Parse(stdout.TrimEnd().Split('\n')[^1]).RootElement;
            Assert.Equal(requests.Count, summary.GetProperty("total").GetInt32());
            Assert.Equal(0, summary.GetProperty("mismatches").GetInt32());
            Assert.Equal(requests.Count, stdout.Split('\n').Count(l => l.StartsWith("PASS ", StringComparison.Ordinal)));
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static List<ReverseRequest> BuildRequests()
    {
        var app = AppKey.Generate(WalletType.Arcblock);
        var eth = AppKey.Generate(WalletType.Ethereum);
        var list = new List<ReverseRequest>();
        var n = 0;

        ReverseRequest Sign(AppKey key, string name, string method, string signedPath, string? query, byte[] body,
            bool expectValid = true, string? receivedPath = null, string? receivedQuery = null, byte[]? receivedBody = null,
            string? prefix = null, int receivedAfterSeconds = 5)
        {
            // Distinct iat per request so no two share a signature window by accident.
            var time = VectorRunner.ClockAt(SignedAt.AddSeconds(n++ * 7).ToUnixTimeMilliseconds());
            var h = new RequestSigner(key, time).SignV1(method, signedPath, query, body, componentDid: key.Address);
            var headers = new Dictionary<string, string>
            {
                [SignatureHeaders.SignatureHeader] = h.Signature!,
                [SignatureHeaders.IssuedAtHeader] = h.IssuedAt!,
                [SignatureHeaders.ExpiresAtHeader] = h.ExpiresAt!,
                [SignatureHeaders.VersionHeader] = h.Version!,
                [SignatureHeaders.ComponentDidHeader] = h.ComponentDid ?? key.Address,
            };
            if (prefix is not null)
            {
                headers["x-path-prefix"] = prefix;
            }

            return new ReverseRequest(
                name,
                method,
                receivedPath ?? signedPath,
                receivedQuery ?? query,
                headers,
                Convert.ToBase64String(receivedBody ?? body),
                key.PublicKeyHex,
                key.WalletType == WalletType.Ethereum ? "ethereum" : "arcblock",
                time.GetUtcNow().AddSeconds(receivedAfterSeconds).ToUnixTimeMilliseconds(),
                expectValid);
        }

        // Every documented event type, as Payment Kit's bodies (taken from the SDK-made vectors).
        var events = InteropVectors.Requests
            .Where(v => v.Category == "valid" && v.Name.StartsWith("valid-", StringComparison.Ordinal) && !v.Name.StartsWith("valid-livemode", StringComparison.Ordinal))
            .ToList();
        Assert.True(events.Count >= 17, $"expected the documented event vectors, found {events.Count}");
        for (var i = 0; i < events.Count; i++)
        {
            list.Add(Sign(app, $"event-{events[i].Name}", "POST", Callback, i % 2 == 0 ? "livemode=true" : null, events[i].Body));
        }

        var invoice = events.First(e => e.Name.Contains("invoice-paid", StringComparison.Ordinal)).Body;

        // Paths: prefix-stripping proxy, raw percent-encoding.
        list.Add(Sign(app, "path-prefix-stripped", "POST", "/pay" + Callback, null, invoice, receivedPath: Callback, prefix: "/pay"));
        list.Add(Sign(app, "path-percent-encoded", "POST", "/api/payment/call%62ack", null, invoice));
        list.Add(Sign(app, "path-non-ascii-encoded", "POST", "/api/payment/%E5%9B%9E%E8%B0%83", null, invoice));

        // Queries the qs way.
        string[] queries =
        [
            "livemode=true", "page=1&size=100&livemode=false", "a=1&a=2", "a[b]=1&a[c][d]=2", "a+b=c+d",
            "x=%2B%20%26%3D", "a[]=1&a[]=2", "%E4%B8%AD=%F0%9F%98%80", "a[1]=x&a[0]=y", "a=&b",
        ];
        foreach (var q in queries)
        {
            list.Add(Sign(app, $"query-{q}", "POST", Callback, q, invoice));
        }

        // Hostile bodies: the C# canonical form must be the SDK's.
        foreach (var h in InteropVectors.Requests.Where(v => v.Category == "hostile" && v.Expected!.Valid && v.Expected.Quirk is null).Take(14))
        {
            list.Add(Sign(app, h.Name, "POST", Callback, null, h.Body));
        }

        // Registration-style calls (docs/protocol.md §4).
        list.Add(Sign(app, "register-list", "GET", "/api/webhook-endpoints", "page=1&size=100&livemode=true", []));
        list.Add(Sign(app, "register-create", "POST", "/api/webhook-endpoints", "livemode=true",
            Encoding.UTF8.GetBytes("""{"url":"https://shop.example/api/payment/callback","enabled_events":["invoice.paid","refund.succeeded"],"description":"PaymentEvents","metadata":{"owner":"paymentevents"}}""")));
        list.Add(Sign(app, "register-update", "PUT", "/api/webhook-endpoints/we_123", "livemode=true",
            Encoding.UTF8.GetBytes("""{"enabled_events":["invoice.paid"],"status":"enabled"}""")));
        list.Add(Sign(app, "register-delete", "DELETE", "/api/webhook-endpoints/we_123", "livemode=false", []));

        // Ethereum wallet (secp256k1 + Keccak-256).
        list.Add(Sign(eth, "eth-event", "POST", Callback, null, invoice));
        list.Add(Sign(eth, "eth-query", "POST", Callback, "livemode=true&a[b]=1", events[0].Body));

        // Must fail.
        var tampered = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(invoice).Replace("\"paid\":true", "\"paid\":false", StringComparison.Ordinal));
        Assert.NotEqual(invoice, tampered);
        list.Add(Sign(app, "neg-tampered-body", "POST", Callback, null, invoice, expectValid: false, receivedBody: tampered));
        list.Add(Sign(app, "neg-wrong-path", "POST", Callback, null, invoice, expectValid: false, receivedPath: "/api/payment/other"));
        list.Add(Sign(app, "neg-wrong-query", "POST", Callback, "livemode=true", invoice, expectValid: false, receivedQuery: "livemode=false"));
        list.Add(Sign(app, "neg-expired", "POST", Callback, null, invoice, expectValid: false, receivedAfterSeconds: 301));
        list.Add(Sign(app, "neg-prefix-unknown", "POST", "/pay" + Callback, null, invoice, expectValid: false, receivedPath: Callback));
        list.Add(Sign(eth, "neg-eth-tampered", "POST", Callback, null, invoice, expectValid: false, receivedBody: tampered));
        return list;
    }

    private sealed record ReverseRequest(
        string Name,
        string Method,
        string Path,
        string? Query,
        IReadOnlyDictionary<string, string> Headers,
        string BodyBase64,
        string PublicKey,
        string WalletType,
        long NowUnixMs,
        bool ExpectValid);
}
