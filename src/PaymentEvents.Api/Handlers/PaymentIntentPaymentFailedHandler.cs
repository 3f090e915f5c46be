using PaymentEvents.Events;
using PaymentEvents.Handlers;

namespace PaymentEvents.Api.Handlers;

/// <summary>Sample handler for <c>payment_intent.payment_failed</c>: logs it. A payment failed: tell the customer.</summary>
public sealed partial class PaymentIntentPaymentFailedHandler(ILogger<PaymentIntentPaymentFailedHandler> logger) : IPaymentEventHandler<PaymentIntentPaymentFailed>
{
    public Task HandleAsync(PaymentIntentPaymentFailed paymentEvent, CancellationToken cancellationToken)
    {
        var o = paymentEvent.Object;
        Log(logger, paymentEvent.Id, o.Id, o.Amount, o.CurrencyId, o.CustomerId, o.LastPaymentError?.Code, o.LastPaymentError?.Type);
        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "payment_intent.payment_failed {PaymentEventId}: payment {PaymentIntentId} of {Amount} {CurrencyId} from customer {CustomerId} failed: {ErrorCode} ({ErrorType})")]
    private static partial void Log(ILogger logger, string paymentEventId, string? paymentIntentId, string? amount, string? currencyId, string? customerId, string? errorCode, string? errorType);
}
