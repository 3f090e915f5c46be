using PaymentEvents.Events;
using PaymentEvents.Handlers;

namespace PaymentEvents.Tests.Handlers;

// Handler shapes the registry must understand. They record nothing: registry tests only look at coverage.
public sealed class StartedOnly : IPaymentEventHandler<SubscriptionStarted>
{
    public Task HandleAsync(SubscriptionStarted paymentEvent, CancellationToken cancellationToken) => Task.CompletedTask;
}

public sealed class AnySubscription : IPaymentEventHandler<PaymentEvent<Subscription>>
{
    public Task HandleAsync(PaymentEvent<Subscription> paymentEvent, CancellationToken cancellationToken) => Task.CompletedTask;
}

public sealed class Everything : IPaymentEventHandler<PaymentEvent>
{
    public Task HandleAsync(PaymentEvent paymentEvent, CancellationToken cancellationToken) => Task.CompletedTask;
}

[PaymentEventType(EventTypes.CustomerSubscriptionStarted)]
public sealed class SubscriptionButOnlyStarted : IPaymentEventHandler<PaymentEvent<Subscription>>
{
    public Task HandleAsync(PaymentEvent<Subscription> paymentEvent, CancellationToken cancellationToken) => Task.CompletedTask;
}

[PaymentEventType("customer.subscription.past_due")]
[PaymentEventType("customer.subscription.recovered")]
public sealed class Dunning : IPaymentEventHandler<PaymentEvent<Subscription>>
{
    public Task HandleAsync(PaymentEvent<Subscription> paymentEvent, CancellationToken cancellationToken) => Task.CompletedTask;
}

[PaymentEventType("customer.subscription.past_due")]
public sealed class PastDueAudit : IPaymentEventHandler<PaymentEvent>
{
    public Task HandleAsync(PaymentEvent paymentEvent, CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>Implements a specific and a group interface: must run once, through the specific one.</summary>
public sealed class TwoWays : IPaymentEventHandler<SubscriptionStarted>, IPaymentEventHandler<PaymentEvent<Subscription>>
{
    public List<string> Calls { get; } = [];

    public Task HandleAsync(SubscriptionStarted paymentEvent, CancellationToken cancellationToken)
    {
        Calls.Add("specific");
        return Task.CompletedTask;
    }

    public Task HandleAsync(PaymentEvent<Subscription> paymentEvent, CancellationToken cancellationToken)
    {
        Calls.Add("group");
        return Task.CompletedTask;
    }
}

// Invalid shapes: the registry refuses them at startup.
[PaymentEventType(EventTypes.CheckoutSessionCompleted)]
public sealed class ListsATypeItCannotAccept : IPaymentEventHandler<PaymentEvent<Subscription>>
{
    public Task HandleAsync(PaymentEvent<Subscription> paymentEvent, CancellationToken cancellationToken) => Task.CompletedTask;
}

public sealed class WouldNeverRun : IPaymentEventHandler<UntypedPaymentEvent>
{
    public Task HandleAsync(UntypedPaymentEvent paymentEvent, CancellationToken cancellationToken) => Task.CompletedTask;
}

public abstract class AbstractHandler : IPaymentEventHandler<PaymentEvent>
{
    public abstract Task HandleAsync(PaymentEvent paymentEvent, CancellationToken cancellationToken);
}

public sealed class OpenGenericHandler<T> : IPaymentEventHandler<PaymentEvent>
{
    public Task HandleAsync(PaymentEvent paymentEvent, CancellationToken cancellationToken) => Task.FromResult(typeof(T));
}
