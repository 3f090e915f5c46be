using System.Text.Json;
using System.Text.Json.Serialization;

namespace PaymentEvents.Events;

// Shapes from @blocklet/payment-types@1.27.2 (docs/protocol.md §2). Every member is optional: Payment Kit adds fields and
// enum values without notice; unknown ones land in ExtensionData. Amounts are exact decimal strings (token units).

/// <summary>Price (price.d.ts); present in webhook objects only when Payment Kit expands line items.</summary>
public sealed record Price
{
    [JsonPropertyName("id")]
    public string? Id { get; init; }

    [JsonPropertyName("object")]
    public string? ObjectKind { get; init; }

    [JsonPropertyName("product_id")]
    public string? ProductId { get; init; }

    [JsonPropertyName("nickname")]
    public string? Nickname { get; init; }

    [JsonPropertyName("active")]
    public bool? Active { get; init; }

    [JsonPropertyName("livemode")]
    public bool? Livemode { get; init; }

    [JsonPropertyName("locked")]
    public bool? Locked { get; init; }

    /// <summary>Known values: <see cref="PaymentEvents.Events.PriceType"/>; any other string is kept as is.</summary>
    [JsonPropertyName("type")]
    public string? Type { get; init; }

    [JsonPropertyName("billing_scheme")]
    public string? BillingScheme { get; init; }

    /// <summary>Exact decimal string in token units (a JSON number is read as its literal text).</summary>
    [JsonPropertyName("unit_amount")]
    public string? UnitAmount { get; init; }

    [JsonPropertyName("recurring")]
    public PriceRecurring? Recurring { get; init; }

    [JsonPropertyName("tiers_mode")]
    public string? TiersMode { get; init; }

    [JsonPropertyName("tiers")]
    public IReadOnlyList<PriceTier>? Tiers { get; init; }

    [JsonPropertyName("custom_unit_amount")]
    public CustomUnitAmount? CustomUnitAmount { get; init; }

    [JsonPropertyName("lookup_key")]
    public string? LookupKey { get; init; }

    [JsonPropertyName("metadata")]
    public IReadOnlyDictionary<string, JsonElement>? Metadata { get; init; }

    [JsonPropertyName("transform_quantity")]
    public TransformQuantity? TransformQuantity { get; init; }

    [JsonPropertyName("currency_id")]
    public string? CurrencyId { get; init; }

    [JsonPropertyName("currency_options")]
    public IReadOnlyList<PriceCurrency>? CurrencyOptions { get; init; }

    [JsonPropertyName("upsell")]
    public JsonElement? Upsell { get; init; }

    [JsonPropertyName("quantity_available")]
    public long? QuantityAvailable { get; init; }

    [JsonPropertyName("quantity_sold")]
    public long? QuantitySold { get; init; }

    [JsonPropertyName("quantity_limit_per_checkout")]
    public long? QuantityLimitPerCheckout { get; init; }

    [JsonPropertyName("tax_behavior")]
    public string? TaxBehavior { get; init; }

    [JsonPropertyName("pricing_type")]
    public string? PricingType { get; init; }

    [JsonPropertyName("base_currency")]
    public string? BaseCurrency { get; init; }

    /// <summary>Exact decimal string in token units (a JSON number is read as its literal text).</summary>
    [JsonPropertyName("base_amount")]
    public string? BaseAmount { get; init; }

    [JsonPropertyName("dynamic_pricing_config")]
    public JsonElement? DynamicPricingConfig { get; init; }

    [JsonPropertyName("product")]
    public Product? Product { get; init; }

    [JsonPropertyName("currency")]
    public PaymentCurrency? Currency { get; init; }

    /// <summary>ISO-8601 on the wire.</summary>
    [JsonPropertyName("created_at")]
    public DateTimeOffset? CreatedAt { get; init; }

    [JsonPropertyName("created_via")]
    public string? CreatedVia { get; init; }

    /// <summary>ISO-8601 on the wire.</summary>
    [JsonPropertyName("updated_at")]
    public DateTimeOffset? UpdatedAt { get; init; }

    /// <summary>Members this version does not model; kept, never an error. Settable for the source-generated serializer.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
