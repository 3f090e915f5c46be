using System.Text.Json;
using System.Text.Json.Serialization;

namespace PaymentEvents.Events;

// Shapes from @blocklet/payment-types@1.27.2 (docs/protocol.md §2). Every member is optional: Payment Kit adds fields and
// enum values without notice; unknown ones land in ExtensionData. Amounts are exact decimal strings (token units).

/// <summary>data.object of payment_intent.* events (payment-intent.d.ts).</summary>
public sealed record PaymentIntent
{
    [JsonPropertyName("id")]
    public string? Id { get; init; }

    [JsonPropertyName("livemode")]
    public bool? Livemode { get; init; }

    [JsonPropertyName("description")]
    public string? Description { get; init; }

    /// <summary>Exact decimal string in token units (a JSON number is read as its literal text).</summary>
    [JsonPropertyName("amount")]
    public string? Amount { get; init; }

    /// <summary>Exact decimal string in token units (a JSON number is read as its literal text).</summary>
    [JsonPropertyName("amount_received")]
    public string? AmountReceived { get; init; }

    /// <summary>Exact decimal string in token units (a JSON number is read as its literal text).</summary>
    [JsonPropertyName("amount_capturable")]
    public string? AmountCapturable { get; init; }

    [JsonPropertyName("amount_details")]
    public PaymentIntentAmountDetails? AmountDetails { get; init; }

    [JsonPropertyName("currency_id")]
    public string? CurrencyId { get; init; }

    [JsonPropertyName("customer_id")]
    public string? CustomerId { get; init; }

    [JsonPropertyName("payment_method_id")]
    public string? PaymentMethodId { get; init; }

    [JsonPropertyName("invoice_id")]
    public string? InvoiceId { get; init; }

    [JsonPropertyName("last_charge")]
    public string? LastCharge { get; init; }

    [JsonPropertyName("last_payment_error")]
    public PaymentError? LastPaymentError { get; init; }

    [JsonPropertyName("metadata")]
    public IReadOnlyDictionary<string, JsonElement>? Metadata { get; init; }

    [JsonPropertyName("receipt_email")]
    public string? ReceiptEmail { get; init; }

    [JsonPropertyName("statement_descriptor")]
    public string? StatementDescriptor { get; init; }

    [JsonPropertyName("statement_descriptor_suffix")]
    public string? StatementDescriptorSuffix { get; init; }

    /// <summary>Known values: <see cref="PaymentEvents.Events.PaymentIntentStatus"/>; any other string is kept as is.</summary>
    [JsonPropertyName("status")]
    public string? Status { get; init; }

    /// <summary>Unix seconds.</summary>
    [JsonPropertyName("canceled_at")]
    public long? CanceledAt { get; init; }

    /// <summary>Known values: <see cref="PaymentEvents.Events.PaymentIntentCancellationReason"/>; any other string is kept as is.</summary>
    [JsonPropertyName("cancellation_reason")]
    public string? CancellationReason { get; init; }

    [JsonPropertyName("capture_method")]
    public string? CaptureMethod { get; init; }

    [JsonPropertyName("confirmation_method")]
    public string? ConfirmationMethod { get; init; }

    [JsonPropertyName("payment_method_types")]
    public IReadOnlyList<string>? PaymentMethodTypes { get; init; }

    [JsonPropertyName("review")]
    public string? Review { get; init; }

    [JsonPropertyName("payment_details")]
    public PaymentDetails? PaymentDetails { get; init; }

    [JsonPropertyName("setup_future_usage")]
    public string? SetupFutureUsage { get; init; }

    /// <summary>ISO-8601 on the wire.</summary>
    [JsonPropertyName("quote_locked_at")]
    public DateTimeOffset? QuoteLockedAt { get; init; }

    [JsonPropertyName("beneficiaries")]
    public IReadOnlyList<PaymentBeneficiary>? Beneficiaries { get; init; }

    /// <summary>ISO-8601 on the wire.</summary>
    [JsonPropertyName("created_at")]
    public DateTimeOffset? CreatedAt { get; init; }

    /// <summary>ISO-8601 on the wire.</summary>
    [JsonPropertyName("updated_at")]
    public DateTimeOffset? UpdatedAt { get; init; }

    /// <summary>Members this version does not model; kept, never an error. Settable for the source-generated serializer.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}

/// <summary>PaymentIntent.amount_details.</summary>
public sealed record PaymentIntentAmountDetails
{
    /// <summary>Exact decimal string in token units (a JSON number is read as its literal text).</summary>
    [JsonPropertyName("tip")]
    public string? Tip { get; init; }

    /// <summary>Members this version does not model; kept, never an error. Settable for the source-generated serializer.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}

/// <summary>PaymentBeneficiary of types.d.ts: who receives a share of a payment.</summary>
public sealed record PaymentBeneficiary
{
    [JsonPropertyName("address")]
    public string? Address { get; init; }

    [JsonPropertyName("share")]
    public string? Share { get; init; }

    [JsonPropertyName("name")]
    public string? Name { get; init; }

    [JsonPropertyName("avatar")]
    public string? Avatar { get; init; }

    [JsonPropertyName("memo")]
    public string? Memo { get; init; }

    /// <summary>Members this version does not model; kept, never an error. Settable for the source-generated serializer.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
