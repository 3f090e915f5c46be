using PaymentEvents.Events;
using PaymentEvents.Handlers;

namespace PaymentEvents.Api.Handlers;

/// <summary>Sample handler for <c>customer.subscription.updated</c>: logs it. A subscription changed.</summary>
public sealed partial class SubscriptionUpdatedHandler(ILogger<SubscriptionUpdatedHandler> logger) : IPaymentEventHandler<SubscriptionUpdated>
{
    public Task HandleAsync(SubscriptionUpdated paymentEvent, CancellationToken cancellationToken)
    {
        var o = paymentEvent.Object;
        Log(logger, paymentEvent.Id, o.Id, o.Status, o.CustomerId, o.CurrentPeriodEnd);
        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "customer.subscription.updated {PaymentEventId}: subscription {SubscriptionId} is {Status} for customer {CustomerId}, current period ends {CurrentPeriodEnd}")]
    private static partial void Log(ILogger logger, string paymentEventId, string? subscriptionId, string? status, string? customerId, long? currentPeriodEnd);
}
