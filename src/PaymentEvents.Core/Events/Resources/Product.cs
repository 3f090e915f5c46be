using System.Text.Json;
using System.Text.Json.Serialization;

namespace PaymentEvents.Events;

// Shapes from @blocklet/payment-types@1.27.2 (docs/protocol.md §2). Every member is optional: Payment Kit adds fields and
// enum values without notice; unknown ones land in ExtensionData. Amounts are exact decimal strings (token units).

/// <summary>Product (product.d.ts), when expanded.</summary>
public sealed record Product
{
    /// <summary>The payload's <c>id</c>.</summary>
    [JsonPropertyName("id")]
    public string? Id { get; init; }

    /// <summary>The payload's <c>active</c>.</summary>
    [JsonPropertyName("active")]
    public bool? Active { get; init; }

    /// <summary>The payload's <c>livemode</c>.</summary>
    [JsonPropertyName("livemode")]
    public bool? Livemode { get; init; }

    /// <summary>The payload's <c>locked</c>.</summary>
    [JsonPropertyName("locked")]
    public bool? Locked { get; init; }

    /// <summary>The payload's <c>type</c>.</summary>
    [JsonPropertyName("type")]
    public string? Type { get; init; }

    /// <summary>The payload's <c>name</c>.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; init; }

    /// <summary>The payload's <c>description</c>.</summary>
    [JsonPropertyName("description")]
    public string? Description { get; init; }

    /// <summary>The payload's <c>images</c>.</summary>
    [JsonPropertyName("images")]
    public IReadOnlyList<JsonElement>? Images { get; init; }

    /// <summary>The payload's <c>features</c>.</summary>
    [JsonPropertyName("features")]
    public IReadOnlyList<ProductFeature>? Features { get; init; }

    /// <summary>The payload's <c>unit_label</c>.</summary>
    [JsonPropertyName("unit_label")]
    public string? UnitLabel { get; init; }

    /// <summary>The payload's <c>default_price_id</c>.</summary>
    [JsonPropertyName("default_price_id")]
    public string? DefaultPriceId { get; init; }

    /// <summary>The payload's <c>metadata</c>.</summary>
    [JsonPropertyName("metadata")]
    public IReadOnlyDictionary<string, JsonElement>? Metadata { get; init; }

    /// <summary>The payload's <c>statement_descriptor</c>.</summary>
    [JsonPropertyName("statement_descriptor")]
    public string? StatementDescriptor { get; init; }

    /// <summary>The payload's <c>nft_factory</c>.</summary>
    [JsonPropertyName("nft_factory")]
    public string? NftFactory { get; init; }

    /// <summary>The payload's <c>tax_code</c>.</summary>
    [JsonPropertyName("tax_code")]
    public string? TaxCode { get; init; }

    /// <summary>The payload's <c>cross_sell</c>.</summary>
    [JsonPropertyName("cross_sell")]
    public JsonElement? CrossSell { get; init; }

    /// <summary>The payload's <c>vendor_config</c>.</summary>
    [JsonPropertyName("vendor_config")]
    public IReadOnlyList<JsonElement>? VendorConfig { get; init; }

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

/// <summary>Product.features[].</summary>
public sealed record ProductFeature
{
    /// <summary>The payload's <c>name</c>.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; init; }

    /// <summary>Members this version does not model; kept, never an error. Settable for the source-generated serializer.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
