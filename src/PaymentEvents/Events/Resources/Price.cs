using System.Text.Json;
using System.Text.Json.Serialization;

namespace PaymentEvents.Events;

// Shapes from @blocklet/payment-types@1.27.2 (PROTOCOL §2). Every member is optional: Payment Kit adds fields and
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

    [JsonPropertyName("created_at")]
    public DateTimeOffset? CreatedAt { get; init; }

    [JsonPropertyName("created_via")]
    public string? CreatedVia { get; init; }

    [JsonPropertyName("updated_at")]
    public DateTimeOffset? UpdatedAt { get; init; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; init; }
}

/// <summary>PriceRecurring of types.d.ts.</summary>
public sealed record PriceRecurring
{
    /// <summary>Known values: <see cref="PaymentEvents.Events.RecurringInterval"/>; any other string is kept as is.</summary>
    [JsonPropertyName("interval")]
    public string? Interval { get; init; }

    [JsonPropertyName("interval_count")]
    public int? IntervalCount { get; init; }

    [JsonPropertyName("aggregate_usage")]
    public string? AggregateUsage { get; init; }

    [JsonPropertyName("usage_type")]
    public string? UsageType { get; init; }

    [JsonPropertyName("meter_id")]
    public string? MeterId { get; init; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; init; }
}

/// <summary>PriceTier (flat_amount is a number in the .d.ts; read as an exact decimal string).</summary>
public sealed record PriceTier
{
    /// <summary>Exact decimal string in token units (a JSON number is read as its literal text).</summary>
    [JsonPropertyName("flat_amount")]
    public string? FlatAmount { get; init; }

    /// <summary>Exact decimal string in token units (a JSON number is read as its literal text).</summary>
    [JsonPropertyName("unit_amount")]
    public string? UnitAmount { get; init; }

    [JsonPropertyName("up_to")]
    public long? UpTo { get; init; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; init; }
}

/// <summary>CustomUnitAmount of types.d.ts.</summary>
public sealed record CustomUnitAmount
{
    /// <summary>Exact decimal string in token units (a JSON number is read as its literal text).</summary>
    [JsonPropertyName("maximum")]
    public string? Maximum { get; init; }

    /// <summary>Exact decimal string in token units (a JSON number is read as its literal text).</summary>
    [JsonPropertyName("minimum")]
    public string? Minimum { get; init; }

    /// <summary>Exact decimal string in token units (a JSON number is read as its literal text).</summary>
    [JsonPropertyName("preset")]
    public string? Preset { get; init; }

    [JsonPropertyName("presets")]
    public IReadOnlyList<string>? Presets { get; init; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; init; }
}

/// <summary>TransformQuantity of types.d.ts.</summary>
public sealed record TransformQuantity
{
    [JsonPropertyName("divide_by")]
    public long? DivideBy { get; init; }

    [JsonPropertyName("round")]
    public string? Round { get; init; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; init; }
}

/// <summary>PriceCurrency of types.d.ts.</summary>
public sealed record PriceCurrency
{
    [JsonPropertyName("currency_id")]
    public string? CurrencyId { get; init; }

    /// <summary>Exact decimal string in token units (a JSON number is read as its literal text).</summary>
    [JsonPropertyName("unit_amount")]
    public string? UnitAmount { get; init; }

    [JsonPropertyName("tiers")]
    public IReadOnlyList<PriceTier>? Tiers { get; init; }

    [JsonPropertyName("custom_unit_amount")]
    public CustomUnitAmount? CustomUnitAmount { get; init; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; init; }
}

/// <summary>Product (product.d.ts), when expanded.</summary>
public sealed record Product
{
    [JsonPropertyName("id")]
    public string? Id { get; init; }

    [JsonPropertyName("active")]
    public bool? Active { get; init; }

    [JsonPropertyName("livemode")]
    public bool? Livemode { get; init; }

    [JsonPropertyName("locked")]
    public bool? Locked { get; init; }

    [JsonPropertyName("type")]
    public string? Type { get; init; }

    [JsonPropertyName("name")]
    public string? Name { get; init; }

    [JsonPropertyName("description")]
    public string? Description { get; init; }

    [JsonPropertyName("images")]
    public IReadOnlyList<JsonElement>? Images { get; init; }

    [JsonPropertyName("features")]
    public IReadOnlyList<ProductFeature>? Features { get; init; }

    [JsonPropertyName("unit_label")]
    public string? UnitLabel { get; init; }

    [JsonPropertyName("default_price_id")]
    public string? DefaultPriceId { get; init; }

    [JsonPropertyName("metadata")]
    public IReadOnlyDictionary<string, JsonElement>? Metadata { get; init; }

    [JsonPropertyName("statement_descriptor")]
    public string? StatementDescriptor { get; init; }

    [JsonPropertyName("nft_factory")]
    public string? NftFactory { get; init; }

    [JsonPropertyName("tax_code")]
    public string? TaxCode { get; init; }

    [JsonPropertyName("cross_sell")]
    public JsonElement? CrossSell { get; init; }

    [JsonPropertyName("vendor_config")]
    public IReadOnlyList<JsonElement>? VendorConfig { get; init; }

    [JsonPropertyName("created_at")]
    public DateTimeOffset? CreatedAt { get; init; }

    [JsonPropertyName("created_via")]
    public string? CreatedVia { get; init; }

    [JsonPropertyName("updated_at")]
    public DateTimeOffset? UpdatedAt { get; init; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; init; }
}

/// <summary>Product.features[].</summary>
public sealed record ProductFeature
{
    [JsonPropertyName("name")]
    public string? Name { get; init; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; init; }
}

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

    [JsonPropertyName("created_at")]
    public DateTimeOffset? CreatedAt { get; init; }

    [JsonPropertyName("updated_at")]
    public DateTimeOffset? UpdatedAt { get; init; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; init; }
}
