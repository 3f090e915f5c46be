using PaymentEvents.Events;
using PaymentEvents.Handlers;

namespace PaymentEvents.Api.Handlers;

/// <summary>Sample handler for <c>customer.subscription.trial_start</c>: logs it. A trial started.</summary>
public sealed partial class SubscriptionTrialStartHandler(ILogger<SubscriptionTrialStartHandler> logger) : IPaymentEventHandler<SubscriptionTrialStart>
{
    public Task HandleAsync(SubscriptionTrialStart paymentEvent, CancellationToken cancellationToken)
    {
        var o = paymentEvent.Object;
        Log(logger, paymentEvent.Id, o.Id, o.Status, o.CustomerId, o.CurrentPeriodEnd);
        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "customer.subscription.trial_start {PaymentEventId}: subscription {SubscriptionId} is {Status} for customer {CustomerId}, current period ends {CurrentPeriodEnd}")]
    private static partial void Log(ILogger logger, string paymentEventId, string? subscriptionId, string? status, string? customerId, long? currentPeriodEnd);
}
