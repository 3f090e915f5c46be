using System.Text.Json;
using System.Text.Json.Serialization;

namespace PaymentEvents.Events;

// Shapes from @blocklet/payment-types@1.27.2 (docs/protocol.md §2). Every member is optional: Payment Kit adds fields and
// enum values without notice; unknown ones land in ExtensionData. Amounts are exact decimal strings (token units).

/// <summary>data.object of invoice.* events (invoice.d.ts).</summary>
public sealed record Invoice
{
    [JsonPropertyName("id")]
    public string? Id { get; init; }

    [JsonPropertyName("number")]
    public string? Number { get; init; }

    [JsonPropertyName("livemode")]
    public bool? Livemode { get; init; }

    [JsonPropertyName("description")]
    public string? Description { get; init; }

    [JsonPropertyName("statement_descriptor")]
    public string? StatementDescriptor { get; init; }

    /// <summary>Unix seconds.</summary>
    [JsonPropertyName("period_start")]
    public long? PeriodStart { get; init; }

    /// <summary>Unix seconds.</summary>
    [JsonPropertyName("period_end")]
    public long? PeriodEnd { get; init; }

    [JsonPropertyName("auto_advance")]
    public bool? AutoAdvance { get; init; }

    [JsonPropertyName("paid")]
    public bool? Paid { get; init; }

    [JsonPropertyName("paid_out_of_band")]
    public bool? PaidOutOfBand { get; init; }

    /// <summary>Known values: <see cref="PaymentEvents.Events.InvoiceStatus"/>; any other string is kept as is.</summary>
    [JsonPropertyName("status")]
    public string? Status { get; init; }

    /// <summary>Known values: <see cref="PaymentEvents.Events.CollectionMethod"/>; any other string is kept as is.</summary>
    [JsonPropertyName("collection_method")]
    public string? CollectionMethod { get; init; }

    /// <summary>Known values: <see cref="PaymentEvents.Events.InvoiceBillingReason"/>; any other string is kept as is.</summary>
    [JsonPropertyName("billing_reason")]
    public string? BillingReason { get; init; }

    [JsonPropertyName("currency_id")]
    public string? CurrencyId { get; init; }

    [JsonPropertyName("customer_id")]
    public string? CustomerId { get; init; }

    [JsonPropertyName("payment_intent_id")]
    public string? PaymentIntentId { get; init; }

    [JsonPropertyName("subscription_id")]
    public string? SubscriptionId { get; init; }

    [JsonPropertyName("checkout_session_id")]
    public string? CheckoutSessionId { get; init; }

    [JsonPropertyName("quote_id")]
    public string? QuoteId { get; init; }

    [JsonPropertyName("charge_id")]
    public string? ChargeId { get; init; }

    [JsonPropertyName("subscription_details")]
    public JsonElement? SubscriptionDetails { get; init; }

    /// <summary>Unix seconds.</summary>
    [JsonPropertyName("subscription_proration_date")]
    public long? SubscriptionProrationDate { get; init; }

    /// <summary>Exact decimal string in token units (a JSON number is read as its literal text).</summary>
    [JsonPropertyName("subtotal")]
    public string? Subtotal { get; init; }

    /// <summary>Exact decimal string in token units (a JSON number is read as its literal text).</summary>
    [JsonPropertyName("subtotal_excluding_tax")]
    public string? SubtotalExcludingTax { get; init; }

    /// <summary>Exact decimal string in token units (a JSON number is read as its literal text).</summary>
    [JsonPropertyName("tax")]
    public string? Tax { get; init; }

    /// <summary>Exact decimal string in token units (a JSON number is read as its literal text).</summary>
    [JsonPropertyName("total")]
    public string? Total { get; init; }

    /// <summary>Exact decimal string in token units (a JSON number is read as its literal text).</summary>
    [JsonPropertyName("amount_due")]
    public string? AmountDue { get; init; }

    /// <summary>Exact decimal string in token units (a JSON number is read as its literal text).</summary>
    [JsonPropertyName("amount_paid")]
    public string? AmountPaid { get; init; }

    /// <summary>Exact decimal string in token units (a JSON number is read as its literal text).</summary>
    [JsonPropertyName("amount_remaining")]
    public string? AmountRemaining { get; init; }

    /// <summary>Exact decimal string in token units (a JSON number is read as its literal text).</summary>
    [JsonPropertyName("amount_shipping")]
    public string? AmountShipping { get; init; }

    /// <summary>Exact decimal string in token units (a JSON number is read as its literal text).</summary>
    [JsonPropertyName("starting_balance")]
    public string? StartingBalance { get; init; }

    /// <summary>Exact decimal string in token units (a JSON number is read as its literal text).</summary>
    [JsonPropertyName("ending_balance")]
    public string? EndingBalance { get; init; }

    /// <summary>Exact decimal string in token units (a JSON number is read as its literal text).</summary>
    [JsonPropertyName("starting_token_balance")]
    public IReadOnlyDictionary<string, string>? StartingTokenBalance { get; init; }

    /// <summary>Exact decimal string in token units (a JSON number is read as its literal text).</summary>
    [JsonPropertyName("ending_token_balance")]
    public IReadOnlyDictionary<string, string>? EndingTokenBalance { get; init; }

    [JsonPropertyName("attempt_count")]
    public int? AttemptCount { get; init; }

    [JsonPropertyName("attempted")]
    public bool? Attempted { get; init; }

    /// <summary>Unix seconds.</summary>
    [JsonPropertyName("next_payment_attempt")]
    public long? NextPaymentAttempt { get; init; }

    [JsonPropertyName("custom_fields")]
    public IReadOnlyList<SimpleCustomField>? CustomFields { get; init; }

    [JsonPropertyName("customer_address")]
    public CustomerAddress? CustomerAddress { get; init; }

    [JsonPropertyName("customer_email")]
    public string? CustomerEmail { get; init; }

    [JsonPropertyName("customer_name")]
    public string? CustomerName { get; init; }

    [JsonPropertyName("customer_phone")]
    public string? CustomerPhone { get; init; }

    [JsonPropertyName("customer_shipping")]
    public CustomerShipping? CustomerShipping { get; init; }

    [JsonPropertyName("discounts")]
    public IReadOnlyList<string>? Discounts { get; init; }

    [JsonPropertyName("total_discount_amounts")]
    public IReadOnlyList<DiscountAmount>? TotalDiscountAmounts { get; init; }

    /// <summary>Unix seconds.</summary>
    [JsonPropertyName("due_date")]
    public long? DueDate { get; init; }

    /// <summary>Unix seconds.</summary>
    [JsonPropertyName("effective_at")]
    public long? EffectiveAt { get; init; }

    [JsonPropertyName("footer")]
    public string? Footer { get; init; }

    [JsonPropertyName("from_invoice")]
    public JsonElement? FromInvoice { get; init; }

    [JsonPropertyName("account_country")]
    public string? AccountCountry { get; init; }

    [JsonPropertyName("account_name")]
    public string? AccountName { get; init; }

    [JsonPropertyName("hosted_invoice_url")]
    public string? HostedInvoiceUrl { get; init; }

    [JsonPropertyName("invoice_pdf")]
    public string? InvoicePdf { get; init; }

    [JsonPropertyName("last_finalization_error")]
    public PaymentError? LastFinalizationError { get; init; }

    [JsonPropertyName("latest_revision")]
    public string? LatestRevision { get; init; }

    [JsonPropertyName("payment_settings")]
    public PaymentSettings? PaymentSettings { get; init; }

    [JsonPropertyName("default_payment_method_id")]
    public string? DefaultPaymentMethodId { get; init; }

    /// <summary>Exact decimal string in token units (a JSON number is read as its literal text).</summary>
    [JsonPropertyName("post_payment_credit_notes_amount")]
    public string? PostPaymentCreditNotesAmount { get; init; }

    /// <summary>Exact decimal string in token units (a JSON number is read as its literal text).</summary>
    [JsonPropertyName("pre_payment_credit_notes_amount")]
    public string? PrePaymentCreditNotesAmount { get; init; }

    [JsonPropertyName("rendering_options")]
    public JsonElement? RenderingOptions { get; init; }

    [JsonPropertyName("status_transitions")]
    public InvoiceStatusTransitions? StatusTransitions { get; init; }

    [JsonPropertyName("test_clock_id")]
    public string? TestClockId { get; init; }

    [JsonPropertyName("threshold_reason")]
    public JsonElement? ThresholdReason { get; init; }

    /// <summary>Unix seconds.</summary>
    [JsonPropertyName("webhooks_delivered_at")]
    public long? WebhooksDeliveredAt { get; init; }

    [JsonPropertyName("receipt_number")]
    public string? ReceiptNumber { get; init; }

    [JsonPropertyName("metadata")]
    public IReadOnlyDictionary<string, JsonElement>? Metadata { get; init; }

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

/// <summary>Invoice.status_transitions (unix seconds).</summary>
public sealed record InvoiceStatusTransitions
{
    /// <summary>Unix seconds.</summary>
    [JsonPropertyName("finalized_at")]
    public long? FinalizedAt { get; init; }

    /// <summary>Unix seconds.</summary>
    [JsonPropertyName("marked_uncollectible_at")]
    public long? MarkedUncollectibleAt { get; init; }

    /// <summary>Unix seconds.</summary>
    [JsonPropertyName("paid_at")]
    public long? PaidAt { get; init; }

    /// <summary>Unix seconds.</summary>
    [JsonPropertyName("voided_at")]
    public long? VoidedAt { get; init; }

    /// <summary>Members this version does not model; kept, never an error. Settable for the source-generated serializer.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}

/// <summary>DiscountAmount of types.d.ts.</summary>
public sealed record DiscountAmount
{
    /// <summary>Exact decimal string in token units (a JSON number is read as its literal text).</summary>
    [JsonPropertyName("amount")]
    public string? Amount { get; init; }

    [JsonPropertyName("discount")]
    public string? Discount { get; init; }

    [JsonPropertyName("promotion_code")]
    public string? PromotionCode { get; init; }

    [JsonPropertyName("coupon")]
    public string? Coupon { get; init; }

    /// <summary>Members this version does not model; kept, never an error. Settable for the source-generated serializer.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}

/// <summary>A name/value pair shown on an invoice.</summary>
public sealed record SimpleCustomField
{
    [JsonPropertyName("name")]
    public string? Name { get; init; }

    [JsonPropertyName("value")]
    public string? Value { get; init; }

    /// <summary>Members this version does not model; kept, never an error. Settable for the source-generated serializer.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
