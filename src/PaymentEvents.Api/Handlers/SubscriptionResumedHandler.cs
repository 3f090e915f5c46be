using PaymentEvents.Events;
using PaymentEvents.Handlers;

namespace PaymentEvents.Api.Handlers;

/// <summary>Sample handler for <c>customer.subscription.resumed</c>: logs it. A subscription resumed.</summary>
public sealed partial class SubscriptionResumedHandler(ILogger<SubscriptionResumedHandler> logger) : IPaymentEventHandler<SubscriptionResumed>
{
    public Task HandleAsync(SubscriptionResumed paymentEvent, CancellationToken cancellationToken)
    {
        var o = paymentEvent.Object;
        Log(logger, paymentEvent.Id, o.Id, o.Status, o.CustomerId, o.CurrentPeriodEnd);
        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "customer.subscription.resumed {PaymentEventId}: subscription {SubscriptionId} is {Status} for customer {CustomerId}, current period ends {CurrentPeriodEnd}")]
    private static partial void Log(ILogger logger, string paymentEventId, string? subscriptionId, string? status, string? customerId, long? currentPeriodEnd);
}
