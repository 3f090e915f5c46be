using System.Text.Json;
using System.Text.Json.Serialization;

namespace PaymentEvents.Events;

// Shapes from @blocklet/payment-types@1.27.2 (docs/protocol.md §2). Every member is optional: Payment Kit adds fields and
// enum values without notice; unknown ones land in ExtensionData. Amounts are exact decimal strings (token units).

/// <summary>PriceRecurring of types.d.ts.</summary>
public sealed record PriceRecurring
{
    /// <summary>Known values: <see cref="PaymentEvents.Events.RecurringInterval"/>; any other string is kept as is.</summary>
    [JsonPropertyName("interval")]
    public string? Interval { get; init; }

    /// <summary>The payload's <c>interval_count</c>.</summary>
    [JsonPropertyName("interval_count")]
    public int? IntervalCount { get; init; }

    /// <summary>The payload's <c>aggregate_usage</c>.</summary>
    [JsonPropertyName("aggregate_usage")]
    public string? AggregateUsage { get; init; }

    /// <summary>The payload's <c>usage_type</c>.</summary>
    [JsonPropertyName("usage_type")]
    public string? UsageType { get; init; }

    /// <summary>The payload's <c>meter_id</c>.</summary>
    [JsonPropertyName("meter_id")]
    public string? MeterId { get; init; }

    /// <summary>Members this version does not model; kept, never an error. Settable for the source-generated serializer.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
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

    /// <summary>The payload's <c>up_to</c>.</summary>
    [JsonPropertyName("up_to")]
    public long? UpTo { get; init; }

    /// <summary>Members this version does not model; kept, never an error. Settable for the source-generated serializer.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
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

    /// <summary>The payload's <c>presets</c>.</summary>
    [JsonPropertyName("presets")]
    public IReadOnlyList<string>? Presets { get; init; }

    /// <summary>Members this version does not model; kept, never an error. Settable for the source-generated serializer.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}

/// <summary>TransformQuantity of types.d.ts.</summary>
public sealed record TransformQuantity
{
    /// <summary>The payload's <c>divide_by</c>.</summary>
    [JsonPropertyName("divide_by")]
    public long? DivideBy { get; init; }

    /// <summary>The payload's <c>round</c>.</summary>
    [JsonPropertyName("round")]
    public string? Round { get; init; }

    /// <summary>Members this version does not model; kept, never an error. Settable for the source-generated serializer.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}

/// <summary>PriceCurrency of types.d.ts.</summary>
public sealed record PriceCurrency
{
    /// <summary>The payload's <c>currency_id</c>.</summary>
    [JsonPropertyName("currency_id")]
    public string? CurrencyId { get; init; }

    /// <summary>Exact decimal string in token units (a JSON number is read as its literal text).</summary>
    [JsonPropertyName("unit_amount")]
    public string? UnitAmount { get; init; }

    /// <summary>The payload's <c>tiers</c>.</summary>
    [JsonPropertyName("tiers")]
    public IReadOnlyList<PriceTier>? Tiers { get; init; }

    /// <summary>The payload's <c>custom_unit_amount</c>.</summary>
    [JsonPropertyName("custom_unit_amount")]
    public CustomUnitAmount? CustomUnitAmount { get; init; }

    /// <summary>Members this version does not model; kept, never an error. Settable for the source-generated serializer.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
