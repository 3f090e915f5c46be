using System.Text.Json;
using System.Text.Json.Serialization;

namespace PaymentEvents.Events;

// Shapes from @blocklet/payment-types@1.27.2 (docs/protocol.md §2). Every member is optional: Payment Kit adds fields and
// enum values without notice; unknown ones land in ExtensionData. Amounts are exact decimal strings (token units).

/// <summary>invoice_creation.invoice_data.</summary>
public sealed record InvoiceData
{
    /// <summary>The payload's <c>description</c>.</summary>
    [JsonPropertyName("description")]
    public string? Description { get; init; }

    /// <summary>The payload's <c>footer</c>.</summary>
    [JsonPropertyName("footer")]
    public string? Footer { get; init; }

    /// <summary>The payload's <c>metadata</c>.</summary>
    [JsonPropertyName("metadata")]
    public IReadOnlyDictionary<string, JsonElement>? Metadata { get; init; }

    /// <summary>The payload's <c>custom_fields</c>.</summary>
    [JsonPropertyName("custom_fields")]
    public IReadOnlyList<SimpleCustomField>? CustomFields { get; init; }

    /// <summary>Members this version does not model; kept, never an error. Settable for the source-generated serializer.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}

/// <summary>CheckoutSession.currency_conversion.</summary>
public sealed record CurrencyConversion
{
    /// <summary>Exact decimal string in token units (a JSON number is read as its literal text).</summary>
    [JsonPropertyName("amount_subtotal")]
    public string? AmountSubtotal { get; init; }

    /// <summary>Exact decimal string in token units (a JSON number is read as its literal text).</summary>
    [JsonPropertyName("amount_total")]
    public string? AmountTotal { get; init; }

    /// <summary>The payload's <c>fx_rate</c>.</summary>
    [JsonPropertyName("fx_rate")]
    public string? FxRate { get; init; }

    /// <summary>The payload's <c>source_currency</c>.</summary>
    [JsonPropertyName("source_currency")]
    public string? SourceCurrency { get; init; }

    /// <summary>Members this version does not model; kept, never an error. Settable for the source-generated serializer.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}

/// <summary>CheckoutSession.payment_intent_data.</summary>
public sealed record PaymentIntentData
{
    /// <summary>The payload's <c>description</c>.</summary>
    [JsonPropertyName("description")]
    public string? Description { get; init; }

    /// <summary>The payload's <c>statement_descriptor</c>.</summary>
    [JsonPropertyName("statement_descriptor")]
    public string? StatementDescriptor { get; init; }

    /// <summary>The payload's <c>beneficiaries</c>.</summary>
    [JsonPropertyName("beneficiaries")]
    public IReadOnlyList<PaymentBeneficiary>? Beneficiaries { get; init; }

    /// <summary>The payload's <c>metadata</c>.</summary>
    [JsonPropertyName("metadata")]
    public IReadOnlyDictionary<string, JsonElement>? Metadata { get; init; }

    /// <summary>Members this version does not model; kept, never an error. Settable for the source-generated serializer.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}

/// <summary>NftMintSettings of types.d.ts.</summary>
public sealed record NftMintSettings
{
    /// <summary>The payload's <c>enabled</c>.</summary>
    [JsonPropertyName("enabled")]
    public bool? Enabled { get; init; }

    /// <summary>The payload's <c>behavior</c>.</summary>
    [JsonPropertyName("behavior")]
    public string? Behavior { get; init; }

    /// <summary>The payload's <c>factory</c>.</summary>
    [JsonPropertyName("factory")]
    public string? Factory { get; init; }

    /// <summary>The payload's <c>inputs</c>.</summary>
    [JsonPropertyName("inputs")]
    public IReadOnlyDictionary<string, string>? Inputs { get; init; }

    /// <summary>Members this version does not model; kept, never an error. Settable for the source-generated serializer.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}

/// <summary>NftMintDetails of types.d.ts: the minted NFT per chain.</summary>
public sealed record NftMintDetails
{
    /// <summary>The payload's <c>type</c>.</summary>
    [JsonPropertyName("type")]
    public string? Type { get; init; }

    /// <summary>The payload's <c>arcblock</c>.</summary>
    [JsonPropertyName("arcblock")]
    public NftMintItem? Arcblock { get; init; }

    /// <summary>The payload's <c>ethereum</c>.</summary>
    [JsonPropertyName("ethereum")]
    public NftMintItem? Ethereum { get; init; }

    /// <summary>The payload's <c>base</c>.</summary>
    [JsonPropertyName("base")]
    public NftMintItem? Base { get; init; }

    /// <summary>Members this version does not model; kept, never an error. Settable for the source-generated serializer.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}

/// <summary>A minted NFT.</summary>
public sealed record NftMintItem
{
    /// <summary>The payload's <c>tx_hash</c>.</summary>
    [JsonPropertyName("tx_hash")]
    public string? TxHash { get; init; }

    /// <summary>The payload's <c>address</c>.</summary>
    [JsonPropertyName("address")]
    public string? Address { get; init; }

    /// <summary>The payload's <c>owner</c>.</summary>
    [JsonPropertyName("owner")]
    public string? Owner { get; init; }

    /// <summary>The payload's <c>error</c>.</summary>
    [JsonPropertyName("error")]
    public string? Error { get; init; }

    /// <summary>Members this version does not model; kept, never an error. Settable for the source-generated serializer.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
