using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.Json;
using PaymentEvents.Events.Json;

namespace PaymentEvents.Events;

/// <summary>
/// Turns a Payment Kit event (webhook body or event-bus envelope, docs/protocol.md §2) into its CLR class: the sealed class of
/// a documented <c>type</c>; else <see cref="PaymentEvent{TObject}"/> by <c>object_type</c> (or, without one, by the
/// resource the type name starts with); else <see cref="UntypedPaymentEvent"/>. Unknown types, fields and enum values
/// never fail; only input that is not a JSON object with a string <c>id</c> and <c>type</c> does.
/// </summary>
public static class PaymentEventParser
{
    /// <summary>
    /// The deepest nesting of an event, in JSON levels (the root object is 1): the one limit for receiving (deeper is a
    /// 400), parsing to the typed model and showing through the admin API, so whatever was acknowledged can be handled
    /// and inspected. Well past what the sender's own stack takes (<c>JSON.parse</c> and the SDK's recursive
    /// <c>json-stable-stringify</c>, which sign 1,000 levels without trouble; Payment Kit events nest about 6 deep), and
    /// safe to walk: the reader, <c>JsonDocument</c>, the canonical writer and the typed model's free-form parts
    /// (metadata, unknown fields: <see cref="JsonElement"/>) are iterative, and the typed classes nest only as deep as
    /// the model itself.
    /// </summary>
    public const int MaxDepth = 4096;

    /// <summary>The documented event types and their classes (docs/protocol.md §2 table).</summary>
    public static IReadOnlyDictionary<string, Type> DocumentedEventClasses => EventClasses.DocumentedClasses;

    /// <summary>
    /// The class events of <paramref name="type"/> are parsed to, assuming Payment Kit sends the object type the name
    /// implies: the documented class; <see cref="PaymentEvent{TObject}"/> for other types of a modelled resource
    /// (e.g. <c>customer.subscription.past_due</c>); <see cref="UntypedPaymentEvent"/> for the rest. Null for an empty name.
    /// </summary>
    public static Type? EventClassFor(string type)
    {
        if (string.IsNullOrEmpty(type))
        {
            return null;
        }

        return EventClasses.ByDocumentedType.TryGetValue(type, out var documented)
            ? documented.ClrType
            : (EventClasses.ByTypePrefix(type) ?? EventClasses.Untyped).ClrType;
    }

    /// <summary>Parses UTF-8 JSON; false with a one-line <paramref name="error"/> (never an exception) when it is not an event.</summary>
    public static bool TryParse(ReadOnlySpan<byte> utf8Json, [NotNullWhen(true)] out PaymentEvent? paymentEvent, out string? error)
    {
        paymentEvent = null;
        EventEnvelope? envelope;

        // A lone surrogate escape is valid JSON that no .NET string can hold: the model sees U+FFFD instead.
        if (LoneSurrogates.Replace(utf8Json) is { } readable)
        {
            utf8Json = readable;
        }

        try
        {
            var reader = new Utf8JsonReader(utf8Json, new JsonReaderOptions { MaxDepth = MaxDepth });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                error = "An event must be a JSON object.";
                return false;
            }

            envelope = JsonSerializer.Deserialize(utf8Json, PaymentEventsJsonContext.Default.EventEnvelope);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            error = $"Invalid JSON: {ex.Message}";
            return false;
        }

        if (envelope is null)
        {
            error = "An event must be a JSON object.";
            return false;
        }

        if (string.IsNullOrEmpty(envelope.Id) || string.IsNullOrEmpty(envelope.Type))
        {
            error = "An event needs a non-empty string \"id\" and \"type\".";
            return false;
        }

        var factory = Pick(envelope);
        var json = envelope.Data?.Object is { ValueKind: not JsonValueKind.Null } data ? data : (JsonElement?)null;
        if (json is null)
        {
            // No data.object: nothing to type, but the event is still an event (docs/protocol.md §2: any type is accepted).
            paymentEvent = EventClasses.Untyped.Create(envelope, NullElement);
            error = null;
            return true;
        }

        if (!ReferenceEquals(factory, EventClasses.Untyped) && json.Value.ValueKind != JsonValueKind.Object)
        {
            error = $"data.object of a {envelope.Type} event must be a JSON object, not {json.Value.ValueKind}.";
            return false;
        }

        try
        {
            paymentEvent = factory.Create(envelope, json.Value);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException && !ReferenceEquals(factory, EventClasses.Untyped))
        {
            // A genuine event whose data.object the typed model cannot hold (e.g. a string that is not valid UTF-8
            // surfacing only when a member is materialized): still an event, handed on untyped, so catch-all handlers
            // (IPaymentEventHandler<PaymentEvent>) get it instead of it going dead.
            paymentEvent = EventClasses.Untyped.Create(envelope, json.Value);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            error = $"data.object could not be read as {factory.ClrType.Name}: {ex.Message}";
            return false;
        }

        error = null;
        return true;
    }

    /// <inheritdoc cref="TryParse(ReadOnlySpan{byte}, out PaymentEvent?, out string?)"/>
    public static bool TryParse(string json, [NotNullWhen(true)] out PaymentEvent? paymentEvent, out string? error) =>
        TryParse(Encoding.UTF8.GetBytes(json), out paymentEvent, out error);

    /// <summary>Parses UTF-8 JSON; throws <see cref="JsonException"/> with the reason when it is not an event.</summary>
    public static PaymentEvent Parse(ReadOnlySpan<byte> utf8Json) =>
        TryParse(utf8Json, out var paymentEvent, out var error) ? paymentEvent : throw new JsonException(error);

    /// <inheritdoc cref="Parse(ReadOnlySpan{byte})"/>
    public static PaymentEvent Parse(string json) => Parse(Encoding.UTF8.GetBytes(json));

    private static readonly JsonElement NullElement = JsonElement.Parse("null");

    private static EventClasses.Factory Pick(EventEnvelope envelope)
    {
        if (EventClasses.ByDocumentedType.TryGetValue(envelope.Type!, out var documented))
        {
            return documented;
        }

        var objectType = EventClasses.NullIfEmpty(envelope.ObjectType) ?? EventClasses.NullIfEmpty(envelope.Data?.ObjectType);
        if (objectType is not null)
        {
            return EventClasses.ByObjectType.TryGetValue(objectType, out var byObject) ? byObject : EventClasses.Untyped;
        }

        return EventClasses.ByTypePrefix(envelope.Type!) ?? EventClasses.Untyped;
    }
}
