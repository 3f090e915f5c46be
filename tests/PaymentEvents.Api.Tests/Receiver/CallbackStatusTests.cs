using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Diagnostics.Metrics;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using PaymentEvents.Api.Tests.Infrastructure;
using PaymentEvents.Protocol;
using PaymentEvents.Telemetry;

namespace PaymentEvents.Api.Tests.Receiver;

/// <summary>Every answer of POST {Webhooks:Path}, in the order the checks run (README.md, "HTTP").</summary>
public sealed class CallbackStatusTests(ReceiverHostFixture fixture) : IClassFixture<ReceiverHostFixture>
{
    private readonly ReceiverHost _host = fixture.Host;

    [Fact]
    public async Task Valid_delivery_is_stored_before_the_200_and_keeps_the_raw_payload()
    {
        var client = _host.CreateClient();
        var id = TestEvents.NewId();
        var json = TestEvents.Json(id, objectId: "sub_stored1");

        var response = await client.SendAsync(_host.SignedDelivery(json));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(body.GetProperty("received").GetBoolean());
        Assert.False(body.GetProperty("duplicate").GetBoolean());
        var stored = await _host.Store.GetAsync(id, CancellationToken.None);
        Assert.NotNull(stored);
        Assert.Equal(json, stored.Payload);
        Assert.Equal("customer.subscription.renewed", stored.Type);
        Assert.Equal("sub_stored1", stored.ObjectId);
        Assert.False(stored.Livemode);
        Assert.Equal(_host.Time.GetUtcNow(), stored.ReceivedAt);
    }

    [Fact]
    public async Task Second_delivery_of_an_id_is_acknowledged_as_duplicate()
    {
        var client = _host.CreateClient();
        var json = TestEvents.Json();

        var first = await client.SendAsync(_host.SignedDelivery(json));
        var second = await client.SendAsync(_host.SignedDelivery(json));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.False((await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("duplicate").GetBoolean());
        Assert.True((await second.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("duplicate").GetBoolean());
    }

    [Fact]
    public async Task Missing_signature_header_is_400_problem()
    {
        var client = _host.CreateClient();
        var response = await client.SendAsync(ReceiverHost.Delivery(Encoding.UTF8.GetBytes(TestEvents.Json()), ReceiverHost.CallbackPath, null));

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, "x-component-sig");
    }

    [Fact]
    public async Task Malformed_signature_headers_are_400()
    {
        var client = _host.CreateClient();
        var body = Encoding.UTF8.GetBytes(TestEvents.Json());
        var good = _host.Signer.SignV1("POST", ReceiverHost.CallbackPath, null, body);
        var malformed = good with { IssuedAt = "not-a-number", ExpiresAt = "later" };

        var response = await client.SendAsync(ReceiverHost.Delivery(body, ReceiverHost.CallbackPath, malformed));

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, null);
    }

    [Theory]
    [InlineData("this is not json", "not valid JSON")]
    [InlineData("[{\"id\":\"evt_1\",\"type\":\"x\"}]", "not a JSON object")]
    [InlineData("{}", "'id'")]
    [InlineData("{\"id\":42,\"type\":\"invoice.paid\"}", "'id'")]
    [InlineData("{\"id\":\"evt_no_type\"}", "'type'")]
    [InlineData("{\"id\":\"evt_bad_type\",\"type\":null}", "'type'")]
    public async Task Body_that_is_not_an_event_object_is_400_with_the_reason(string json, string reason)
    {
        var client = _host.CreateClient();
        var bytes = Encoding.UTF8.GetBytes(json);
        // Signed like a real sender would (V0 over whatever it sent), so only the body shape is wrong.
        var headers = new SignatureHeaders("0x" + new string('a', 128), "1772366400", "1772366700", "1");

        var response = await client.SendAsync(ReceiverHost.Delivery(bytes, ReceiverHost.CallbackPath, headers));

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, reason);
    }

    [Fact]
    public async Task Tampered_signature_is_401_and_says_nothing_more()
    {
        var client = _host.CreateClient();
        var id = TestEvents.NewId();
        var request = _host.SignedDelivery(TestEvents.Json(id));
        var sig = request.Headers.GetValues(SignatureHeaders.SignatureHeader).Single();
        var flipped = sig[..^1] + (sig[^1] == '0' ? '1' : '0');
        request.Headers.Remove(SignatureHeaders.SignatureHeader);
        request.Headers.TryAddWithoutValidation(SignatureHeaders.SignatureHeader, flipped);
        // This host's own instrument (its IMeterFactory): /metrics sums the PaymentEvents meter of every host in the
        // test process, and a disposed host's share drops out of that sum.
        using var failures = new MetricCollector<long>(_host.Services.GetRequiredService<IMeterFactory>(), "PaymentEvents", PaymentEventsMetrics.SignatureFailuresName);

        var response = await client.SendAsync(request);

        var problem = await AssertProblemAsync(response, HttpStatusCode.Unauthorized, "signature verification failed");
        Assert.Equal("signature verification failed", problem.GetProperty("detail").GetString());
        Assert.Null(await _host.Store.GetAsync(id, CancellationToken.None));
        var failure = Assert.Single(failures.GetMeasurementSnapshot());
        Assert.Equal(1, failure.Value);
        Assert.Equal("no_trusted_key_matched", failure.Tags["reason"]);
    }

    [Fact]
    public async Task Signature_by_an_untrusted_key_is_401()
    {
        var client = _host.CreateClient();
        var stranger = new RequestSigner(AppKey.Generate(), _host.Time);
        var id = TestEvents.NewId();

        var response = await client.SendAsync(_host.SignedDelivery(TestEvents.Json(id), signer: stranger));

        await AssertProblemAsync(response, HttpStatusCode.Unauthorized, "signature verification failed");
        Assert.Null(await _host.Store.GetAsync(id, CancellationToken.None));
    }

    [Fact]
    public async Task Signature_expired_beyond_the_clock_skew_is_401_and_within_it_is_accepted()
    {
        var client = _host.CreateClient();
        var expiredId = TestEvents.NewId();
        var lateId = TestEvents.NewId();
        // Signed 300 s windows ending 31 s ago (skew is 30 s) and 29 s ago.
        var pastSigner = new RequestSigner(_host.Key, new FixedClock(_host.Time.GetUtcNow().AddSeconds(-331)));
        var lateSigner = new RequestSigner(_host.Key, new FixedClock(_host.Time.GetUtcNow().AddSeconds(-329)));

        var expired = await client.SendAsync(_host.SignedDelivery(TestEvents.Json(expiredId), signer: pastSigner));
        var late = await client.SendAsync(_host.SignedDelivery(TestEvents.Json(lateId), signer: lateSigner));

        await AssertProblemAsync(expired, HttpStatusCode.Unauthorized, "signature verification failed");
        Assert.Equal(HttpStatusCode.OK, late.StatusCode);
        Assert.Null(await _host.Store.GetAsync(expiredId, CancellationToken.None));
        Assert.NotNull(await _host.Store.GetAsync(lateId, CancellationToken.None));
    }

    [Fact]
    public async Task Signature_window_longer_than_MaxValidity_is_401()
    {
        var client = _host.CreateClient();
        var id = TestEvents.NewId();

        var response = await client.SendAsync(_host.SignedDelivery(TestEvents.Json(id), validity: TimeSpan.FromHours(2)));

        await AssertProblemAsync(response, HttpStatusCode.Unauthorized, "signature verification failed");
        Assert.Null(await _host.Store.GetAsync(id, CancellationToken.None));
    }

    [Fact]
    public async Task V0_signature_is_401_while_V0_is_off()
    {
        var client = _host.CreateClient();
        var id = TestEvents.NewId();
        var body = Encoding.UTF8.GetBytes(TestEvents.Json(id));

        var response = await client.SendAsync(ReceiverHost.Delivery(body, ReceiverHost.CallbackPath, _host.Signer.SignV0(body)));

        await AssertProblemAsync(response, HttpStatusCode.Unauthorized, "signature verification failed");
        Assert.Null(await _host.Store.GetAsync(id, CancellationToken.None));
    }

    [Fact]
    public async Task A_forged_delivery_does_not_preempt_the_genuine_one()
    {
        var client = _host.CreateClient();
        var id = TestEvents.NewId();
        var forger = new RequestSigner(AppKey.Generate(), _host.Time);

        var forged = await client.SendAsync(_host.SignedDelivery(TestEvents.Json(id, type: "refund.succeeded"), signer: forger));
        var genuine = await client.SendAsync(_host.SignedDelivery(TestEvents.Json(id, type: "invoice.paid")));

        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
        Assert.Equal(HttpStatusCode.OK, genuine.StatusCode);
        Assert.False((await genuine.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("duplicate").GetBoolean());
        Assert.Equal("invoice.paid", (await _host.Store.GetAsync(id, CancellationToken.None))!.Type);
    }

    [Fact]
    public async Task Body_reserialized_with_other_whitespace_and_key_order_still_verifies()
    {
        var client = _host.CreateClient();
        var id = TestEvents.NewId();
        var signedJson = "{\"id\":\"" + id + "\",\"type\":\"invoice.paid\",\"amount\":1.0}";
        var sentJson = "{ \"type\" : \"invoice.paid\",\n  \"amount\": 1, \"id\": \"" + id + "\" }";
        var headers = _host.Signer.SignV1("POST", ReceiverHost.CallbackPath, null, Encoding.UTF8.GetBytes(signedJson));

        var response = await client.SendAsync(ReceiverHost.Delivery(Encoding.UTF8.GetBytes(sentJson), ReceiverHost.CallbackPath, headers));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(sentJson, (await _host.Store.GetAsync(id, CancellationToken.None))!.Payload);
    }

    internal static async Task<JsonElement> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string? detailContains)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        if (detailContains is not null)
        {
            Assert.Contains(detailContains, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }

        return problem;
    }
}
