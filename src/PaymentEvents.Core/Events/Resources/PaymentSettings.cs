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

    /// <summary>The payload's <c>charge</c>.</summary>
    [JsonPropertyName("charge")]
    public string? Charge { get; init; }

    /// <summary>The payload's <c>code</c>.</summary>
    [JsonPropertyName("code")]
    public string? Code { get; init; }

    /// <summary>The payload's <c>decline_code</c>.</summary>
    [JsonPropertyName("decline_code")]
    public string? DeclineCode { get; init; }

    /// <summary>The payload's <c>doc_url</c>.</summary>
    [JsonPropertyName("doc_url")]
    public string? DocUrl { get; init; }

    /// <summary>The payload's <c>message</c>.</summary>
    [JsonPropertyName("message")]
    public string? Message { get; init; }

    /// <summary>The payload's <c>param</c>.</summary>
    [JsonPropertyName("param")]
    public string? Param { get; init; }

    /// <summary>The payload's <c>payment_settings</c>.</summary>
    [JsonPropertyName("payment_settings")]
    public JsonElement? PaymentSettings { get; init; }

    /// <summary>The payload's <c>payment_method_id</c>.</summary>
    [JsonPropertyName("payment_method_id")]
    public string? PaymentMethodId { get; init; }

    /// <summary>The payload's <c>payment_method_type</c>.</summary>
    [JsonPropertyName("payment_method_type")]
    public string? PaymentMethodType { get; init; }

    /// <summary>Members this version does not model; kept, never an error. Settable for the source-generated serializer.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}

/// <summary>PaymentSettings of types.d.ts.</summary>
public sealed record PaymentSettings
{
    /// <summary>The payload's <c>payment_method_options</c>.</summary>
    [JsonPropertyName("payment_method_options")]
    public PaymentMethodOptions? PaymentMethodOptions { get; init; }

    /// <summary>The payload's <c>payment_method_types</c>.</summary>
    [JsonPropertyName("payment_method_types")]
    public IReadOnlyList<string>? PaymentMethodTypes { get; init; }

    /// <summary>Members this version does not model; kept, never an error. Settable for the source-generated serializer.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}

/// <summary>PaymentMethodOptions of types.d.ts: the payer per method.</summary>
public sealed record PaymentMethodOptions
{
    /// <summary>The payload's <c>arcblock</c>.</summary>
    [JsonPropertyName("arcblock")]
    public PayerOption? Arcblock { get; init; }

    /// <summary>The payload's <c>ethereum</c>.</summary>
    [JsonPropertyName("ethereum")]
    public PayerOption? Ethereum { get; init; }

    /// <summary>The payload's <c>base</c>.</summary>
    [JsonPropertyName("base")]
    public PayerOption? Base { get; init; }

    /// <summary>The payload's <c>stripe</c>.</summary>
    [JsonPropertyName("stripe")]
    public PayerOption? Stripe { get; init; }

    /// <summary>Members this version does not model; kept, never an error. Settable for the source-generated serializer.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}

/// <summary>One method's payer (and tx hash when known).</summary>
public sealed record PayerOption
{
    /// <summary>The payload's <c>payer</c>.</summary>
    [JsonPropertyName("payer")]
    public string? Payer { get; init; }

    /// <summary>The payload's <c>hash</c>.</summary>
    [JsonPropertyName("hash")]
    public string? Hash { get; init; }

    /// <summary>Members this version does not model; kept, never an error. Settable for the source-generated serializer.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
