using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using PaymentEvents.Protocol;
using PaymentEvents.Registration;

namespace PaymentEvents.Tests.Registration;

public sealed class WebhookRegistrationServiceTests
{
    private static readonly string[] Handled = ["customer.subscription.started", "invoice.paid"];

    [Fact]
    public async Task Empty_list_creates_our_endpoint_with_marker_and_handled_events_plus_extras()
    {
        await using var h = new RegistrationHarness(settings: new Dictionary<string, string?> { ["PaymentKit:ExtraEvents:0"] = "refund.canceled" });
        await h.StartAndWaitUntilRegisteredAsync();

        var created = Assert.Single(h.PaymentKit.Endpoints);
        Assert.Equal(RegistrationHarness.CallbackUrl, created.Url);
        Assert.Equal(["customer.subscription.started", "invoice.paid", "refund.canceled"], created.EnabledEvents!.Order(StringComparer.Ordinal));
        Assert.True(WebhookEndpointReconciler.HasMarker(created, "test"));
        Assert.Equal(RegistrationAction.Created, h.State.Current.Action);
        Assert.Equal(created.Id, h.State.Current.EndpointId);
        Assert.All(h.PaymentKit.Requests, r => Assert.Equal(VerificationStatus.Valid, r.Verification.Status));
        Assert.Equal(1, h.PaymentKit.Count("POST"));
    }

    [Fact]
    public async Task Ours_on_page_three_is_found_and_no_duplicate_is_created()
    {
        await using var h = new RegistrationHarness();
        for (var i = 0; i < 230; i++)
        {
            h.PaymentKit.Seed($"https://other{i}.example/hook");
        }

        var ours = h.PaymentKit.Seed(RegistrationHarness.CallbackUrl, Handled, FakePaymentKit.Metadata(("managed_by", "payment-events"), ("instance", "test")));
        for (var i = 0; i < 25; i++)
        {
            h.PaymentKit.Seed($"https://late{i}.example/hook");
        }

        await h.StartAndWaitUntilRegisteredAsync();

        Assert.Equal(ours.Id, h.State.Current.EndpointId);
        Assert.Equal(RegistrationAction.Unchanged, h.State.Current.Action);
        Assert.Equal(256, h.PaymentKit.Endpoints.Count);
        Assert.Equal(0, h.PaymentKit.Count("POST"));
        Assert.Equal(0, h.PaymentKit.Count("PUT"));
        var pages = h.PaymentKit.Requests.Where(r => r.Method == "GET").Select(r => r.Query).ToList();
        Assert.Equal(["page=1&size=100&livemode=false", "page=2&size=100&livemode=false", "page=3&size=100&livemode=false"], pages);
    }

    [Fact]
    public async Task Server_capping_page_size_still_finds_ours_on_a_later_page()
    {
        await using var h = new RegistrationHarness();
        h.PaymentKit.MaxPageSize = 20;
        for (var i = 0; i < 45; i++)
        {
            h.PaymentKit.Seed($"https://other{i}.example/hook");
        }

        var ours = h.PaymentKit.Seed(RegistrationHarness.CallbackUrl, Handled, FakePaymentKit.Metadata(("managed_by", "payment-events"), ("instance", "test")));
        await h.StartAndWaitUntilRegisteredAsync();

        Assert.Equal(ours.Id, h.State.Current.EndpointId);
        Assert.Equal(0, h.PaymentKit.Count("POST"));
        Assert.Equal(3, h.PaymentKit.Count("GET"));
    }

    [Fact]
    public async Task Ours_equal_makes_no_write()
    {
        await using var h = new RegistrationHarness();
        h.PaymentKit.Seed("https://someone-else.example/hook");
        var ours = h.PaymentKit.Seed(RegistrationHarness.CallbackUrl, ["invoice.paid", "customer.subscription.started"], FakePaymentKit.Metadata(("managed_by", "payment-events"), ("instance", "test")));

        await h.StartAndWaitUntilRegisteredAsync();

        Assert.Equal(RegistrationAction.Unchanged, h.State.Current.Action);
        Assert.Equal(ours.Id, h.State.Current.EndpointId);
        Assert.Equal(0, h.PaymentKit.Count("POST"));
        Assert.Equal(0, h.PaymentKit.Count("PUT"));
        Assert.Equal(0, h.PaymentKit.Count("DELETE"));
    }

    [Fact]
    public async Task Ours_by_marker_with_old_url_and_events_and_disabled_is_updated_keeping_other_metadata()
    {
        await using var h = new RegistrationHarness();
        var ours = h.PaymentKit.Seed(
            "https://old-host.example/api/payment/callback",
            ["invoice.paid"],
            FakePaymentKit.Metadata(("managed_by", "payment-events"), ("instance", "test"), ("team", "billing")),
            status: "disabled");

        await h.StartAndWaitUntilRegisteredAsync();

        var updated = Assert.Single(h.PaymentKit.Endpoints);
        Assert.Equal(ours.Id, updated.Id);
        Assert.Equal(RegistrationHarness.CallbackUrl, updated.Url);
        Assert.Equal("enabled", updated.Status);
        Assert.Equal(Handled, updated.EnabledEvents!.Order(StringComparer.Ordinal));
        Assert.Equal("billing", updated.Metadata!["team"].GetString());
        Assert.Equal(RegistrationAction.Updated, h.State.Current.Action);
        Assert.Equal(1, h.PaymentKit.Count("PUT"));
        Assert.Equal(0, h.PaymentKit.Count("POST"));
    }

    [Fact]
    public async Task Ours_by_url_without_marker_gets_the_marker()
    {
        await using var h = new RegistrationHarness();
        var ours = h.PaymentKit.Seed(RegistrationHarness.CallbackUrl, Handled);

        await h.StartAndWaitUntilRegisteredAsync();

        Assert.True(WebhookEndpointReconciler.HasMarker(Assert.Single(h.PaymentKit.Endpoints), "test"));
        Assert.Equal(ours.Id, h.State.Current.EndpointId);
        Assert.Equal(RegistrationAction.Updated, h.State.Current.Action);
    }

    [Fact]
    public async Task Someone_elses_endpoints_are_never_touched_and_ours_is_created()
    {
        await using var h = new RegistrationHarness();
        var other = h.PaymentKit.Seed("https://crm.example/payment-hook", ["checkout.session.completed"], FakePaymentKit.Metadata(("managed_by", "crm")));
        var otherInstance = h.PaymentKit.Seed("https://staging.shop.example/api/payment/callback", Handled, FakePaymentKit.Metadata(("managed_by", "payment-events"), ("instance", "staging")));

        await h.StartAndWaitUntilRegisteredAsync();

        Assert.Equal(3, h.PaymentKit.Endpoints.Count);
        Assert.Equal(other, h.PaymentKit.Endpoints.Single(e => e.Id == other.Id));
        Assert.Equal(otherInstance, h.PaymentKit.Endpoints.Single(e => e.Id == otherInstance.Id));
        Assert.Equal(0, h.PaymentKit.Count("PUT"));
        Assert.Equal(RegistrationAction.Created, h.State.Current.Action);
    }

    [Fact]
    public async Task Service_unavailable_then_success_registers_after_backoff()
    {
        await using var h = new RegistrationHarness(settings: new Dictionary<string, string?> { ["PaymentKit:Http:MaxRetryAttempts"] = "1" });

        // Client retry (1) and the first service attempt's retry both see 503; the service backs off and tries again.
        for (var i = 0; i < 3; i++)
        {
            h.PaymentKit.Enqueue(HttpStatusCode.ServiceUnavailable);
        }

        await h.StartAsync();
        await h.AdvanceUntilAsync(() => h.State.Current.Status == RegistrationStatus.Registered, TimeSpan.FromMilliseconds(500), TimeSpan.FromMinutes(5), "registration");

        Assert.Single(h.PaymentKit.Endpoints);
        Assert.True(h.State.Current.Attempts >= 2);
        Assert.Contains(h.Logs.GetSnapshot(), r => r.Id.Id == 5005 && r.Level == LogLevel.Warning);
    }

    [Fact]
    public async Task Unreachable_payment_kit_is_retried_until_it_comes_up()
    {
        await using var h = new RegistrationHarness(settings: new Dictionary<string, string?> { ["PaymentKit:Http:MaxRetryAttempts"] = "1" });
        h.PaymentKit.Unreachable = true;

        await h.StartAsync();
        await h.AdvanceUntilAsync(() => h.State.Current is { Status: RegistrationStatus.Failed, Attempts: >= 3 }, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(10), "three failed attempts");
        Assert.Contains("unreachable", h.State.Current.Reason, StringComparison.OrdinalIgnoreCase);
        Assert.NotNull(h.State.Current.NextRetryAt);

        h.PaymentKit.Unreachable = false;
        await h.AdvanceUntilAsync(() => h.State.Current.Status == RegistrationStatus.Registered, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(10), "registration");
        Assert.Single(h.PaymentKit.Endpoints);
    }

    [Fact]
    public async Task Unauthorized_is_logged_actionably_marks_failed_and_retries_only_slowly()
    {
        await using var h = new RegistrationHarness();
        h.PaymentKit.Enqueue(HttpStatusCode.Unauthorized, "{\"error\":\"verify sig failed\"}");
        h.PaymentKit.Enqueue(HttpStatusCode.Unauthorized, "{\"error\":\"verify sig failed\"}");

        await h.StartAsync();
        await RegistrationHarness.WaitUntilAsync(() => h.State.Current.Status == RegistrationStatus.Failed, "failure");

        Assert.Single(h.PaymentKit.Requests);
        Assert.Contains("401", h.State.Current.Reason, StringComparison.Ordinal);
        Assert.Contains("verify sig failed", h.State.Current.Reason, StringComparison.Ordinal);
        Assert.Equal(h.Time.GetUtcNow() + WebhookRegistrationService.RejectedRetryDelay, h.State.Current.NextRetryAt);
        var error = Assert.Single(h.Logs.GetSnapshot(), r => r.Level == LogLevel.Error);
        Assert.Contains("PaymentKit:AppSk", error.Message, StringComparison.Ordinal);
        Assert.Contains("verify sig failed", error.Message, StringComparison.Ordinal);

        // No tight loop: nothing more for (almost) ten minutes of fake time.
        await h.AdvanceAsync(TimeSpan.FromMinutes(9.5), TimeSpan.FromSeconds(15), h.ServiceIsWaitingForNextAttempt, "the service to wait for its slow retry");
        Assert.Single(h.PaymentKit.Requests);

        // Then exactly one slow retry (still refused), then success on the third.
        var waited = await h.AdvanceUntilAsync(() => h.PaymentKit.Requests.Count >= 2, TimeSpan.FromSeconds(15), TimeSpan.FromMinutes(5), "second attempt");
        Assert.True(TimeSpan.FromMinutes(9.5) + waited >= WebhookRegistrationService.RejectedRetryDelay);
        await RegistrationHarness.WaitUntilAsync(() => h.State.Current.Attempts == 2, "second failure recorded");
        Assert.Equal(2, h.PaymentKit.Requests.Count);
        await h.AdvanceUntilAsync(() => h.State.Current.Status == RegistrationStatus.Registered, TimeSpan.FromSeconds(15), TimeSpan.FromMinutes(15), "registration");
    }

    [Fact]
    public async Task Bad_request_is_not_retried_by_the_client()
    {
        await using var h = new RegistrationHarness();
        h.PaymentKit.Enqueue(HttpStatusCode.BadRequest, "{\"error\":\"enabled_events contains an unknown type\"}");

        await h.StartAsync();
        await RegistrationHarness.WaitUntilAsync(() => h.State.Current.Status == RegistrationStatus.Failed, "failure");

        Assert.Single(h.PaymentKit.Requests);
        Assert.Contains("enabled_events contains an unknown type", h.State.Current.Reason, StringComparison.Ordinal);
        Assert.Contains(h.Logs.GetSnapshot(), r => r.Level == LogLevel.Error && r.Message.Contains("PaymentKit:CallbackUrl", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Stopping_while_retrying_ends_promptly()
    {
        await using var h = new RegistrationHarness();
        h.PaymentKit.Unreachable = true;
        await h.StartAsync();
        await h.AdvanceUntilAsync(() => h.State.Current.Status == RegistrationStatus.Failed, TimeSpan.FromMilliseconds(500), TimeSpan.FromMinutes(1), "first failure");

        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await h.Service.StopAsync(cts.Token);

        Assert.False(cts.IsCancellationRequested);
        Assert.True(h.Service.ExecuteTask!.IsCompleted);
        var requests = h.PaymentKit.Requests.Count;
        await h.AdvanceAsync(TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(1), h.ServiceHasEndedWithNoTimerArmed, "the stopped service to leave no timer");
        Assert.Equal(requests, h.PaymentKit.Requests.Count);
    }

    [Fact]
    public async Task Without_base_url_registration_is_disabled_and_nothing_is_called()
    {
        await using var h = new RegistrationHarness(settings: new Dictionary<string, string?> { ["PaymentKit:BaseUrl"] = null });
        await h.StartAsync();
        await RegistrationHarness.WaitUntilAsync(() => h.State.Current.Status == RegistrationStatus.Disabled, "disabled");
        Assert.Empty(h.PaymentKit.Requests);
        Assert.Contains("BaseUrl", h.State.Current.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Catch_all_with_subscribe_all_registers_star()
    {
        await using var h = new RegistrationHarness(new HandledEvents(["invoice.paid"], HasCatchAll: true), new Dictionary<string, string?> { ["PaymentKit:SubscribeAll"] = "true" });
        await h.StartAndWaitUntilRegisteredAsync();
        Assert.Equal(["*"], Assert.Single(h.PaymentKit.Endpoints).EnabledEvents);
    }

    [Fact]
    public async Task Secret_key_never_appears_in_logs()
    {
        await using var h = new RegistrationHarness();
        h.PaymentKit.Enqueue(HttpStatusCode.Unauthorized, "{\"error\":\"verify sig failed\"}");
        await h.StartAsync();
        await RegistrationHarness.WaitUntilAsync(() => h.State.Current.Status == RegistrationStatus.Failed, "failure");
        await h.AdvanceUntilAsync(() => h.State.Current.Status == RegistrationStatus.Registered, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(15), "registration");

        var sk = h.Key.SecretKeyHex[2..];
        var logs = h.Logs.GetSnapshot();
        Assert.NotEmpty(logs);
        Assert.DoesNotContain(logs, r => r.Message.Contains(sk, StringComparison.OrdinalIgnoreCase) || JsonSerializer.Serialize(r.StructuredState).Contains(sk, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Recheck_leaves_an_unchanged_endpoint_alone_then_re_enables_and_re_creates_it()
    {
        await using var h = new RegistrationHarness(settings: new Dictionary<string, string?> { ["PaymentKit:RecheckInterval"] = "01:00:00" });
        await h.StartAndWaitUntilRegisteredAsync();
        var id = h.State.Current.EndpointId!;
        Assert.Equal(h.Time.GetUtcNow() + TimeSpan.FromHours(1), h.State.Current.NextRetryAt);

        // First recheck: nothing changed, nothing written.
        await h.AdvanceUntilAsync(() => h.PaymentKit.Count("GET") == 2, TimeSpan.FromMinutes(5), TimeSpan.FromHours(2), "first recheck");
        await RegistrationHarness.WaitUntilAsync(() => h.State.Current.Attempts == 2, "first recheck recorded");
        Assert.Equal(RegistrationAction.Unchanged, h.State.Current.Action);
        Assert.Equal(1, h.PaymentKit.Count("POST"));
        Assert.Equal(0, h.PaymentKit.Count("PUT"));

        // Someone disables it in the dashboard: the next recheck turns it back on.
        h.PaymentKit.Mutate(id, e => e with { Status = "disabled" });
        await h.AdvanceUntilAsync(() => h.State.Current.Attempts == 3, TimeSpan.FromMinutes(5), TimeSpan.FromHours(2), "second recheck");
        Assert.Equal(RegistrationAction.Updated, h.State.Current.Action);
        Assert.Equal("enabled", Assert.Single(h.PaymentKit.Endpoints).Status);

        // Someone deletes it: the next recheck creates it again.
        h.PaymentKit.Mutate(id, _ => null);
        await h.AdvanceUntilAsync(() => h.State.Current.Attempts == 4, TimeSpan.FromMinutes(5), TimeSpan.FromHours(2), "third recheck");
        Assert.Equal(RegistrationAction.Created, h.State.Current.Action);
        Assert.Equal(RegistrationHarness.CallbackUrl, Assert.Single(h.PaymentKit.Endpoints).Url);
        Assert.Equal(2, h.PaymentKit.Count("POST"));
    }

    [Fact]
    public async Task Recheck_off_makes_one_pass_only()
    {
        await using var h = new RegistrationHarness(settings: new Dictionary<string, string?> { ["PaymentKit:RecheckInterval"] = "00:00:00" });
        await h.StartAndWaitUntilRegisteredAsync();
        await RegistrationHarness.WaitUntilAsync(() => h.Service.ExecuteTask!.IsCompleted, "service to finish");

        Assert.Null(h.State.Current.NextRetryAt);
        await h.AdvanceAsync(TimeSpan.FromHours(3), TimeSpan.FromMinutes(15), h.ServiceHasEndedWithNoTimerArmed, "the finished service to leave no timer");
        Assert.Equal(2, h.PaymentKit.Requests.Count);
    }
}
