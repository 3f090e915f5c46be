using System.Collections.Frozen;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using PaymentEvents.Events.Json;

namespace PaymentEvents.Events;

/// <summary>
/// The static name → class maps behind <see cref="PaymentEventParser"/>: documented type → sealed class, and
/// object_type → <see cref="PaymentEvent{TObject}"/> for every other type (PROTOCOL §2).
/// </summary>
internal static class EventClasses
{
    /// <summary>Builds one event class from the envelope and <c>data.object</c>; null when the object is not JSON of that shape.</summary>
    internal sealed record Factory(Type ClrType, Func<EventEnvelope, JsonElement, PaymentEvent> Create);

    private static PaymentEventsJsonContext Json => PaymentEventsJsonContext.Default;

    internal static FrozenDictionary<string, Factory> ByDocumentedType { get; } = new Dictionary<string, Factory>(StringComparer.Ordinal)
    {
        [EventTypes.CheckoutSessionCompleted] = Of(Json.CheckoutSession, static (id, type, o) => new CheckoutSessionCompleted { Id = id, Type = type, Object = o }),
        [EventTypes.CheckoutSessionNftMinted] = Of(Json.CheckoutSession, static (id, type, o) => new CheckoutSessionNftMinted { Id = id, Type = type, Object = o }),
        [EventTypes.CustomerSubscriptionCreated] = Of(Json.Subscription, static (id, type, o) => new SubscriptionCreated { Id = id, Type = type, Object = o }),
        [EventTypes.CustomerSubscriptionStarted] = Of(Json.Subscription, static (id, type, o) => new SubscriptionStarted { Id = id, Type = type, Object = o }),
        [EventTypes.CustomerSubscriptionRenewed] = Of(Json.Subscription, static (id, type, o) => new SubscriptionRenewed { Id = id, Type = type, Object = o }),
        [EventTypes.CustomerSubscriptionUpgraded] = Of(Json.Subscription, static (id, type, o) => new SubscriptionUpgraded { Id = id, Type = type, Object = o }),
        [EventTypes.CustomerSubscriptionUpdated] = Of(Json.Subscription, static (id, type, o) => new SubscriptionUpdated { Id = id, Type = type, Object = o }),
        [EventTypes.CustomerSubscriptionDeleted] = Of(Json.Subscription, static (id, type, o) => new SubscriptionDeleted { Id = id, Type = type, Object = o }),
        [EventTypes.CustomerSubscriptionPaused] = Of(Json.Subscription, static (id, type, o) => new SubscriptionPaused { Id = id, Type = type, Object = o }),
        [EventTypes.CustomerSubscriptionResumed] = Of(Json.Subscription, static (id, type, o) => new SubscriptionResumed { Id = id, Type = type, Object = o }),
        [EventTypes.CustomerSubscriptionTrialStart] = Of(Json.Subscription, static (id, type, o) => new SubscriptionTrialStart { Id = id, Type = type, Object = o }),
        [EventTypes.CustomerSubscriptionTrialWillEnd] = Of(Json.Subscription, static (id, type, o) => new SubscriptionTrialWillEnd { Id = id, Type = type, Object = o }),
        [EventTypes.CustomerSubscriptionTrialEnd] = Of(Json.Subscription, static (id, type, o) => new SubscriptionTrialEnd { Id = id, Type = type, Object = o }),
        [EventTypes.PaymentIntentSucceeded] = Of(Json.PaymentIntent, static (id, type, o) => new PaymentIntentSucceeded { Id = id, Type = type, Object = o }),
        [EventTypes.PaymentIntentPaymentFailed] = Of(Json.PaymentIntent, static (id, type, o) => new PaymentIntentPaymentFailed { Id = id, Type = type, Object = o }),
        [EventTypes.InvoicePaid] = Of(Json.Invoice, static (id, type, o) => new InvoicePaid { Id = id, Type = type, Object = o }),
        [EventTypes.RefundSucceeded] = Of(Json.Refund, static (id, type, o) => new RefundSucceeded { Id = id, Type = type, Object = o }),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>
    /// Payment Kit's model names (<c>object_type</c>), matched ignoring case; snake_case spellings are accepted too
    /// because the event-bus publisher copies object_type from whatever the caller passed.
    /// </summary>
    internal static FrozenDictionary<string, Factory> ByObjectType { get; } = BuildByObjectType();

    internal static FrozenDictionary<string, Type> DocumentedClasses { get; } =
        ByDocumentedType.ToFrozenDictionary(static p => p.Key, static p => p.Value.ClrType, StringComparer.Ordinal);

    /// <summary>
    /// For a type that is not documented and has no (known) object_type: the object its name implies, so
    /// <c>customer.subscription.past_due</c> is a <see cref="PaymentEvent{Subscription}"/> like the documented ones.
    /// </summary>
    internal static Factory? ByTypePrefix(string type)
    {
        var resource = type switch
        {
            _ when type.StartsWith("customer.subscription.", StringComparison.Ordinal) => nameof(Subscription),
            _ when type.StartsWith("checkout.session.", StringComparison.Ordinal) => nameof(CheckoutSession),
            _ when type.StartsWith("payment_intent.", StringComparison.Ordinal) => nameof(PaymentIntent),
            _ when type.StartsWith("invoice.", StringComparison.Ordinal) => nameof(Invoice),
            _ when type.StartsWith("refund.", StringComparison.Ordinal) => nameof(Refund),
            EventTypes.CustomerCreated or EventTypes.CustomerUpdated or EventTypes.CustomerDeleted => nameof(Customer),
            _ => null,
        };
        return resource is null ? null : ByObjectType[resource];
    }

    internal static Factory Untyped { get; } = new(typeof(UntypedPaymentEvent), static (e, o) => Fill(new UntypedPaymentEvent { Id = e.Id!, Type = e.Type!, Object = o }, e));

    private static FrozenDictionary<string, Factory> BuildByObjectType()
    {
        var map = new Dictionary<string, Factory>(StringComparer.OrdinalIgnoreCase);
        Add(nameof(Subscription), "subscription", Of(Json.Subscription, static (id, type, o) => new PaymentEvent<Subscription> { Id = id, Type = type, Object = o }));
        Add(nameof(CheckoutSession), "checkout_session", Of(Json.CheckoutSession, static (id, type, o) => new PaymentEvent<CheckoutSession> { Id = id, Type = type, Object = o }));
        Add(nameof(PaymentIntent), "payment_intent", Of(Json.PaymentIntent, static (id, type, o) => new PaymentEvent<PaymentIntent> { Id = id, Type = type, Object = o }));
        Add(nameof(Invoice), "invoice", Of(Json.Invoice, static (id, type, o) => new PaymentEvent<Invoice> { Id = id, Type = type, Object = o }));
        Add(nameof(Refund), "refund", Of(Json.Refund, static (id, type, o) => new PaymentEvent<Refund> { Id = id, Type = type, Object = o }));
        Add(nameof(Customer), "customer", Of(Json.Customer, static (id, type, o) => new PaymentEvent<Customer> { Id = id, Type = type, Object = o }));
        return map.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

        void Add(string name, string snakeName, Factory factory)
        {
            map[name] = factory;
            map[snakeName] = factory;
        }
    }

    private static Factory Of<TObject, TEvent>(JsonTypeInfo<TObject> typeInfo, Func<string, string, TObject, TEvent> create)
        where TObject : class
        where TEvent : PaymentEvent<TObject> =>
        new(typeof(TEvent), (envelope, json) =>
        {
            // All members of the models are optional, so any JSON object deserializes; null only for a JSON null.
            var resource = json.Deserialize(typeInfo) ?? throw new JsonException($"data.object is not a {typeof(TObject).Name}.");
            return Fill(create(envelope.Id!, envelope.Type!, resource), envelope);
        });

    /// <summary>Copies the envelope onto a freshly built event (one clone; keeps the per-class factories one line each).</summary>
    private static PaymentEvent Fill(PaymentEvent paymentEvent, EventEnvelope e) => paymentEvent with
    {
        Livemode = e.Livemode,
        ApiVersion = e.ApiVersion,
        ObjectType = NullIfEmpty(e.ObjectType) ?? NullIfEmpty(e.Data?.ObjectType),
        ObjectId = NullIfEmpty(e.ObjectId) ?? NullIfEmpty(e.Data?.ObjectId),
        PreviousAttributes = e.Data?.PreviousAttributes is { ValueKind: not JsonValueKind.Null } previous ? previous : null,
        Request = e.Request,
        PendingWebhooks = e.PendingWebhooks,
        Metadata = e.Metadata,
        CreatedAt = e.CreatedAt,
        UpdatedAt = e.UpdatedAt,
        Source = e.Source,
        Time = e.Time,
        SpecVersion = e.SpecVersion,
        ExtensionData = e.ExtensionData,
    };

    internal static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
