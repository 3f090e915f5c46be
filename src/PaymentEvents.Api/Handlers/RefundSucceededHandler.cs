using PaymentEvents.Events;
using PaymentEvents.Handlers;

namespace PaymentEvents.Api.Handlers;

/// <summary>Sample handler for <c>refund.succeeded</c>: logs it. A refund went out.</summary>
public sealed partial class RefundSucceededHandler(ILogger<RefundSucceededHandler> logger) : IPaymentEventHandler<RefundSucceeded>
{
    public Task HandleAsync(RefundSucceeded paymentEvent, CancellationToken cancellationToken)
    {
        var o = paymentEvent.Object;
        Log(logger, paymentEvent.Id, o.Id, o.Amount, o.CurrencyId, o.PaymentIntentId, o.Reason);
        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "refund.succeeded {PaymentEventId}: refund {RefundId} of {Amount} {CurrencyId} for payment {PaymentIntentId} succeeded ({Reason})")]
    private static partial void Log(ILogger logger, string paymentEventId, string? refundId, string? amount, string? currencyId, string? paymentIntentId, string? reason);
}
