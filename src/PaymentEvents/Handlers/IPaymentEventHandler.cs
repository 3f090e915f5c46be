using PaymentEvents.Events;

namespace PaymentEvents.Handlers;

/// <summary>
/// Handles Payment Kit events of type <typeparamref name="TEvent"/>. Adding a class that implements
/// this is all it takes: classes are found at startup and resolved from a DI scope per event.
/// Contravariant, so <c>IPaymentEventHandler&lt;PaymentEvent&lt;Subscription&gt;&gt;</c> handles every
/// subscription event and <c>IPaymentEventHandler&lt;PaymentEvent&gt;</c> is a catch-all.
/// Delivery is at least once: use <see cref="PaymentEvent.Id"/> to make side effects idempotent.
/// </summary>
public interface IPaymentEventHandler<in TEvent>
    where TEvent : PaymentEvent
{
    /// <summary>Handles one event. Throwing fails this attempt: the event is retried with backoff (<c>Processing:MaxAttempts</c>, then <c>dead</c>); handlers that already succeeded for it do not run again. Runs at least once per event, so make it idempotent on <see cref="PaymentEvents.Events.PaymentEvent.Id"/>.</summary>
    Task HandleAsync(TEvent paymentEvent, CancellationToken cancellationToken);
}
