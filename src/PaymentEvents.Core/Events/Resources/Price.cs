using System.Text.Json;
using System.Text.Json.Serialization;

namespace PaymentEvents.Events;

// Shapes from @blocklet/payment-types@1.27.2 (docs/protocol.md §2). Every member is optional: Payment Kit adds fields and
// enum values without notice; unknown ones land in ExtensionData. Amounts are exact decimal strings (token units).

/// <summary>Price (price.d.ts); present in webhook objects only when Payment Kit expands line items.</summary>
public sealed record Price
{
    /// <summary>The payload's <c>id</c>.</summary>
    [JsonPropertyName("id")]
    public string? Id { get; init; }

    /// <summary>The payload's <c>object</c>.</summary>
    [JsonPropertyName("object")]
    public string? ObjectKind { get; init; }

    /// <summary>The payload's <c>product_id</c>.</summary>
    [JsonPropertyName("product_id")]
    public string? ProductId { get; init; }

    /// <summary>The payload's <c>nickname</c>.</summary>
    [JsonPropertyName("nickname")]
    public string? Nickname { get; init; }

    /// <summary>The payload's <c>active</c>.</summary>
    [JsonPropertyName("active")]
    public bool? Active { get; init; }

    /// <summary>The payload's <c>livemode</c>.</summary>
    [JsonPropertyName("livemode")]
    public bool? Livemode { get; init; }

    /// <summary>The payload's <c>locked</c>.</summary>
    [JsonPropertyName("locked")]
    public bool? Locked { get; init; }

    /// <summary>Known values: <see cref="PaymentEvents.Events.PriceType"/>; any other string is kept as is.</summary>
    [JsonPropertyName("type")]
    public string? Type { get; init; }

    /// <summary>The payload's <c>billing_scheme</c>.</summary>
    [JsonPropertyName("billing_scheme")]
    public string? BillingScheme { get; init; }

    /// <summary>Exact decimal string in token units (a JSON number is read as its literal text).</summary>
    [JsonPropertyName("unit_amount")]
    public string? UnitAmount { get; init; }

    /// <summary>The payload's <c>recurring</c>.</summary>
    [JsonPropertyName("recurring")]
    public PriceRecurring? Recurring { get; init; }

    /// <summary>The payload's <c>tiers_mode</c>.</summary>
    [JsonPropertyName("tiers_mode")]
    public string? TiersMode { get; init; }

    /// <summary>The payload's <c>tiers</c>.</summary>
    [JsonPropertyName("tiers")]
    public IReadOnlyList<PriceTier>? Tiers { get; init; }

    /// <summary>The payload's <c>custom_unit_amount</c>.</summary>
    [JsonPropertyName("custom_unit_amount")]
    public CustomUnitAmount? CustomUnitAmount { get; init; }

    /// <summary>The payload's <c>lookup_key</c>.</summary>
    [JsonPropertyName("lookup_key")]
    public string? LookupKey { get; init; }

    /// <summary>The payload's <c>metadata</c>.</summary>
    [JsonPropertyName("metadata")]
    public IReadOnlyDictionary<string, JsonElement>? Metadata { get; init; }

    /// <summary>The payload's <c>transform_quantity</c>.</summary>
    [JsonPropertyName("transform_quantity")]
    public TransformQuantity? TransformQuantity { get; init; }

    /// <summary>The payload's <c>currency_id</c>.</summary>
    [JsonPropertyName("currency_id")]
    public string? CurrencyId { get; init; }

    /// <summary>The payload's <c>currency_options</c>.</summary>
    [JsonPropertyName("currency_options")]
    public IReadOnlyList<PriceCurrency>? CurrencyOptions { get; init; }

    /// <summary>The payload's <c>upsell</c>.</summary>
    [JsonPropertyName("upsell")]
    public JsonElement? Upsell { get; init; }

    /// <summary>The payload's <c>quantity_available</c>.</summary>
    [JsonPropertyName("quantity_available")]
    public long? QuantityAvailable { get; init; }

    /// <summary>The payload's <c>quantity_sold</c>.</summary>
    [JsonPropertyName("quantity_sold")]
    public long? QuantitySold { get; init; }

    /// <summary>The payload's <c>quantity_limit_per_checkout</c>.</summary>
    [JsonPropertyName("quantity_limit_per_checkout")]
    public long? QuantityLimitPerCheckout { get; init; }

    /// <summary>The payload's <c>tax_behavior</c>.</summary>
    [JsonPropertyName("tax_behavior")]
    public string? TaxBehavior { get; init; }

    /// <summary>The payload's <c>pricing_type</c>.</summary>
    [JsonPropertyName("pricing_type")]
    public string? PricingType { get; init; }

    /// <summary>The payload's <c>base_currency</c>.</summary>
    [JsonPropertyName("base_currency")]
    public string? BaseCurrency { get; init; }

    /// <summary>Exact decimal string in token units (a JSON number is read as its literal text).</summary>
    [JsonPropertyName("base_amount")]
    public string? BaseAmount { get; init; }

    /// <summary>The payload's <c>dynamic_pricing_config</c>.</summary>
    [JsonPropertyName("dynamic_pricing_config")]
    public JsonElement? DynamicPricingConfig { get; init; }

    /// <summary>The payload's <c>product</c>.</summary>
    [JsonPropertyName("product")]
    public Product? Product { get; init; }

    /// <summary>The payload's <c>currency</c>.</summary>
    [JsonPropertyName("currency")]
    public PaymentCurrency? Currency { get; init; }

    /// <summary>ISO-8601 on the wire.</summary>
    [JsonPropertyName("created_at")]
    public DateTimeOffset? CreatedAt { get; init; }

    /// <summary>The payload's <c>created_via</c>.</summary>
    [JsonPropertyName("created_via")]
    public string? CreatedVia { get; init; }

    /// <summary>ISO-8601 on the wire.</summary>
    [JsonPropertyName("updated_at")]
    public DateTimeOffset? UpdatedAt { get; init; }

    /// <summary>Members this version does not model; kept, never an error. Settable for the source-generated serializer.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
