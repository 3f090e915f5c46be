namespace PaymentEvents.Events;

/// <summary>
/// Event type names (docs/protocol.md §2): every name of the <c>EventType</c> union of
/// <c>@blocklet/payment-types</c>, as constants (a constant's name is its value in PascalCase) and as <see cref="All"/>.
/// The union is a <c>LiteralUnion&lt;..., string&gt;</c>, so Payment Kit may send names not listed here; they are
/// accepted and recorded all the same. The union's names are in EventTypes.Generated.cs, written by
/// generate-event-types.js from the package; this file holds what the union does not say.
/// </summary>
public static partial class EventTypes
{
    // Names that types.d.ts only lists as notification triggers (NotificationActionEvents, ServiceAction.triggerEvents),
    // not in the EventType union: kept as constants, left out of All because they are not webhook event types.
#pragma warning disable CS1591 // the name is the value in PascalCase, as in EventTypes.Generated.cs
    public const string SubscriptionStakeSlashSucceeded = "subscription.stake.slash.succeeded";
    public const string CustomerSubscriptionWillRenew = "customer.subscription.will_renew";
    public const string CustomerSubscriptionWillCanceled = "customer.subscription.will_canceled";
#pragma warning restore CS1591

    /// <summary>
    /// The types the product documents (docs/protocol.md §2 table), each with its own event class; read from the
    /// <see cref="EventTypeAttribute"/> on those classes.
    /// </summary>
    public static IReadOnlyList<string> Documented { get; } = [.. EventClasses.Documented.Select(static d => d.Type)];
}
