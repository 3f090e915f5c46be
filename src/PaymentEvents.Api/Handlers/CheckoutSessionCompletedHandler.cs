using PaymentEvents.Events;
using PaymentEvents.Handlers;

namespace PaymentEvents.Api.Handlers;

/// <summary>Sample handler for <c>checkout.session.completed</c>: logs it. A checkout finished: fulfil the order.</summary>
public sealed partial class CheckoutSessionCompletedHandler(ILogger<CheckoutSessionCompletedHandler> logger) : IPaymentEventHandler<CheckoutSessionCompleted>
{
    public Task HandleAsync(CheckoutSessionCompleted paymentEvent, CancellationToken cancellationToken)
    {
        var o = paymentEvent.Object;
        Log(logger, paymentEvent.Id, o.Id, o.Mode, o.PaymentStatus, o.AmountTotal, o.CurrencyId, o.SubscriptionId);
        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "checkout.session.completed {PaymentEventId}: checkout {SessionId} ({Mode}) completed, payment {PaymentStatus}, total {AmountTotal} {CurrencyId}, subscription {SubscriptionId}")]
    private static partial void Log(ILogger logger, string paymentEventId, string? sessionId, string? mode, string? paymentStatus, string? amountTotal, string? currencyId, string? subscriptionId);
}
