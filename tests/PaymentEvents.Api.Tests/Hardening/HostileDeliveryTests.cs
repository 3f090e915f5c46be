using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using PaymentEvents.Api.Tests.Infrastructure;
using PaymentEvents.Storage;

namespace PaymentEvents.Api.Tests.Hardening;

/// <summary>
/// The rows of issue 7 that involve storage, as raw bytes over a real socket to Kestrel, on each engine: every hostile
/// delivery gets a clear answer, and whatever is acknowledged can be handled and read back through the admin API.
/// </summary>
public abstract class HostileDeliveryTests : IAsyncLifetime
{
    private KestrelReceiver? _receiver;

    protected KestrelReceiver Receiver => _receiver ?? throw new InvalidOperationException("not started");

    private ReceiverHost Host => Receiver.Host;

    public async Task InitializeAsync() => _receiver = KestrelReceiver.Start(await StorageSettingsAsync());

    public Task DisposeAsync()
    {
        _receiver?.Dispose();
        return Task.CompletedTask;
    }

    protected abstract Task<Action<Dictionary<string, string?>>> StorageSettingsAsync();

    [Fact]
    public async Task Invalid_utf8_in_the_body_is_400()
    {
        var body = "{\"id\":\"evt_"u8.ToArray().Concat(new byte[] { 0xff }).Concat("\",\"type\":\"invoice.paid\"}"u8.ToArray()).ToArray();

        var response = await SendSignedAsync(body, headersFor: "{}"u8.ToArray());

        Assert.Equal(400, response.StatusCode);
        Assert.Contains("UTF-8", response.Body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("id", "\\ud800", "lone UTF-16 surrogate")]
    [InlineData("id", "\\udc00x", "lone UTF-16 surrogate")]
    [InlineData("object_id", "\\ud800", "lone UTF-16 surrogate")]
    [InlineData("id", "\\u0000", "NUL")]
    [InlineData("object_id", "\\u0000", "NUL")]
    [InlineData("type", "\\u0000", "NUL")]
    public async Task Identifier_that_cannot_be_stored_faithfully_is_400_with_the_reason(string field, string hostile, string reason)
    {
        var id = TestEvents.NewId();
        var fields = new Dictionary<string, string> { ["id"] = id, ["type"] = "invoice.paid", ["object_id"] = "in_1" };
        fields[field] += hostile;
        var json = "{" + string.Join(",", fields.Select(f => $"\"{f.Key}\":\"{f.Value}\"")) + ",\"data\":{\"object\":{}}}";

        var response = await SendSignedAsync(Encoding.UTF8.GetBytes(json));

        Assert.Equal(400, response.StatusCode);
        Assert.Contains(reason, response.Body, StringComparison.Ordinal);
        Assert.Contains($"'{field}'", response.Body, StringComparison.Ordinal);
        Assert.Empty((await Host.Store.ListAsync(new EventQuery(null, null, null, 10, null), CancellationToken.None)).Items);
    }

    [Fact]
    public async Task Lone_surrogate_elsewhere_is_handled_and_readable_with_the_original_bytes()
    {
        var id = TestEvents.NewId();
        var json = TestEvents.Json(id).Replace("\"status\":\"active\"", "\"status\":\"act\\udc00ive\",\"k\\ud800\":\"v\"", StringComparison.Ordinal);
        Assert.Contains("\\udc00", json, StringComparison.Ordinal);

        var response = await SendSignedAsync(Encoding.UTF8.GetBytes(json));

        Assert.Equal(200, response.StatusCode);
        await AssertHandledAndReadableAsync(id, json);
    }

    [Fact]
    public async Task Nested_to_exactly_the_depth_limit_is_acknowledged_handled_and_readable()
    {
        var id = TestEvents.NewId();
        var json = Nested(id, Events.PaymentEventParser.MaxDepth);

        var response = await SendSignedAsync(Encoding.UTF8.GetBytes(json));

        Assert.Equal(200, response.StatusCode);
        await AssertHandledAndReadableAsync(id, json);
    }

    [Fact]
    public async Task Nested_one_deeper_than_the_limit_is_400()
    {
        var id = TestEvents.NewId();

        // Signed over another body: no signer canonicalises past the limit either, and the shape refuses it first.
        var response = await SendSignedAsync(Encoding.UTF8.GetBytes(Nested(id, Events.PaymentEventParser.MaxDepth + 1)), headersFor: "{}"u8.ToArray());

        Assert.Equal(400, response.StatusCode);
        Assert.Contains($"deeper than {Events.PaymentEventParser.MaxDepth}", response.Body, StringComparison.Ordinal);
        Assert.Null(await Host.Store.GetAsync(id, CancellationToken.None));
    }

    [Theory]
    [InlineData(1001, 1)]
    [InlineData(1000, 21)]
    public async Task Many_members_under_a_garbage_signature_are_verified_in_the_lane_and_401(int perObject, int objects)
    {
        var body = Encoding.UTF8.GetBytes("{\"id\":\"evt_wide\",\"type\":\"invoice.paid\"," + Groups(perObject, objects) + "}");

        // A garbage 64-byte signature with a valid window: refused by the signature, never by the shape.
        var response = await SendSignedAsync(body, headersFor: "{}"u8.ToArray());

        Assert.Equal(401, response.StatusCode);
    }

    [Theory]
    [InlineData(2300, 1)]
    [InlineData(1000, 21)]
    public async Task Many_members_genuinely_signed_are_acknowledged_handled_and_readable(int perObject, int objects)
    {
        var id = TestEvents.NewId();
        var json = "{\"id\":\"" + id + "\",\"type\":\"invoice.paid\",\"data\":{\"object\":{\"id\":\"in_wide\",\"metadata\":{"
            + Groups(perObject, objects) + "}}}}";

        var response = await SendSignedAsync(Encoding.UTF8.GetBytes(json));

        Assert.Equal(200, response.StatusCode);
        await AssertHandledAndReadableAsync(id, json);
    }

    [Fact]
    public async Task A_full_heavy_lane_answers_503_with_retry_after_and_ordinary_bodies_still_pass()
    {
        var lane = Host.Services.GetRequiredService<PaymentEvents.Receiver.HeavyBodyLane>();
        var held = new List<System.Threading.RateLimiting.RateLimitLease> { await lane.EnterAsync(CancellationToken.None) };
        var queued = Enumerable.Range(0, PaymentEvents.Receiver.HeavyBodyLane.QueueLength).Select(_ => lane.EnterAsync(CancellationToken.None).AsTask()).ToList();
        try
        {
            var id = TestEvents.NewId();
            var heavy = "{\"id\":\"" + id + "\",\"type\":\"invoice.paid\",\"data\":{\"object\":{\"metadata\":{" + Groups(1001, 1) + "}}}}";
            var response = await SendSignedAsync(Encoding.UTF8.GetBytes(heavy));
            Assert.Equal(503, response.StatusCode);
            Assert.Contains("Retry-After: 5", response.Head, StringComparison.OrdinalIgnoreCase);
            Assert.Null(await Host.Store.GetAsync(id, CancellationToken.None));

            var ordinary = TestEvents.NewId();
            Assert.Equal(200, (await SendSignedAsync(Encoding.UTF8.GetBytes(TestEvents.Json(ordinary)))).StatusCode);
        }
        finally
        {
            held.ForEach(l => l.Dispose());
            foreach (var wait in queued)
            {
                (await wait).Dispose();
            }
        }
    }

    private static string Groups(int perObject, int objects) =>
        string.Join(",", Enumerable.Range(0, objects).Select(g => $"\"g{g}\":{{" + string.Join(",", Enumerable.Range(0, perObject).Select(i => $"\"k{i}\":0")) + "}"));

    [Fact]
    public async Task Nul_elsewhere_in_the_payload_is_stored_and_readable()
    {
        var id = TestEvents.NewId();
        var json = TestEvents.Json(id).Replace("\"status\":\"active\"", "\"status\":\"act\\u0000ive\"", StringComparison.Ordinal);

        var response = await SendSignedAsync(Encoding.UTF8.GetBytes(json));

        Assert.Equal(200, response.StatusCode);
        await AssertHandledAndReadableAsync(id, json);
    }

    private async Task AssertHandledAndReadableAsync(string id, string json)
    {
        Assert.Equal(json, (await Host.Store.GetAsync(id, CancellationToken.None))!.Payload);
        StoredEvent? stored = null;
        await Poll.UntilAsync(
            async () => (stored = await Host.Store.GetAsync(id, CancellationToken.None)) is { Status: not (EventStatus.Received or EventStatus.Processing) },
            what: "event processed");
        Assert.True(stored!.Status is EventStatus.Processed or EventStatus.Ignored, $"{stored.Status}: {stored.LastError}");

        using var admin = Receiver.CreateClient();
        admin.DefaultRequestHeaders.Add("X-Api-Key", ReceiverHost.AdminKey);
        var detail = await admin.GetAsync($"/api/events/{Uri.EscapeDataString(id)}");
        Assert.Equal(HttpStatusCode.OK, detail.StatusCode);
        var text = await detail.Content.ReadAsStringAsync();
        using var document = JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = Events.PaymentEventParser.MaxDepth + 8 });
        Assert.Equal(id, document.RootElement.GetProperty("id").GetString());

        // The event is shown exactly as it arrived.
        Assert.Contains(json, text, StringComparison.Ordinal);
    }

    private Task<RawResponse> SendSignedAsync(byte[] body, byte[]? headersFor = null)
    {
        var headers = Host.Signer.SignV1("POST", ReceiverHost.CallbackPath, null, headersFor ?? body);
        var request = RawHttp.Head(ReceiverHost.CallbackPath, headers, body.Length).Concat(body).ToArray();
        return Receiver.Raw().SendAsync(request);
    }

    /// <summary>A renewed-subscription event whose <c>data.object.deep</c> makes the whole body <paramref name="depth"/> levels deep.</summary>
    private static string Nested(string id, int depth)
    {
        // root (1) > data (2) > object (3) > deep: depth - 3 more levels of {"a": ...}.
        var inner = depth - 3;
        var deep = string.Concat(Enumerable.Repeat("{\"a\":", inner - 1)) + "{}" + new string('}', inner - 1);
        return "{\"id\":\"" + id + "\",\"type\":\"customer.subscription.renewed\",\"object_id\":\"sub_deep\",\"object_type\":\"Subscription\","
            + "\"data\":{\"object\":{\"id\":\"sub_deep\",\"status\":\"active\",\"deep\":" + deep + "}}}";
    }
}

public sealed class HostileDeliverySqliteTests : HostileDeliveryTests
{
    protected override Task<Action<Dictionary<string, string?>>> StorageSettingsAsync() =>
        Task.FromResult<Action<Dictionary<string, string?>>>(_ => { });
}

[Collection("api-postgres")]
public sealed class HostileDeliveryPostgresTests(PostgresServerFixture postgres) : HostileDeliveryTests
{
    protected override async Task<Action<Dictionary<string, string?>>> StorageSettingsAsync()
    {
        var connectionString = await postgres.CreateDatabaseAsync();
        return s =>
        {
            s["Storage:Provider"] = "postgres";
            s["ConnectionStrings:PaymentEvents"] = connectionString;
        };
    }
}
