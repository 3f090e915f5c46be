using PaymentEvents.Events;
using PaymentEvents.Handlers;

namespace PaymentEvents.Api.Handlers;

/// <summary>Sample handler for <c>customer.subscription.renewed</c>: logs it. A subscription renewed: extend access to the new current_period_end.</summary>
public sealed partial class SubscriptionRenewedHandler(ILogger<SubscriptionRenewedHandler> logger) : IPaymentEventHandler<SubscriptionRenewed>
{
    public Task HandleAsync(SubscriptionRenewed paymentEvent, CancellationToken cancellationToken)
    {
        var o = paymentEvent.Object;
        Log(logger, paymentEvent.Id, o.Id, o.Status, o.CustomerId, o.CurrentPeriodEnd);
        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "customer.subscription.renewed {PaymentEventId}: subscription {SubscriptionId} is {Status} for customer {CustomerId}, current period ends {CurrentPeriodEnd}")]
    private static partial void Log(ILogger logger, string paymentEventId, string? subscriptionId, string? status, string? customerId, long? currentPeriodEnd);
}
