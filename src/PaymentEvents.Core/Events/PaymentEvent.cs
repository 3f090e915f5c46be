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
    /// <summary>The payload's <c>id</c>.</summary>
    [JsonPropertyName("id")]
    public required string Id { get; init; }

    /// <summary>The payload's <c>type</c>.</summary>
    [JsonPropertyName("type")]
    public required string Type { get; init; }

    /// <summary>The payload's <c>livemode</c>.</summary>
    [JsonPropertyName("livemode")]
    public bool? Livemode { get; init; }

    /// <summary>The payload's <c>api_version</c>.</summary>
    [JsonPropertyName("api_version")]
    public string? ApiVersion { get; init; }

    /// <summary>Payment Kit's model name of <c>data.object</c>, e.g. <c>Subscription</c>, <c>CheckoutSession</c>.</summary>
    [JsonPropertyName("object_type")]
    public string? ObjectType { get; init; }

    /// <summary>The payload's <c>object_id</c>.</summary>
    [JsonPropertyName("object_id")]
    public string? ObjectId { get; init; }

    /// <summary><c>data.previous_attributes</c>: the fields that changed, with their old values.</summary>
    [JsonIgnore]
    public JsonElement? PreviousAttributes { get; init; }

    /// <summary>The API request that caused the event, when there was one.</summary>
    [JsonPropertyName("request")]
    public EventRequest? Request { get; init; }

    /// <summary>The payload's <c>pending_webhooks</c>.</summary>
    [JsonPropertyName("pending_webhooks")]
    public int? PendingWebhooks { get; init; }

    /// <summary>The payload's <c>metadata</c>.</summary>
    [JsonPropertyName("metadata")]
    public IReadOnlyDictionary<string, JsonElement>? Metadata { get; init; }

    /// <summary>The payload's <c>created_at</c>.</summary>
    [JsonPropertyName("created_at")]
    public DateTimeOffset? CreatedAt { get; init; }

    /// <summary>The payload's <c>updated_at</c>.</summary>
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
    /// <summary>The payload's <c>id</c>.</summary>
    [JsonPropertyName("id")]
    public string? Id { get; init; }

    /// <summary>The payload's <c>idempotency_key</c>.</summary>
    [JsonPropertyName("idempotency_key")]
    public string? IdempotencyKey { get; init; }

    /// <summary>The payload's <c>requested_by</c>.</summary>
    [JsonPropertyName("requested_by")]
    public string? RequestedBy { get; init; }

    /// <summary>Members this version does not model; kept, never an error. Settable for the source-generated serializer.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
