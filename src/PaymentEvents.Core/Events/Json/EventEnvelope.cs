using System.Text.Json;
using System.Text.Json.Serialization;

namespace PaymentEvents.Events.Json;

/// <summary>
/// Both wire forms of an event (docs/protocol.md §2): the webhook body (event.d.ts) and the event-bus envelope
/// (@blocklet/sdk validators/event.js: source, time, spec_version, data.type). Read first, so the parser can pick
/// the event class from <c>type</c> and <c>object_type</c> before it reads <c>data.object</c>.
/// </summary>
internal sealed class EventEnvelope
{
    [JsonPropertyName("id")]
    [JsonConverter(typeof(StrictStringConverter))]
    public string? Id { get; set; }

    [JsonPropertyName("type")]
    [JsonConverter(typeof(StrictStringConverter))]
    public string? Type { get; set; }

    [JsonPropertyName("livemode")]
    public bool? Livemode { get; set; }

    [JsonPropertyName("api_version")]
    public string? ApiVersion { get; set; }

    [JsonPropertyName("object_type")]
    public string? ObjectType { get; set; }

    [JsonPropertyName("object_id")]
    public string? ObjectId { get; set; }

    [JsonPropertyName("data")]
    public EventEnvelopeData? Data { get; set; }

    [JsonPropertyName("request")]
    public EventRequest? Request { get; set; }

    [JsonPropertyName("pending_webhooks")]
    public int? PendingWebhooks { get; set; }

    [JsonPropertyName("metadata")]
    public IReadOnlyDictionary<string, JsonElement>? Metadata { get; set; }

    [JsonPropertyName("created_at")]
    public DateTimeOffset? CreatedAt { get; set; }

    [JsonPropertyName("updated_at")]
    public DateTimeOffset? UpdatedAt { get; set; }

    [JsonPropertyName("source")]
    public string? Source { get; set; }

    [JsonPropertyName("time")]
    public DateTimeOffset? Time { get; set; }

    [JsonPropertyName("spec_version")]
    public string? SpecVersion { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; set; }
}

/// <summary><c>data</c> of either form. The event bus spreads the publisher's data, so object_type/object_id may sit here too.</summary>
internal sealed class EventEnvelopeData
{
    [JsonPropertyName("object")]
    public JsonElement? Object { get; set; }

    [JsonPropertyName("previous_attributes")]
    public JsonElement? PreviousAttributes { get; set; }

    [JsonPropertyName("type")]
    public string? ContentType { get; set; }

    [JsonPropertyName("object_type")]
    public string? ObjectType { get; set; }

    [JsonPropertyName("object_id")]
    public string? ObjectId { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; set; }
}
