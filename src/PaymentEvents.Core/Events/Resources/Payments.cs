using System.Text.Json;
using System.Text.Json.Serialization;

namespace PaymentEvents.Events;

// Shapes from @blocklet/payment-types@1.27.2 (docs/protocol.md §2). Every member is optional: Payment Kit adds fields and
// enum values without notice; unknown ones land in ExtensionData. Amounts are exact decimal strings (token units).

/// <summary>PaymentDetails of types.d.ts: on-chain or Stripe proof of a payment, per method.</summary>
public sealed record PaymentDetails
{
    [JsonPropertyName("arcblock")]
    public ArcblockPaymentDetails? Arcblock { get; init; }

    [JsonPropertyName("stripe")]
    public StripePaymentDetails? Stripe { get; init; }

    [JsonPropertyName("ethereum")]
    public EvmPaymentDetails? Ethereum { get; init; }

    [JsonPropertyName("base")]
    public EvmPaymentDetails? Base { get; init; }

    [JsonPropertyName("bitcoin")]
    public BitcoinPaymentDetails? Bitcoin { get; init; }

    /// <summary>Members this version does not model; kept, never an error. Settable for the source-generated serializer.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}

/// <summary>PaymentDetails.arcblock.</summary>
public sealed record ArcblockPaymentDetails
{
    [JsonPropertyName("tx_hash")]
    public string? TxHash { get; init; }

    [JsonPropertyName("payer")]
    public string? Payer { get; init; }

    [JsonPropertyName("type")]
    public string? Type { get; init; }

    [JsonPropertyName("receiver")]
    public string? Receiver { get; init; }

    [JsonPropertyName("delegation_address")]
    public string? DelegationAddress { get; init; }

    [JsonPropertyName("staking")]
    public ArcblockStaking? Staking { get; init; }

    /// <summary>Members this version does not model; kept, never an error. Settable for the source-generated serializer.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}

/// <summary>PaymentDetails.arcblock.staking.</summary>
public sealed record ArcblockStaking
{
    [JsonPropertyName("tx_hash")]
    public string? TxHash { get; init; }

    [JsonPropertyName("address")]
    public string? Address { get; init; }

    /// <summary>Members this version does not model; kept, never an error. Settable for the source-generated serializer.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}

/// <summary>PaymentDetails.stripe.</summary>
public sealed record StripePaymentDetails
{
    [JsonPropertyName("payment_intent_id")]
    public string? PaymentIntentId { get; init; }

    [JsonPropertyName("setup_intent_id")]
    public string? SetupIntentId { get; init; }

    [JsonPropertyName("subscription_id")]
    public string? SubscriptionId { get; init; }

    [JsonPropertyName("customer_id")]
    public string? CustomerId { get; init; }

    [JsonPropertyName("refund_id")]
    public string? RefundId { get; init; }

    [JsonPropertyName("payment_method_id")]
    public string? PaymentMethodId { get; init; }

    /// <summary>Members this version does not model; kept, never an error. Settable for the source-generated serializer.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}

/// <summary>PaymentDetails.ethereum / .base.</summary>
public sealed record EvmPaymentDetails
{
    [JsonPropertyName("tx_hash")]
    public string? TxHash { get; init; }

    [JsonPropertyName("payer")]
    public string? Payer { get; init; }

    /// <summary>Exact decimal string in token units (a JSON number is read as its literal text).</summary>
    [JsonPropertyName("block_height")]
    public string? BlockHeight { get; init; }

    /// <summary>Exact decimal string in token units (a JSON number is read as its literal text).</summary>
    [JsonPropertyName("gas_used")]
    public string? GasUsed { get; init; }

    /// <summary>Exact decimal string in token units (a JSON number is read as its literal text).</summary>
    [JsonPropertyName("gas_price")]
    public string? GasPrice { get; init; }

    [JsonPropertyName("type")]
    public string? Type { get; init; }

    /// <summary>Members this version does not model; kept, never an error. Settable for the source-generated serializer.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}

/// <summary>PaymentDetails.bitcoin.</summary>
public sealed record BitcoinPaymentDetails
{
    [JsonPropertyName("tx_hash")]
    public string? TxHash { get; init; }

    [JsonPropertyName("payer")]
    public string? Payer { get; init; }

    [JsonPropertyName("block_height")]
    public long? BlockHeight { get; init; }

    [JsonPropertyName("confirmations")]
    public long? Confirmations { get; init; }

    /// <summary>Members this version does not model; kept, never an error. Settable for the source-generated serializer.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
