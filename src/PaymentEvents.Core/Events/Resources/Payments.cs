using System.Text.Json;
using System.Text.Json.Serialization;

namespace PaymentEvents.Events;

// Shapes from @blocklet/payment-types@1.27.2 (docs/protocol.md §2). Every member is optional: Payment Kit adds fields and
// enum values without notice; unknown ones land in ExtensionData. Amounts are exact decimal strings (token units).

/// <summary>PaymentDetails of types.d.ts: on-chain or Stripe proof of a payment, per method.</summary>
public sealed record PaymentDetails
{
    /// <summary>The payload's <c>arcblock</c>.</summary>
    [JsonPropertyName("arcblock")]
    public ArcblockPaymentDetails? Arcblock { get; init; }

    /// <summary>The payload's <c>stripe</c>.</summary>
    [JsonPropertyName("stripe")]
    public StripePaymentDetails? Stripe { get; init; }

    /// <summary>The payload's <c>ethereum</c>.</summary>
    [JsonPropertyName("ethereum")]
    public EvmPaymentDetails? Ethereum { get; init; }

    /// <summary>The payload's <c>base</c>.</summary>
    [JsonPropertyName("base")]
    public EvmPaymentDetails? Base { get; init; }

    /// <summary>The payload's <c>bitcoin</c>.</summary>
    [JsonPropertyName("bitcoin")]
    public BitcoinPaymentDetails? Bitcoin { get; init; }

    /// <summary>Members this version does not model; kept, never an error. Settable for the source-generated serializer.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}

/// <summary>PaymentDetails.arcblock.</summary>
public sealed record ArcblockPaymentDetails
{
    /// <summary>The payload's <c>tx_hash</c>.</summary>
    [JsonPropertyName("tx_hash")]
    public string? TxHash { get; init; }

    /// <summary>The payload's <c>payer</c>.</summary>
    [JsonPropertyName("payer")]
    public string? Payer { get; init; }

    /// <summary>The payload's <c>type</c>.</summary>
    [JsonPropertyName("type")]
    public string? Type { get; init; }

    /// <summary>The payload's <c>receiver</c>.</summary>
    [JsonPropertyName("receiver")]
    public string? Receiver { get; init; }

    /// <summary>The payload's <c>delegation_address</c>.</summary>
    [JsonPropertyName("delegation_address")]
    public string? DelegationAddress { get; init; }

    /// <summary>The payload's <c>staking</c>.</summary>
    [JsonPropertyName("staking")]
    public ArcblockStaking? Staking { get; init; }

    /// <summary>Members this version does not model; kept, never an error. Settable for the source-generated serializer.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}

/// <summary>PaymentDetails.arcblock.staking.</summary>
public sealed record ArcblockStaking
{
    /// <summary>The payload's <c>tx_hash</c>.</summary>
    [JsonPropertyName("tx_hash")]
    public string? TxHash { get; init; }

    /// <summary>The payload's <c>address</c>.</summary>
    [JsonPropertyName("address")]
    public string? Address { get; init; }

    /// <summary>Members this version does not model; kept, never an error. Settable for the source-generated serializer.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}

/// <summary>PaymentDetails.stripe.</summary>
public sealed record StripePaymentDetails
{
    /// <summary>The payload's <c>payment_intent_id</c>.</summary>
    [JsonPropertyName("payment_intent_id")]
    public string? PaymentIntentId { get; init; }

    /// <summary>The payload's <c>setup_intent_id</c>.</summary>
    [JsonPropertyName("setup_intent_id")]
    public string? SetupIntentId { get; init; }

    /// <summary>The payload's <c>subscription_id</c>.</summary>
    [JsonPropertyName("subscription_id")]
    public string? SubscriptionId { get; init; }

    /// <summary>The payload's <c>customer_id</c>.</summary>
    [JsonPropertyName("customer_id")]
    public string? CustomerId { get; init; }

    /// <summary>The payload's <c>refund_id</c>.</summary>
    [JsonPropertyName("refund_id")]
    public string? RefundId { get; init; }

    /// <summary>The payload's <c>payment_method_id</c>.</summary>
    [JsonPropertyName("payment_method_id")]
    public string? PaymentMethodId { get; init; }

    /// <summary>Members this version does not model; kept, never an error. Settable for the source-generated serializer.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}

/// <summary>PaymentDetails.ethereum / .base.</summary>
public sealed record EvmPaymentDetails
{
    /// <summary>The payload's <c>tx_hash</c>.</summary>
    [JsonPropertyName("tx_hash")]
    public string? TxHash { get; init; }

    /// <summary>The payload's <c>payer</c>.</summary>
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

    /// <summary>The payload's <c>type</c>.</summary>
    [JsonPropertyName("type")]
    public string? Type { get; init; }

    /// <summary>Members this version does not model; kept, never an error. Settable for the source-generated serializer.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}

/// <summary>PaymentDetails.bitcoin.</summary>
public sealed record BitcoinPaymentDetails
{
    /// <summary>The payload's <c>tx_hash</c>.</summary>
    [JsonPropertyName("tx_hash")]
    public string? TxHash { get; init; }

    /// <summary>The payload's <c>payer</c>.</summary>
    [JsonPropertyName("payer")]
    public string? Payer { get; init; }

    /// <summary>The payload's <c>block_height</c>.</summary>
    [JsonPropertyName("block_height")]
    public long? BlockHeight { get; init; }

    /// <summary>The payload's <c>confirmations</c>.</summary>
    [JsonPropertyName("confirmations")]
    public long? Confirmations { get; init; }

    /// <summary>Members this version does not model; kept, never an error. Settable for the source-generated serializer.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
