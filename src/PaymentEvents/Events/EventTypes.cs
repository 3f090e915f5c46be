namespace PaymentEvents.Events;

// CONTRACT STUB (skeleton): owned by the events helper (every EventType name of payment-types).

/// <summary>Event type names (PROTOCOL §2).</summary>
public static class EventTypes
{
    public const string CheckoutSessionCompleted = "checkout.session.completed";
    public const string CustomerSubscriptionStarted = "customer.subscription.started";
}
