using System.Text.Json;
using System.Text.Json.Serialization;

namespace PaymentEvents.Events;

// Shapes from @blocklet/payment-types@1.27.2 (docs/protocol.md §2). Every member is optional: Payment Kit adds fields and
// enum values without notice; unknown ones land in ExtensionData. Amounts are exact decimal strings (token units).

/// <summary>PaymentCurrency (payment-currency.d.ts), when expanded.</summary>
public sealed record PaymentCurrency
{
    [JsonPropertyName("id")]
    public string? Id { get; init; }

    [JsonPropertyName("livemode")]
    public bool? Livemode { get; init; }

    [JsonPropertyName("active")]
    public bool? Active { get; init; }

    [JsonPropertyName("name")]
    public string? Name { get; init; }

    [JsonPropertyName("description")]
    public string? Description { get; init; }

    [JsonPropertyName("symbol")]
    public string? Symbol { get; init; }

    [JsonPropertyName("logo")]
    public string? Logo { get; init; }

    [JsonPropertyName("decimal")]
    public int? Decimals { get; init; }

    [JsonPropertyName("type")]
    public string? Type { get; init; }

    [JsonPropertyName("payment_method_id")]
    public string? PaymentMethodId { get; init; }

    [JsonPropertyName("locked")]
    public bool? Locked { get; init; }

    [JsonPropertyName("contract")]
    public string? Contract { get; init; }

    /// <summary>Exact decimal string in token units (a JSON number is read as its literal text).</summary>
    [JsonPropertyName("minimum_payment_amount")]
    public string? MinimumPaymentAmount { get; init; }

    /// <summary>Exact decimal string in token units (a JSON number is read as its literal text).</summary>
    [JsonPropertyName("maximum_payment_amount")]
    public string? MaximumPaymentAmount { get; init; }

    [JsonPropertyName("vault_config")]
    public JsonElement? VaultConfig { get; init; }

    [JsonPropertyName("recharge_config")]
    public JsonElement? RechargeConfig { get; init; }

    [JsonPropertyName("token_config")]
    public JsonElement? TokenConfig { get; init; }

    [JsonPropertyName("maximum_precision")]
    public int? MaximumPrecision { get; init; }

    [JsonPropertyName("is_base_currency")]
    public bool? IsBaseCurrency { get; init; }

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
