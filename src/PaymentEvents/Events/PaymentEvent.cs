using System.Text.Json;
using System.Text.Json.Serialization;

namespace PaymentEvents.Events;

// CONTRACT STUB (skeleton): owned by the events helper, who fills in every field of event.d.ts.

/// <summary>
/// A Payment Kit event (webhook form, PROTOCOL §2). Handlers receive a concrete subclass:
/// one sealed record per documented type (e.g. <c>SubscriptionStarted</c>), a
/// <see cref="PaymentEvent{TObject}"/> for other types whose object type is known, or
/// <see cref="UntypedPaymentEvent"/> otherwise.
/// </summary>
public abstract record PaymentEvent
{
    [JsonPropertyName("id")]
    public required string Id { get; init; }

    [JsonPropertyName("type")]
    public required string Type { get; init; }

    [JsonPropertyName("object_id")]
    public string? ObjectId { get; init; }

    [JsonPropertyName("livemode")]
    public bool? Livemode { get; init; }

    /// <summary><c>data.previous_attributes</c>: the fields that changed, with their old values.</summary>
    [JsonIgnore]
    public JsonElement? PreviousAttributes { get; init; }

    /// <summary>Fields this version does not know; kept, never an error.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; init; }
}

/// <summary>An event whose <c>data.object</c> is a <typeparamref name="TObject"/>.</summary>
public record PaymentEvent<TObject> : PaymentEvent
    where TObject : class
{
    /// <summary><c>data.object</c>: the full resource after the change.</summary>
    [JsonIgnore]
#pragma warning disable CA1720 // "Object" is Payment Kit's own name (data.object)
    public required TObject Object { get; init; }
#pragma warning restore CA1720
}

/// <summary>An event of a type (or object type) this version has no model for.</summary>
public sealed record UntypedPaymentEvent : PaymentEvent<object>;
