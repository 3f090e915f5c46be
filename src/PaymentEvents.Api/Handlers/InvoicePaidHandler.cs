using PaymentEvents.Events;
using PaymentEvents.Handlers;

namespace PaymentEvents.Api.Handlers;

/// <summary>Sample handler for <c>invoice.paid</c>: logs it. An invoice was paid.</summary>
public sealed partial class InvoicePaidHandler(ILogger<InvoicePaidHandler> logger) : IPaymentEventHandler<InvoicePaid>
{
    public Task HandleAsync(InvoicePaid paymentEvent, CancellationToken cancellationToken)
    {
        var o = paymentEvent.Object;
        Log(logger, paymentEvent.Id, o.Id, o.Number, o.AmountPaid, o.CurrencyId, o.CustomerId, o.SubscriptionId);
        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "invoice.paid {PaymentEventId}: invoice {InvoiceId} ({Number}) paid {AmountPaid} {CurrencyId} by customer {CustomerId}, subscription {SubscriptionId}")]
    private static partial void Log(ILogger logger, string paymentEventId, string? invoiceId, string? number, string? amountPaid, string? currencyId, string? customerId, string? subscriptionId);
}
