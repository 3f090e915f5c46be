namespace PaymentEvents.Handlers;

/// <summary>
/// Restricts a handler to the listed event types, and opts it into types the product does not
/// document (docs/protocol.md §2: ~200 more names exist in <c>types.d.ts</c>, e.g.
/// <c>customer.subscription.past_due</c>). Without the attribute a handler covers every documented
/// type its event class accepts; with it, exactly the listed types.
/// </summary>
/// <example>
/// <code>
/// [PaymentEventType("customer.subscription.past_due")]
/// [PaymentEventType("customer.subscription.recovered")]
/// public sealed class DunningHandler : IPaymentEventHandler&lt;PaymentEvent&lt;Subscription&gt;&gt; { ... }
/// </code>
/// </example>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class PaymentEventTypeAttribute : Attribute
{
    /// <summary>Names one event type this handler runs for, e.g. <c>"invoice.paid"</c>.</summary>
    public PaymentEventTypeAttribute(string type)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(type);
        Type = type;
    }

    /// <summary>The event type name, e.g. <c>customer.subscription.past_due</c>.</summary>
    public string Type { get; }
}
