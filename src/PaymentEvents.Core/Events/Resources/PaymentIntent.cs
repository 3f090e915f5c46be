using System.Text.Json;
using System.Text.Json.Serialization;

namespace PaymentEvents.Events;

// Shapes from @blocklet/payment-types@1.27.2 (docs/protocol.md §2). Every member is optional: Payment Kit adds fields and
// enum values without notice; unknown ones land in ExtensionData. Amounts are exact decimal strings (token units).

/// <summary>data.object of payment_intent.* events (payment-intent.d.ts).</summary>
public sealed record PaymentIntent
{
    /// <summary>The payload's <c>id</c>.</summary>
    [JsonPropertyName("id")]
    public string? Id { get; init; }

    /// <summary>The payload's <c>livemode</c>.</summary>
    [JsonPropertyName("livemode")]
    public bool? Livemode { get; init; }

    /// <summary>The payload's <c>description</c>.</summary>
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

    /// <summary>The payload's <c>amount_details</c>.</summary>
    [JsonPropertyName("amount_details")]
    public PaymentIntentAmountDetails? AmountDetails { get; init; }

    /// <summary>The payload's <c>currency_id</c>.</summary>
    [JsonPropertyName("currency_id")]
    public string? CurrencyId { get; init; }

    /// <summary>The payload's <c>customer_id</c>.</summary>
    [JsonPropertyName("customer_id")]
    public string? CustomerId { get; init; }

    /// <summary>The payload's <c>payment_method_id</c>.</summary>
    [JsonPropertyName("payment_method_id")]
    public string? PaymentMethodId { get; init; }

    /// <summary>The payload's <c>invoice_id</c>.</summary>
    [JsonPropertyName("invoice_id")]
    public string? InvoiceId { get; init; }

    /// <summary>The payload's <c>last_charge</c>.</summary>
    [JsonPropertyName("last_charge")]
    public string? LastCharge { get; init; }

    /// <summary>The payload's <c>last_payment_error</c>.</summary>
    [JsonPropertyName("last_payment_error")]
    public PaymentError? LastPaymentError { get; init; }

    /// <summary>The payload's <c>metadata</c>.</summary>
    [JsonPropertyName("metadata")]
    public IReadOnlyDictionary<string, JsonElement>? Metadata { get; init; }

    /// <summary>The payload's <c>receipt_email</c>.</summary>
    [JsonPropertyName("receipt_email")]
    public string? ReceiptEmail { get; init; }

    /// <summary>The payload's <c>statement_descriptor</c>.</summary>
    [JsonPropertyName("statement_descriptor")]
    public string? StatementDescriptor { get; init; }

    /// <summary>The payload's <c>statement_descriptor_suffix</c>.</summary>
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

    /// <summary>The payload's <c>capture_method</c>.</summary>
    [JsonPropertyName("capture_method")]
    public string? CaptureMethod { get; init; }

    /// <summary>The payload's <c>confirmation_method</c>.</summary>
    [JsonPropertyName("confirmation_method")]
    public string? ConfirmationMethod { get; init; }

    /// <summary>The payload's <c>payment_method_types</c>.</summary>
    [JsonPropertyName("payment_method_types")]
    public IReadOnlyList<string>? PaymentMethodTypes { get; init; }

    /// <summary>The payload's <c>review</c>.</summary>
    [JsonPropertyName("review")]
    public string? Review { get; init; }

    /// <summary>The payload's <c>payment_details</c>.</summary>
    [JsonPropertyName("payment_details")]
    public PaymentDetails? PaymentDetails { get; init; }

    /// <summary>The payload's <c>setup_future_usage</c>.</summary>
    [JsonPropertyName("setup_future_usage")]
    public string? SetupFutureUsage { get; init; }

    /// <summary>ISO-8601 on the wire.</summary>
    [JsonPropertyName("quote_locked_at")]
    public DateTimeOffset? QuoteLockedAt { get; init; }

    /// <summary>The payload's <c>beneficiaries</c>.</summary>
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
    /// <summary>The payload's <c>address</c>.</summary>
    [JsonPropertyName("address")]
    public string? Address { get; init; }

    /// <summary>The payload's <c>share</c>.</summary>
    [JsonPropertyName("share")]
    public string? Share { get; init; }

    /// <summary>The payload's <c>name</c>.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; init; }

    /// <summary>The payload's <c>avatar</c>.</summary>
    [JsonPropertyName("avatar")]
    public string? Avatar { get; init; }

    /// <summary>The payload's <c>memo</c>.</summary>
    [JsonPropertyName("memo")]
    public string? Memo { get; init; }

    /// <summary>Members this version does not model; kept, never an error. Settable for the source-generated serializer.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
