using PaymentEvents.Testing;

namespace Acme.Payments.Tests;

/// <summary>
/// The app in memory (<see cref="PaymentEventsFactory{TEntryPoint}"/>): a fresh signing key, a temporary SQLite inbox,
/// signed deliveries of realistic sample events, and a wait for the processor to finish each one.
/// </summary>
public sealed class InvoicePaidHandlerTests(PaymentEventsFactory<Program> app) : IClassFixture<PaymentEventsFactory<Program>>
{
    [Fact]
    public async Task An_invoice_paid_event_is_handled()
    {
        var delivery = await app.DeliverAsync("invoice.paid", e => e["data"]!["object"]!["id"] = "in_test_1");

        // Throws PaymentEventNotHandledException with the handler's exception if it failed, or if no handler took the type.
        var handled = await app.WaitUntilHandledAsync(delivery.EventId);

        Assert.Equal("processed", handled.Status);
        Assert.Contains(handled.Attempts, a => a.Handler == "Acme.Payments.Handlers.InvoicePaidHandler" && a.Outcome == "succeeded");
    }

    [Fact]
    public async Task A_redelivered_event_is_a_duplicate()
    {
        var first = await app.DeliverAsync("invoice.paid");
        await app.WaitUntilHandledAsync(first.EventId);

        var again = await app.RedeliverAsync(first);

        Assert.True(again.Duplicate);
    }
}
