using PaymentEvents.Events;
using PaymentEvents.Handlers;

namespace Acme.Payments.Handlers;

/// <summary>
/// <c>invoice.paid</c>: an invoice was paid (a first payment or a renewal). Runs at least once per event; an exception
/// means "try again later" (the event is retried with backoff, then dead). Add a class per type you care about:
/// <c>IPaymentEventHandler&lt;SubscriptionDeleted&gt;</c>, <c>IPaymentEventHandler&lt;RefundSucceeded&gt;</c>...
/// </summary>
public sealed partial class InvoicePaidHandler(ILogger<InvoicePaidHandler> logger) : IPaymentEventHandler<InvoicePaid>
{
    public Task HandleAsync(InvoicePaid paymentEvent, CancellationToken cancellationToken)
    {
        var invoice = paymentEvent.Object;
        // Your code here: mark the order paid, extend the subscription, send the receipt...
        Paid(logger, invoice.Id, invoice.AmountPaid, invoice.CurrencyId, invoice.CustomerId);
        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Invoice {InvoiceId} paid: {AmountPaid} {CurrencyId} by customer {CustomerId}")]
    private static partial void Paid(ILogger logger, string? invoiceId, string? amountPaid, string? currencyId, string? customerId);
}
