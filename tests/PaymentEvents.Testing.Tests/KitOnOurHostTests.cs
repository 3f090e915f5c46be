using System.Net;

namespace PaymentEvents.Testing.Tests;

/// <summary>The kit on our host (src/PaymentEvents.Api) as it ships: its sample handlers, its appsettings.json.</summary>
public sealed class KitOnOurHostTests(PaymentEventsFactory<Program> host) : IClassFixture<PaymentEventsFactory<Program>>
{
    [Fact]
    public async Task A_documented_type_runs_its_handler_and_is_processed()
    {
        var delivery = await host.DeliverAsync("invoice.paid");

        Assert.Equal(HttpStatusCode.OK, delivery.StatusCode);
        Assert.False(delivery.Duplicate);
        Assert.StartsWith("evt_", delivery.EventId, StringComparison.Ordinal);
        var handled = await host.WaitUntilHandledAsync(delivery.EventId);
        Assert.Equal(delivery.EventId, handled.Id);
        Assert.Equal("invoice.paid", handled.Type);
        Assert.Equal("processed", handled.Status);
        var attempt = Assert.Single(handled.Attempts);
        Assert.Equal(("PaymentEvents.Api.Handlers.InvoicePaidHandler", 1, "succeeded", (string?)null), (attempt.Handler, attempt.Attempt, attempt.Outcome, attempt.Error));
    }

    [Fact]
    public async Task A_body_of_the_tests_own_keeps_its_id_and_type()
    {
        var body = PaymentEvents.Events.Samples.SampleEvents.Create("customer.subscription.started", TimeProvider.System);
        body["id"] = "evt_own_" + Guid.NewGuid().ToString("N");

        var delivery = await host.DeliverAsync(body);
        var handled = await host.WaitUntilHandledAsync(delivery.EventId);

        Assert.Equal(body["id"]!.GetValue<string>(), handled.Id);
        Assert.Equal("customer.subscription.started", handled.Type);
    }

    [Fact]
    public async Task A_type_no_handler_handles_is_ignored_and_says_so()
    {
        var delivery = await host.DeliverAsync("acme.loyalty.points_added");

        Assert.Equal(HttpStatusCode.OK, delivery.StatusCode);
        var error = await Assert.ThrowsAsync<PaymentEventNotHandledException>(() => host.WaitUntilHandledAsync(delivery.EventId));
        Assert.Equal("ignored", error.Status);
        Assert.Equal(delivery.EventId, error.EventId);
        Assert.Contains("it is ignored", error.Message, StringComparison.Ordinal);
        Assert.Contains("PaymentEvents.Api.Handlers.InvoicePaidHandler", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_redelivery_is_answered_as_a_duplicate()
    {
        var first = await host.DeliverAsync("invoice.paid");
        await host.WaitUntilHandledAsync(first.EventId);

        var again = await host.RedeliverAsync(first);

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.True(again.Duplicate);
        Assert.Contains("\"duplicate\":true", again.ResponseBody, StringComparison.Ordinal);
        Assert.Single((await host.WaitUntilHandledAsync(first.EventId)).Attempts);
    }

    [Fact]
    public async Task A_tampered_delivery_is_refused_and_never_stored()
    {
        var forged = await host.DeliverTamperedAsync("invoice.paid");

        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
        Assert.Contains("\"status\":401", forged.ResponseBody, StringComparison.Ordinal);
        var timeout = await Assert.ThrowsAsync<TimeoutException>(() => host.WaitUntilHandledAsync(forged.EventId, TimeSpan.FromMilliseconds(300)));
        Assert.Contains("not in the inbox", timeout.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_signature_issued_long_ago_is_refused_and_a_fresh_one_accepted()
    {
        var body = PaymentEvents.Events.Samples.SampleEvents.Create("invoice.paid", TimeProvider.System);

        var stale = await host.DeliverSignedAtAsync(body, DateTimeOffset.UtcNow.AddMinutes(-10));
        var fresh = await host.DeliverSignedAtAsync(body, DateTimeOffset.UtcNow);

        Assert.Equal(HttpStatusCode.Unauthorized, stale.StatusCode);
        Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
        Assert.False(fresh.Duplicate);
    }

    [Fact]
    public async Task The_inbox_is_in_the_temporary_directory_not_the_hosts_data_directory()
    {
        var delivery = await host.DeliverAsync("invoice.paid");
        await host.WaitUntilHandledAsync(delivery.EventId);

        Assert.True(File.Exists(Path.Combine(host.DataDirectory, "payment-events.db")));
        Assert.StartsWith(Path.GetTempPath(), host.DataDirectory, StringComparison.Ordinal);
    }
}
