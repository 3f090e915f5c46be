using System.Net;
using Microsoft.Extensions.DependencyInjection;
using PaymentEvents.Testing;

namespace Shop.Tests;

/// <summary>The testing kit on an app of a team's own: what a team checks after the first test.</summary>
public sealed class KitOnShopTests(PaymentEventsFactory<Program> app) : IClassFixture<PaymentEventsFactory<Program>>
{
    [Fact]
    public async Task The_handlers_exception_reaches_the_test()
    {
        var delivery = await app.DeliverAsync("invoice.paid", e => e["data"]!["object"]!["amount_paid"] = "0");

        var error = await Assert.ThrowsAsync<PaymentEventNotHandledException>(() => app.WaitUntilHandledAsync(delivery.EventId));

        Assert.Equal("failed", error.Status);
        Assert.Contains("Shop.Handlers.InvoicePaidHandler", error.Message, StringComparison.Ordinal);
        Assert.Contains("amount_paid is '0': not fulfilling it", error.Message, StringComparison.Ordinal);
        Assert.Equal("failed", Assert.Single(error.Attempts).Outcome);
    }

    [Fact]
    public async Task A_type_without_a_handler_is_reported_as_ignored()
    {
        var delivery = await app.DeliverAsync("refund.succeeded");

        var error = await Assert.ThrowsAsync<PaymentEventNotHandledException>(() => app.WaitUntilHandledAsync(delivery.EventId));

        Assert.Equal("ignored", error.Status);
        Assert.Contains("no handler class handles 'refund.succeeded'", error.Message, StringComparison.Ordinal);
        Assert.Contains("Shop.Handlers.InvoicePaidHandler", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_redelivery_is_a_duplicate_and_runs_no_handler_again()
    {
        var first = await app.DeliverAsync("invoice.paid");
        var handled = await app.WaitUntilHandledAsync(first.EventId);

        var again = await app.RedeliverAsync(first);

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.True(again.Duplicate);
        Assert.False(first.Duplicate);
        Assert.Equal(first.EventId, again.EventId);
        var stillOnce = await app.WaitUntilHandledAsync(first.EventId);
        Assert.Equal(handled.Attempts, stillOnce.Attempts);
        Assert.Equal("succeeded", Assert.Single(stillOnce.Attempts).Outcome);
    }

    [Fact]
    public async Task The_app_state_is_reachable_for_asserts()
    {
        var delivery = await app.DeliverAsync("invoice.paid", e => e["data"]!["object"]!["id"] = "in_state");
        await app.WaitUntilHandledAsync(delivery.EventId);

        using var client = app.CreateClient();
        Assert.Contains("in_state", await client.GetStringAsync(new Uri("/invoices/paid", UriKind.Relative)), StringComparison.Ordinal);
        Assert.True(app.Services.GetRequiredService<PaidInvoices>().IsPaid("in_state"));
    }
}
