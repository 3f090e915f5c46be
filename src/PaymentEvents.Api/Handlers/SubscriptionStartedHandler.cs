// HOW TO WRITE YOUR OWN HANDLER (these samples are the template):
// 1. Add a sealed class implementing IPaymentEventHandler<TEvent> anywhere in an assembly passed to
//    builder.AddPaymentEvents(...) (this host passes its own). TEvent is the event class: one of the
//    documented ones (SubscriptionStarted, InvoicePaid, ...), PaymentEvent<Subscription> for every
//    subscription event, or PaymentEvent for all events. It is found at startup; nothing to register.
// 2. Add [PaymentEventType("customer.subscription.past_due")] to limit it to listed types, or to get
//    types the product does not document.
// 3. It is resolved from a DI scope per event: inject what you need (DbContext, HttpClient, ...).
// 4. Delivery is at least once: make side effects idempotent on paymentEvent.Id (or the object id).
//    Throwing retries the event later with backoff (other handlers that already succeeded are not
//    re-run); honour the CancellationToken, it fires when shutdown runs out of time.
// 5. Its class full name is its identity in the store: renaming it makes it a new handler.

using PaymentEvents.Events;
using PaymentEvents.Handlers;

namespace PaymentEvents.Api.Handlers;

/// <summary>Sample handler for <c>customer.subscription.started</c>: logs it. A subscription started: grant access until current_period_end.</summary>
public sealed partial class SubscriptionStartedHandler(ILogger<SubscriptionStartedHandler> logger) : IPaymentEventHandler<SubscriptionStarted>
{
    public Task HandleAsync(SubscriptionStarted paymentEvent, CancellationToken cancellationToken)
    {
        var o = paymentEvent.Object;
        Log(logger, paymentEvent.Id, o.Id, o.Status, o.CustomerId, o.CurrentPeriodEnd);
        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "customer.subscription.started {PaymentEventId}: subscription {SubscriptionId} is {Status} for customer {CustomerId}, current period ends {CurrentPeriodEnd}")]
    private static partial void Log(ILogger logger, string paymentEventId, string? subscriptionId, string? status, string? customerId, long? currentPeriodEnd);
}
