using System.Text.Json;
using System.Text.Json.Serialization;

namespace PaymentEvents.Events;

// Shapes from @blocklet/payment-types@1.27.2 (docs/protocol.md §2). Every member is optional: Payment Kit adds fields and
// enum values without notice; unknown ones land in ExtensionData. Amounts are exact decimal strings (token units).

/// <summary>PaymentCurrency (payment-currency.d.ts), when expanded.</summary>
public sealed record PaymentCurrency
{
    /// <summary>The payload's <c>id</c>.</summary>
    [JsonPropertyName("id")]
    public string? Id { get; init; }

    /// <summary>The payload's <c>livemode</c>.</summary>
    [JsonPropertyName("livemode")]
    public bool? Livemode { get; init; }

    /// <summary>The payload's <c>active</c>.</summary>
    [JsonPropertyName("active")]
    public bool? Active { get; init; }

    /// <summary>The payload's <c>name</c>.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; init; }

    /// <summary>The payload's <c>description</c>.</summary>
    [JsonPropertyName("description")]
    public string? Description { get; init; }

    /// <summary>The payload's <c>symbol</c>.</summary>
    [JsonPropertyName("symbol")]
    public string? Symbol { get; init; }

    /// <summary>The payload's <c>logo</c>.</summary>
    [JsonPropertyName("logo")]
    public string? Logo { get; init; }

    /// <summary>The payload's <c>decimal</c>.</summary>
    [JsonPropertyName("decimal")]
    public int? Decimals { get; init; }

    /// <summary>The payload's <c>type</c>.</summary>
    [JsonPropertyName("type")]
    public string? Type { get; init; }

    /// <summary>The payload's <c>payment_method_id</c>.</summary>
    [JsonPropertyName("payment_method_id")]
    public string? PaymentMethodId { get; init; }

    /// <summary>The payload's <c>locked</c>.</summary>
    [JsonPropertyName("locked")]
    public bool? Locked { get; init; }

    /// <summary>The payload's <c>contract</c>.</summary>
    [JsonPropertyName("contract")]
    public string? Contract { get; init; }

    /// <summary>Exact decimal string in token units (a JSON number is read as its literal text).</summary>
    [JsonPropertyName("minimum_payment_amount")]
    public string? MinimumPaymentAmount { get; init; }

    /// <summary>Exact decimal string in token units (a JSON number is read as its literal text).</summary>
    [JsonPropertyName("maximum_payment_amount")]
    public string? MaximumPaymentAmount { get; init; }

    /// <summary>The payload's <c>vault_config</c>.</summary>
    [JsonPropertyName("vault_config")]
    public JsonElement? VaultConfig { get; init; }

    /// <summary>The payload's <c>recharge_config</c>.</summary>
    [JsonPropertyName("recharge_config")]
    public JsonElement? RechargeConfig { get; init; }

    /// <summary>The payload's <c>token_config</c>.</summary>
    [JsonPropertyName("token_config")]
    public JsonElement? TokenConfig { get; init; }

    /// <summary>The payload's <c>maximum_precision</c>.</summary>
    [JsonPropertyName("maximum_precision")]
    public int? MaximumPrecision { get; init; }

    /// <summary>The payload's <c>is_base_currency</c>.</summary>
    [JsonPropertyName("is_base_currency")]
    public bool? IsBaseCurrency { get; init; }

    /// <summary>The payload's <c>metadata</c>.</summary>
    [JsonPropertyName("metadata")]
    public IReadOnlyDictionary<string, JsonElement>? Metadata { get; init; }

    /// <summary>ISO-8601 on the wire.</summary>
    [JsonPropertyName("created_at")]
    public DateTimeOffset? CreatedAt { get; init; }

    /// <summary>ISO-8601 on the wire.</summary>
    [JsonPropertyName("updated_at")]
    public DateTimeOffset? UpdatedAt { get; init; }

    /// <summary>Members this version does not model; kept, never an error. Settable for the source-generated serializer.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
