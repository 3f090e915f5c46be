using System.Text.Json;
using System.Text.Json.Serialization;

namespace PaymentEvents.Events;

// Shapes from @blocklet/payment-types@1.27.2 (docs/protocol.md §2). Every member is optional: Payment Kit adds fields and
// enum values without notice; unknown ones land in ExtensionData. Amounts are exact decimal strings (token units).

/// <summary>PaymentError of types.d.ts.</summary>
public sealed record PaymentError
{
    /// <summary>Known values: <see cref="PaymentEvents.Events.PaymentErrorType"/>; any other string is kept as is.</summary>
    [JsonPropertyName("type")]
    public string? Type { get; init; }

    [JsonPropertyName("charge")]
    public string? Charge { get; init; }

    [JsonPropertyName("code")]
    public string? Code { get; init; }

    [JsonPropertyName("decline_code")]
    public string? DeclineCode { get; init; }

    [JsonPropertyName("doc_url")]
    public string? DocUrl { get; init; }

    [JsonPropertyName("message")]
    public string? Message { get; init; }

    [JsonPropertyName("param")]
    public string? Param { get; init; }

    [JsonPropertyName("payment_settings")]
    public JsonElement? PaymentSettings { get; init; }

    [JsonPropertyName("payment_method_id")]
    public string? PaymentMethodId { get; init; }

    [JsonPropertyName("payment_method_type")]
    public string? PaymentMethodType { get; init; }

    /// <summary>Members this version does not model; kept, never an error. Settable for the source-generated serializer.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}

/// <summary>PaymentSettings of types.d.ts.</summary>
public sealed record PaymentSettings
{
    [JsonPropertyName("payment_method_options")]
    public PaymentMethodOptions? PaymentMethodOptions { get; init; }

    [JsonPropertyName("payment_method_types")]
    public IReadOnlyList<string>? PaymentMethodTypes { get; init; }

    /// <summary>Members this version does not model; kept, never an error. Settable for the source-generated serializer.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}

/// <summary>PaymentMethodOptions of types.d.ts: the payer per method.</summary>
public sealed record PaymentMethodOptions
{
    [JsonPropertyName("arcblock")]
    public PayerOption? Arcblock { get; init; }

    [JsonPropertyName("ethereum")]
    public PayerOption? Ethereum { get; init; }

    [JsonPropertyName("base")]
    public PayerOption? Base { get; init; }

    [JsonPropertyName("stripe")]
    public PayerOption? Stripe { get; init; }

    /// <summary>Members this version does not model; kept, never an error. Settable for the source-generated serializer.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}

/// <summary>One method's payer (and tx hash when known).</summary>
public sealed record PayerOption
{
    [JsonPropertyName("payer")]
    public string? Payer { get; init; }

    [JsonPropertyName("hash")]
    public string? Hash { get; init; }

    /// <summary>Members this version does not model; kept, never an error. Settable for the source-generated serializer.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
