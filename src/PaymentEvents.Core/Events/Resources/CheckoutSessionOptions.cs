using System.Text.Json;
using System.Text.Json.Serialization;

namespace PaymentEvents.Events;

// Shapes from @blocklet/payment-types@1.27.2 (docs/protocol.md §2). Every member is optional: Payment Kit adds fields and
// enum values without notice; unknown ones land in ExtensionData. Amounts are exact decimal strings (token units).

/// <summary>invoice_creation.invoice_data.</summary>
public sealed record InvoiceData
{
    [JsonPropertyName("description")]
    public string? Description { get; init; }

    [JsonPropertyName("footer")]
    public string? Footer { get; init; }

    [JsonPropertyName("metadata")]
    public IReadOnlyDictionary<string, JsonElement>? Metadata { get; init; }

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

    [JsonPropertyName("fx_rate")]
    public string? FxRate { get; init; }

    [JsonPropertyName("source_currency")]
    public string? SourceCurrency { get; init; }

    /// <summary>Members this version does not model; kept, never an error. Settable for the source-generated serializer.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}

/// <summary>CheckoutSession.payment_intent_data.</summary>
public sealed record PaymentIntentData
{
    [JsonPropertyName("description")]
    public string? Description { get; init; }

    [JsonPropertyName("statement_descriptor")]
    public string? StatementDescriptor { get; init; }

    [JsonPropertyName("beneficiaries")]
    public IReadOnlyList<PaymentBeneficiary>? Beneficiaries { get; init; }

    [JsonPropertyName("metadata")]
    public IReadOnlyDictionary<string, JsonElement>? Metadata { get; init; }

    /// <summary>Members this version does not model; kept, never an error. Settable for the source-generated serializer.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}

/// <summary>NftMintSettings of types.d.ts.</summary>
public sealed record NftMintSettings
{
    [JsonPropertyName("enabled")]
    public bool? Enabled { get; init; }

    [JsonPropertyName("behavior")]
    public string? Behavior { get; init; }

    [JsonPropertyName("factory")]
    public string? Factory { get; init; }

    [JsonPropertyName("inputs")]
    public IReadOnlyDictionary<string, string>? Inputs { get; init; }

    /// <summary>Members this version does not model; kept, never an error. Settable for the source-generated serializer.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}

/// <summary>NftMintDetails of types.d.ts: the minted NFT per chain.</summary>
public sealed record NftMintDetails
{
    [JsonPropertyName("type")]
    public string? Type { get; init; }

    [JsonPropertyName("arcblock")]
    public NftMintItem? Arcblock { get; init; }

    [JsonPropertyName("ethereum")]
    public NftMintItem? Ethereum { get; init; }

    [JsonPropertyName("base")]
    public NftMintItem? Base { get; init; }

    /// <summary>Members this version does not model; kept, never an error. Settable for the source-generated serializer.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}

/// <summary>A minted NFT.</summary>
public sealed record NftMintItem
{
    [JsonPropertyName("tx_hash")]
    public string? TxHash { get; init; }

    [JsonPropertyName("address")]
    public string? Address { get; init; }

    [JsonPropertyName("owner")]
    public string? Owner { get; init; }

    [JsonPropertyName("error")]
    public string? Error { get; init; }

    /// <summary>Members this version does not model; kept, never an error. Settable for the source-generated serializer.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
