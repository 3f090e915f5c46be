using System.Globalization;
using System.Net;
using System.Text.Json;
using PaymentEvents.Protocol;
using PaymentEvents.Registration;

namespace PaymentEvents.Tests.Registration;

public sealed class PaymentKitClientTests
{
    [Fact]
    public async Task Calls_keep_the_mount_path_carry_livemode_and_are_signed_v1_with_component_did()
    {
        await using var h = new RegistrationHarness(settings: new Dictionary<string, string?> { ["PaymentKit:Livemode"] = "true" });

        var created = await h.Client.CreateAsync(new WebhookEndpointWrite { Url = "https://a.example/hook", EnabledEvents = ["invoice.paid"] });
        var listed = await h.Client.ListAsync();
        var retrieved = await h.Client.RetrieveAsync(created.Value!.Id);
        var deleted = await h.Client.DeleteAsync(created.Value!.Id);

        Assert.Null(created.Error);
        Assert.Null(listed.Error);
        Assert.Null(retrieved.Error);
        Assert.Null(deleted.Error);
        Assert.Equal("https://a.example/hook", retrieved.Value!.Url);
        var requests = h.PaymentKit.Requests.ToArray();
        Assert.Equal(["POST", "GET", "GET", "DELETE"], requests.Select(r => r.Method));
        Assert.All(requests, r =>
        {
            Assert.StartsWith("/payment-kit/api/webhook-endpoints", r.Path, StringComparison.Ordinal);
            Assert.EndsWith("livemode=true", r.Query, StringComparison.Ordinal);
            Assert.Equal(VerificationStatus.Valid, r.Verification.Status);
            Assert.Equal("1", r.Headers["x-component-sig-version"]);
            Assert.Equal("z8iZpaymentEventsTest", r.Headers["x-component-did"]);
            var iat = long.Parse(r.Headers["x-component-sig-iat"], CultureInfo.InvariantCulture);
            Assert.Equal(h.Time.GetUtcNow().ToUnixTimeSeconds(), iat);
            Assert.Equal(iat + 300, long.Parse(r.Headers["x-component-sig-exp"], CultureInfo.InvariantCulture));
        });
        Assert.Equal("page=1&size=100&livemode=true", requests[1].Query);
        Assert.Null(requests[1].Body);
    }

    [Fact]
    public async Task A_retry_is_signed_afresh_after_honouring_retry_after()
    {
        await using var h = new RegistrationHarness(settings: new Dictionary<string, string?> { ["PaymentKit:Http:TotalTimeout"] = "00:10:00" });
        h.PaymentKit.Enqueue(HttpStatusCode.TooManyRequests, retryAfter: TimeSpan.FromSeconds(400));

        var call = h.Client.ListAsync();
        await RegistrationHarness.WaitUntilAsync(() => h.PaymentKit.Requests.Count == 1, "first attempt");

        // Retry-After (400 s) wins over the 500 ms backoff, and outlives the first signature (exp = iat + 300).
        var retryDue = h.Time.GetUtcNow() + TimeSpan.FromSeconds(400);
        await h.AdvanceAsync(TimeSpan.FromSeconds(390), TimeSpan.FromSeconds(10), () => call.IsCompleted || h.Time.HasPendingTimerAt(retryDue), "the client to wait 400 s for its retry");
        Assert.Single(h.PaymentKit.Requests);
        await h.AdvanceUntilAsync(() => call.IsCompleted, TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(1), "retry");

        var result = await call;
        Assert.Null(result.Error);
        var attempts = h.PaymentKit.Requests.ToArray();
        Assert.Equal(2, attempts.Length);
        var firstIat = long.Parse(attempts[0].Headers["x-component-sig-iat"], CultureInfo.InvariantCulture);
        var secondIat = long.Parse(attempts[1].Headers["x-component-sig-iat"], CultureInfo.InvariantCulture);
        Assert.True(secondIat - firstIat >= 400, $"iat {firstIat} then {secondIat}");
        Assert.NotEqual(attempts[0].Headers["x-component-sig"], attempts[1].Headers["x-component-sig"]);
        Assert.Equal(VerificationStatus.Valid, attempts[1].Verification.Status);
        Assert.Single(attempts[1].Headers, kv => kv.Key == "x-component-sig");
    }

    [Theory]
    [InlineData(HttpStatusCode.BadRequest)]
    [InlineData(HttpStatusCode.Unauthorized)]
    [InlineData(HttpStatusCode.Forbidden)]
    [InlineData(HttpStatusCode.NotFound)]
    [InlineData(HttpStatusCode.Conflict)]
    public async Task Client_errors_are_final_and_carry_payment_kits_message(HttpStatusCode status)
    {
        await using var h = new RegistrationHarness();
        h.PaymentKit.Enqueue(status, "{\"error\":\"endpoint url is invalid\"}");

        var result = await h.Client.ListAsync();

        Assert.NotNull(result.Error);
        Assert.Equal(status, result.Error.StatusCode);
        Assert.Equal("endpoint url is invalid", result.Error.Message);
        Assert.False(result.Error.Transient);
        Assert.Single(h.PaymentKit.Requests);
    }

    [Fact]
    public async Task Server_errors_are_retried_then_reported_as_transient()
    {
        await using var h = new RegistrationHarness(settings: new Dictionary<string, string?> { ["PaymentKit:Http:MaxRetryAttempts"] = "2" });
        for (var i = 0; i < 3; i++)
        {
            h.PaymentKit.Enqueue(HttpStatusCode.InternalServerError, "{\"message\":\"database is locked\"}");
        }

        var call = h.Client.ListAsync();
        await h.AdvanceUntilAsync(() => call.IsCompleted, TimeSpan.FromMilliseconds(250), TimeSpan.FromMinutes(1), "call");
        var result = await call;

        Assert.Equal(3, h.PaymentKit.Requests.Count);
        Assert.Equal(HttpStatusCode.InternalServerError, result.Error!.StatusCode);
        Assert.Equal("database is locked", result.Error.Message);
        Assert.True(result.Error.Transient);
    }

    [Fact]
    public async Task Create_is_not_retried_after_a_500_that_may_have_created_it_but_is_after_503()
    {
        await using var h = new RegistrationHarness();
        h.PaymentKit.Enqueue(HttpStatusCode.InternalServerError);
        var failed = await h.Client.CreateAsync(new WebhookEndpointWrite { Url = "https://a.example/hook", EnabledEvents = ["invoice.paid"] });
        Assert.Equal(HttpStatusCode.InternalServerError, failed.Error!.StatusCode);
        Assert.Single(h.PaymentKit.Requests);

        h.PaymentKit.Enqueue(HttpStatusCode.ServiceUnavailable);
        var call = h.Client.CreateAsync(new WebhookEndpointWrite { Url = "https://a.example/hook", EnabledEvents = ["invoice.paid"] });
        await h.AdvanceUntilAsync(() => call.IsCompleted, TimeSpan.FromMilliseconds(250), TimeSpan.FromMinutes(1), "create");
        Assert.Null((await call).Error);
        Assert.Equal(3, h.PaymentKit.Requests.Count);
        Assert.Single(h.PaymentKit.Endpoints);
    }

    [Fact]
    public async Task Unreachable_is_a_transient_error_not_an_exception()
    {
        await using var h = new RegistrationHarness(settings: new Dictionary<string, string?> { ["PaymentKit:Http:MaxRetryAttempts"] = "1" });
        h.PaymentKit.Unreachable = true;

        var call = h.Client.RetrieveAsync("we_1");
        await h.AdvanceUntilAsync(() => call.IsCompleted, TimeSpan.FromMilliseconds(250), TimeSpan.FromMinutes(1), "call");
        var result = await call;

        Assert.Null(result.Error!.StatusCode);
        Assert.True(result.Error.Transient);
        Assert.Contains("unreachable", result.Error.Message, StringComparison.Ordinal);
        Assert.Equal(2, h.PaymentKit.Requests.Count);
    }

    [Fact]
    public async Task A_wrong_key_is_rejected_by_the_verifying_fake()
    {
        await using var h = new RegistrationHarness(settings: new Dictionary<string, string?> { ["PaymentKit:AppSk"] = PaymentEvents.Protocol.AppKey.Generate().SecretKeyHex });

        var result = await h.Client.ListAsync();

        Assert.Equal(HttpStatusCode.Unauthorized, result.Error!.StatusCode);
        Assert.Equal("verify sig failed", result.Error.Message);
        Assert.True(result.Error.IsAuthenticationFailure);
        Assert.Equal(VerificationStatus.NoTrustedKeyMatched, Assert.Single(h.PaymentKit.Requests).Verification.Status);
    }

    [Fact]
    public void Unknown_fields_and_enum_values_deserialize()
    {
        const string json = """{"id":"we_1","livemode":false,"url":"https://a.example","enabled_events":["x.y"],"status":"paused_by_admin","metadata":{"n":1},"created_at":"2025-02-19T03:46:42.662Z","brand_new":{"a":[1]}}""";
        var endpoint = JsonSerializer.Deserialize<WebhookEndpoint>(json)!;
        Assert.Equal("paused_by_admin", endpoint.Status);
        Assert.True(endpoint.ExtensionData!.ContainsKey("brand_new"));
        Assert.Equal(1, endpoint.Metadata!["n"].GetInt32());
    }
}
