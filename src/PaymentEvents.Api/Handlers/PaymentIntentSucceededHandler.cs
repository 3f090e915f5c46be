using PaymentEvents.Events;
using PaymentEvents.Handlers;

namespace PaymentEvents.Api.Handlers;

/// <summary>Sample handler for <c>payment_intent.succeeded</c>: logs it. A payment went through.</summary>
public sealed partial class PaymentIntentSucceededHandler(ILogger<PaymentIntentSucceededHandler> logger) : IPaymentEventHandler<PaymentIntentSucceeded>
{
    public Task HandleAsync(PaymentIntentSucceeded paymentEvent, CancellationToken cancellationToken)
    {
        var o = paymentEvent.Object;
        Log(logger, paymentEvent.Id, o.Id, o.AmountReceived, o.CurrencyId, o.CustomerId, o.InvoiceId);
        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "payment_intent.succeeded {PaymentEventId}: payment {PaymentIntentId} received {AmountReceived} {CurrencyId} from customer {CustomerId} (invoice {InvoiceId})")]
    private static partial void Log(ILogger logger, string paymentEventId, string? paymentIntentId, string? amountReceived, string? currencyId, string? customerId, string? invoiceId);
}
