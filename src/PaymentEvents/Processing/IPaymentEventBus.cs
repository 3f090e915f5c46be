using PaymentEvents.Events;
using PaymentEvents.Storage;

namespace PaymentEvents.Processing;

/// <summary>
/// In-process subscription to payment events: the .NET analogue of the Blocklet event bus
/// (docs/protocol.md §1, method 2), fed by the same pipeline as the handlers.
/// </summary>
/// <remarks>
/// Semantics:
/// <list type="bullet">
/// <item>Subscribers see an event only after it is stored, when the processor runs it: the bus is a
/// built-in handler (named <c>PaymentEvents.EventBus</c> in the event's attempts) that runs after the
/// handler classes.</item>
/// <item>At least once, like handlers: once the bus delivered an event to every subscriber it is
/// recorded as succeeded and not delivered again on later retries of that event (for a failing handler);
/// a crash in between delivers again. Deduplicate on <see cref="PaymentEvent.Id"/> where it matters.</item>
/// <item>A subscriber that throws is logged and skipped: it affects neither other subscribers nor the
/// event's status, and is not retried. Subscribers that need retries should be handler classes.</item>
/// <item>Events of one object arrive in order, one at a time; different objects concurrently, so a
/// subscriber must be thread-safe.</item>
/// <item>Subscriptions live in memory: subscribe at startup (before events flow) to see every event.
/// An event processed while nobody subscribes and no handler matches is <c>ignored</c>.</item>
/// </list>
/// </remarks>
public interface IPaymentEventBus
{
    /// <summary>Calls <paramref name="subscriber"/> for every event; dispose the result to unsubscribe.</summary>
    IDisposable Subscribe(Func<PaymentEvent, CancellationToken, Task> subscriber);

    /// <summary>
    /// Calls <paramref name="subscriber"/> for events that arrive as <typeparamref name="TEvent"/> (e.g.
    /// <c>SubscriptionStarted</c>, or <c>PaymentEvent&lt;Subscription&gt;</c> for every subscription event).
    /// </summary>
    IDisposable Subscribe<TEvent>(Func<TEvent, CancellationToken, Task> subscriber)
        where TEvent : PaymentEvent;

    /// <summary>
    /// Publishes an event produced inside this app (no HTTP, no signature): it is stored in the inbox
    /// exactly as a verified delivery would be and then dispatched to handlers and subscribers by the
    /// processor. A known id changes nothing and returns <see cref="InsertOutcome.Duplicate"/>.
    /// </summary>
    Task<InsertOutcome> PublishAsync(PaymentEvent paymentEvent, CancellationToken cancellationToken = default);
}
