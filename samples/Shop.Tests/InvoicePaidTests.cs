using Microsoft.Extensions.DependencyInjection;
using PaymentEvents.Testing;

namespace Shop.Tests;

public sealed class InvoicePaidTests(PaymentEventsFactory<Program> app) : IClassFixture<PaymentEventsFactory<Program>>
{
    [Fact]
    public async Task A_paid_invoice_is_fulfilled()
    {
        var delivery = await app.DeliverAsync("invoice.paid", e => e["data"]!["object"]!["id"] = "in_42");

        await app.WaitUntilHandledAsync(delivery.EventId);

        Assert.True(app.Services.GetRequiredService<PaidInvoices>().IsPaid("in_42"));
    }
}
