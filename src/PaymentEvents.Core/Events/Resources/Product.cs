using System.Text.Json;
using System.Text.Json.Serialization;

namespace PaymentEvents.Events;

// Shapes from @blocklet/payment-types@1.27.2 (docs/protocol.md §2). Every member is optional: Payment Kit adds fields and
// enum values without notice; unknown ones land in ExtensionData. Amounts are exact decimal strings (token units).

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

/// <summary>Product.features[].</summary>
public sealed record ProductFeature
{
    [JsonPropertyName("name")]
    public string? Name { get; init; }

    /// <summary>Members this version does not model; kept, never an error. Settable for the source-generated serializer.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
