using System.Collections.Frozen;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using PaymentEvents.Events.Json;

namespace PaymentEvents.Events;

/// <summary>
/// The static name → class maps behind <see cref="PaymentEventParser"/>: documented type → sealed class, and
/// object_type → <see cref="PaymentEvent{TObject}"/> for every other type (docs/protocol.md §2).
/// </summary>
internal static class EventClasses
{
    /// <summary>Builds one event class from the envelope and <c>data.object</c>; null when the object is not JSON of that shape.</summary>
    internal sealed record Factory(Type ClrType, Func<EventEnvelope, JsonElement, PaymentEvent> Create);

    private static PaymentEventsJsonContext Json => PaymentEventsJsonContext.Default;

    /// <summary>
    /// The resources the library models: CLR type, Payment Kit's model name (the class name) and its snake_case
    /// spelling, and how to build an event of a given class around one.
    /// </summary>
    private static readonly Model[] Models =
    [
        Modelled(Json.Subscription, "subscription"),
        Modelled(Json.CheckoutSession, "checkout_session"),
        Modelled(Json.PaymentIntent, "payment_intent"),
        Modelled(Json.Invoice, "invoice"),
        Modelled(Json.Refund, "refund"),
        Modelled(Json.Customer, "customer"),
    ];

    /// <summary>
    /// Documented type → its sealed class, read from the <see cref="EventTypeAttribute"/> on the classes in
    /// DocumentedEvents.cs (the only place the list is written), in declaration order.
    /// </summary>
    internal static IReadOnlyList<(string Type, Type ClrType)> Documented { get; } = FindDocumented();

    internal static FrozenDictionary<string, Factory> ByDocumentedType { get; } = Documented
        .ToFrozenDictionary(static d => d.Type, static d => ModelOf(d.ClrType).FactoryFor(d.ClrType), StringComparer.Ordinal);

    /// <summary>
    /// Payment Kit's model names (<c>object_type</c>), matched ignoring case; snake_case spellings are accepted too
    /// because the event-bus publisher copies object_type from whatever the caller passed.
    /// </summary>
    internal static FrozenDictionary<string, Factory> ByObjectType { get; } = BuildByObjectType();

    internal static FrozenDictionary<string, Type> DocumentedClasses { get; } =
        Documented.ToFrozenDictionary(static d => d.Type, static d => d.ClrType, StringComparer.Ordinal);

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
        foreach (var model in Models)
        {
            var factory = model.FactoryFor(typeof(PaymentEvent<>).MakeGenericType(model.ObjectClass));
            map[model.ObjectClass.Name] = factory;
            map[model.SnakeName] = factory;
        }

        return map.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }

    private static List<(string Type, Type ClrType)> FindDocumented() =>
        [.. typeof(EventClasses).Assembly.GetTypes()
            .Select(static t => (ClrType: t, Attribute: t.GetCustomAttribute<EventTypeAttribute>()))
            .Where(static t => t.Attribute is not null)
            .OrderBy(static t => t.ClrType.MetadataToken)
            .Select(static t => (t.Attribute!.Type, t.ClrType))];

    private static Model ModelOf(Type eventClass) =>
        Array.Find(Models, m => m.ObjectClass == eventClass.BaseType?.GetGenericArguments().SingleOrDefault())
        ?? throw new InvalidOperationException($"{eventClass.Name} does not derive from PaymentEvent<T> of a modelled resource.");

    /// <summary>A modelled resource; <see cref="FactoryFor"/> takes the event class to build (a <c>PaymentEvent&lt;TObject&gt;</c>).</summary>
    private sealed record Model(Type ObjectClass, string SnakeName, Func<Type, Factory> FactoryFor);

    private static Model Modelled<TObject>(JsonTypeInfo<TObject> typeInfo, string snakeName)
        where TObject : class =>
        new(typeof(TObject), snakeName, eventClass => Of(typeInfo, eventClass));

    private static Factory Of<TObject>(JsonTypeInfo<TObject> typeInfo, Type eventClass)
        where TObject : class
    {
        // One blank instance per class, made once; each event is a `with` clone of it (records have no other
        // constructor to call without naming the class, and this keeps the list of classes in one place).
        var blank = (PaymentEvent<TObject>)Activator.CreateInstance(eventClass)!;
        return new(eventClass, (envelope, json) =>
        {
            // All members of the models are optional, so any JSON object deserializes; null only for a JSON null.
            var resource = json.Deserialize(typeInfo) ?? throw new JsonException($"data.object is not a {typeof(TObject).Name}.");
            return Fill(blank with { Id = envelope.Id!, Type = envelope.Type!, Object = resource }, envelope);
        });
    }

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
