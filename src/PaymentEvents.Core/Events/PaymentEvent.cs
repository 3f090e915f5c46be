using System.Text.Json;
using System.Text.Json.Serialization;

namespace PaymentEvents.Events;

/// <summary>
/// A Payment Kit event (webhook form, docs/protocol.md §2; <c>Event</c> in event.d.ts). Handlers receive a concrete
/// subclass: one sealed record per documented type (e.g. <see cref="SubscriptionStarted"/>), a
/// <see cref="PaymentEvent{TObject}"/> for other types whose object type is modelled, or
/// <see cref="UntypedPaymentEvent"/> otherwise. Built by <see cref="PaymentEventParser"/>, which also reads the
/// event-bus envelope (<see cref="Source"/>, <see cref="Time"/>, <see cref="SpecVersion"/> are set only there).
/// </summary>
public abstract record PaymentEvent
{
    [JsonPropertyName("id")]
    public required string Id { get; init; }

    [JsonPropertyName("type")]
    public required string Type { get; init; }

    [JsonPropertyName("livemode")]
    public bool? Livemode { get; init; }

    [JsonPropertyName("api_version")]
    public string? ApiVersion { get; init; }

    /// <summary>Payment Kit's model name of <c>data.object</c>, e.g. <c>Subscription</c>, <c>CheckoutSession</c>.</summary>
    [JsonPropertyName("object_type")]
    public string? ObjectType { get; init; }

    [JsonPropertyName("object_id")]
    public string? ObjectId { get; init; }

    /// <summary><c>data.previous_attributes</c>: the fields that changed, with their old values.</summary>
    [JsonIgnore]
    public JsonElement? PreviousAttributes { get; init; }

    /// <summary>The API request that caused the event, when there was one.</summary>
    [JsonPropertyName("request")]
    public EventRequest? Request { get; init; }

    [JsonPropertyName("pending_webhooks")]
    public int? PendingWebhooks { get; init; }

    [JsonPropertyName("metadata")]
    public IReadOnlyDictionary<string, JsonElement>? Metadata { get; init; }

    [JsonPropertyName("created_at")]
    public DateTimeOffset? CreatedAt { get; init; }

    [JsonPropertyName("updated_at")]
    public DateTimeOffset? UpdatedAt { get; init; }

    /// <summary>Event-bus form only: DID of the component that published the event.</summary>
    [JsonPropertyName("source")]
    public string? Source { get; init; }

    /// <summary>Event-bus form only: when the event was published.</summary>
    [JsonPropertyName("time")]
    public DateTimeOffset? Time { get; init; }

    /// <summary>Event-bus form only (<c>"1.0.0"</c> in @blocklet/sdk 1.17.12).</summary>
    [JsonPropertyName("spec_version")]
    public string? SpecVersion { get; init; }

    /// <summary>Envelope fields this version does not know; kept, never an error.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; init; }
}

/// <summary>An event whose <c>data.object</c> is a <typeparamref name="TObject"/>.</summary>
public record PaymentEvent<TObject> : PaymentEvent
{
    /// <summary><c>data.object</c>: the full resource after the change.</summary>
    [JsonIgnore]
#pragma warning disable CA1720 // "Object" is Payment Kit's own name (data.object)
    public required TObject Object { get; init; }
#pragma warning restore CA1720
}

/// <summary>
/// An event of a type (and object type) this version has no model for. <see cref="PaymentEvent{TObject}.Object"/>
/// is <c>data.object</c> as raw JSON (a JSON <c>null</c> when the event carried none).
/// </summary>
public sealed record UntypedPaymentEvent : PaymentEvent<JsonElement>;

/// <summary><c>request</c> of event.d.ts: the API request behind the event.</summary>
public sealed record EventRequest
{
    [JsonPropertyName("id")]
    public string? Id { get; init; }

    [JsonPropertyName("idempotency_key")]
    public string? IdempotencyKey { get; init; }

    [JsonPropertyName("requested_by")]
    public string? RequestedBy { get; init; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
