using System.Text.Json;
using System.Text.Json.Serialization;

namespace PaymentEvents.Registration;

/// <summary>A Payment Kit webhook endpoint (docs/protocol.md §4; <c>webhook-endpoint.d.ts</c>).</summary>
internal sealed record WebhookEndpoint
{
    [JsonPropertyName("id")]
    public string Id { get; init; } = "";

    [JsonPropertyName("livemode")]
    public bool? Livemode { get; init; }

    [JsonPropertyName("api_version")]
    public string? ApiVersion { get; init; }

    [JsonPropertyName("url")]
    public string? Url { get; init; }

    [JsonPropertyName("description")]
    public string? Description { get; init; }

    [JsonPropertyName("enabled_events")]
    public IReadOnlyList<string>? EnabledEvents { get; init; }

    /// <summary>Free-form metadata; values are kept as JSON so nothing another service stored is lost on update.</summary>
    [JsonPropertyName("metadata")]
    public IReadOnlyDictionary<string, JsonElement>? Metadata { get; init; }

    /// <summary><c>enabled</c> or <c>disabled</c> (an open set: unknown values deserialize).</summary>
    [JsonPropertyName("status")]
    public string? Status { get; init; }

    [JsonPropertyName("created_via")]
    public string? CreatedVia { get; init; }

    [JsonPropertyName("created_at")]
    public JsonElement? CreatedAt { get; init; }

    [JsonPropertyName("updated_at")]
    public JsonElement? UpdatedAt { get; init; }

    /// <summary>Fields this version does not know; kept, never an error.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; init; }
}

/// <summary>One page of <c>GET /api/webhook-endpoints</c>: <c>{ list, count }</c>.</summary>
internal sealed record WebhookEndpointPage
{
    [JsonPropertyName("list")]
    public IReadOnlyList<WebhookEndpoint> List { get; init; } = [];

    /// <summary>Total number of endpoints across every page.</summary>
    [JsonPropertyName("count")]
    public int Count { get; init; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; init; }
}

/// <summary>Body of create (<c>POST</c>) and update (<c>PUT</c>); null members are not sent.</summary>
internal sealed record WebhookEndpointWrite
{
    [JsonPropertyName("url")]
    public string? Url { get; init; }

    [JsonPropertyName("enabled_events")]
    public IReadOnlyList<string>? EnabledEvents { get; init; }

    [JsonPropertyName("description")]
    public string? Description { get; init; }

    [JsonPropertyName("metadata")]
    public IReadOnlyDictionary<string, JsonElement>? Metadata { get; init; }

    [JsonPropertyName("status")]
    public string? Status { get; init; }
}
