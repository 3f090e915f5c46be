using System.Text.Json;
using System.Text.Json.Serialization;

namespace PaymentEvents.Events;

// Shapes from @blocklet/payment-types@1.27.2 (docs/protocol.md §2). Every member is optional: Payment Kit adds fields and
// enum values without notice; unknown ones land in ExtensionData. Amounts are exact decimal strings (token units).

/// <summary>data.object of invoice.* events (invoice.d.ts).</summary>
public sealed record Invoice
{
    /// <summary>The payload's <c>id</c>.</summary>
    [JsonPropertyName("id")]
    public string? Id { get; init; }

    /// <summary>The payload's <c>number</c>.</summary>
    [JsonPropertyName("number")]
    public string? Number { get; init; }

    /// <summary>The payload's <c>livemode</c>.</summary>
    [JsonPropertyName("livemode")]
    public bool? Livemode { get; init; }

    /// <summary>The payload's <c>description</c>.</summary>
    [JsonPropertyName("description")]
    public string? Description { get; init; }

    /// <summary>The payload's <c>statement_descriptor</c>.</summary>
    [JsonPropertyName("statement_descriptor")]
    public string? StatementDescriptor { get; init; }

    /// <summary>Unix seconds.</summary>
    [JsonPropertyName("period_start")]
    public long? PeriodStart { get; init; }

    /// <summary>Unix seconds.</summary>
    [JsonPropertyName("period_end")]
    public long? PeriodEnd { get; init; }

    /// <summary>The payload's <c>auto_advance</c>.</summary>
    [JsonPropertyName("auto_advance")]
    public bool? AutoAdvance { get; init; }

    /// <summary>The payload's <c>paid</c>.</summary>
    [JsonPropertyName("paid")]
    public bool? Paid { get; init; }

    /// <summary>The payload's <c>paid_out_of_band</c>.</summary>
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

    /// <summary>The payload's <c>currency_id</c>.</summary>
    [JsonPropertyName("currency_id")]
    public string? CurrencyId { get; init; }

    /// <summary>The payload's <c>customer_id</c>.</summary>
    [JsonPropertyName("customer_id")]
    public string? CustomerId { get; init; }

    /// <summary>The payload's <c>payment_intent_id</c>.</summary>
    [JsonPropertyName("payment_intent_id")]
    public string? PaymentIntentId { get; init; }

    /// <summary>The payload's <c>subscription_id</c>.</summary>
    [JsonPropertyName("subscription_id")]
    public string? SubscriptionId { get; init; }

    /// <summary>The payload's <c>checkout_session_id</c>.</summary>
    [JsonPropertyName("checkout_session_id")]
    public string? CheckoutSessionId { get; init; }

    /// <summary>The payload's <c>quote_id</c>.</summary>
    [JsonPropertyName("quote_id")]
    public string? QuoteId { get; init; }

    /// <summary>The payload's <c>charge_id</c>.</summary>
    [JsonPropertyName("charge_id")]
    public string? ChargeId { get; init; }

    /// <summary>The payload's <c>subscription_details</c>.</summary>
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

    /// <summary>The payload's <c>attempt_count</c>.</summary>
    [JsonPropertyName("attempt_count")]
    public int? AttemptCount { get; init; }

    /// <summary>The payload's <c>attempted</c>.</summary>
    [JsonPropertyName("attempted")]
    public bool? Attempted { get; init; }

    /// <summary>Unix seconds.</summary>
    [JsonPropertyName("next_payment_attempt")]
    public long? NextPaymentAttempt { get; init; }

    /// <summary>The payload's <c>custom_fields</c>.</summary>
    [JsonPropertyName("custom_fields")]
    public IReadOnlyList<SimpleCustomField>? CustomFields { get; init; }

    /// <summary>The payload's <c>customer_address</c>.</summary>
    [JsonPropertyName("customer_address")]
    public CustomerAddress? CustomerAddress { get; init; }

    /// <summary>The payload's <c>customer_email</c>.</summary>
    [JsonPropertyName("customer_email")]
    public string? CustomerEmail { get; init; }

    /// <summary>The payload's <c>customer_name</c>.</summary>
    [JsonPropertyName("customer_name")]
    public string? CustomerName { get; init; }

    /// <summary>The payload's <c>customer_phone</c>.</summary>
    [JsonPropertyName("customer_phone")]
    public string? CustomerPhone { get; init; }

    /// <summary>The payload's <c>customer_shipping</c>.</summary>
    [JsonPropertyName("customer_shipping")]
    public CustomerShipping? CustomerShipping { get; init; }

    /// <summary>The payload's <c>discounts</c>.</summary>
    [JsonPropertyName("discounts")]
    public IReadOnlyList<string>? Discounts { get; init; }

    /// <summary>The payload's <c>total_discount_amounts</c>.</summary>
    [JsonPropertyName("total_discount_amounts")]
    public IReadOnlyList<DiscountAmount>? TotalDiscountAmounts { get; init; }

    /// <summary>Unix seconds.</summary>
    [JsonPropertyName("due_date")]
    public long? DueDate { get; init; }

    /// <summary>Unix seconds.</summary>
    [JsonPropertyName("effective_at")]
    public long? EffectiveAt { get; init; }

    /// <summary>The payload's <c>footer</c>.</summary>
    [JsonPropertyName("footer")]
    public string? Footer { get; init; }

    /// <summary>The payload's <c>from_invoice</c>.</summary>
    [JsonPropertyName("from_invoice")]
    public JsonElement? FromInvoice { get; init; }

    /// <summary>The payload's <c>account_country</c>.</summary>
    [JsonPropertyName("account_country")]
    public string? AccountCountry { get; init; }

    /// <summary>The payload's <c>account_name</c>.</summary>
    [JsonPropertyName("account_name")]
    public string? AccountName { get; init; }

    /// <summary>The payload's <c>hosted_invoice_url</c>.</summary>
    [JsonPropertyName("hosted_invoice_url")]
    public string? HostedInvoiceUrl { get; init; }

    /// <summary>The payload's <c>invoice_pdf</c>.</summary>
    [JsonPropertyName("invoice_pdf")]
    public string? InvoicePdf { get; init; }

    /// <summary>The payload's <c>last_finalization_error</c>.</summary>
    [JsonPropertyName("last_finalization_error")]
    public PaymentError? LastFinalizationError { get; init; }

    /// <summary>The payload's <c>latest_revision</c>.</summary>
    [JsonPropertyName("latest_revision")]
    public string? LatestRevision { get; init; }

    /// <summary>The payload's <c>payment_settings</c>.</summary>
    [JsonPropertyName("payment_settings")]
    public PaymentSettings? PaymentSettings { get; init; }

    /// <summary>The payload's <c>default_payment_method_id</c>.</summary>
    [JsonPropertyName("default_payment_method_id")]
    public string? DefaultPaymentMethodId { get; init; }

    /// <summary>Exact decimal string in token units (a JSON number is read as its literal text).</summary>
    [JsonPropertyName("post_payment_credit_notes_amount")]
    public string? PostPaymentCreditNotesAmount { get; init; }

    /// <summary>Exact decimal string in token units (a JSON number is read as its literal text).</summary>
    [JsonPropertyName("pre_payment_credit_notes_amount")]
    public string? PrePaymentCreditNotesAmount { get; init; }

    /// <summary>The payload's <c>rendering_options</c>.</summary>
    [JsonPropertyName("rendering_options")]
    public JsonElement? RenderingOptions { get; init; }

    /// <summary>The payload's <c>status_transitions</c>.</summary>
    [JsonPropertyName("status_transitions")]
    public InvoiceStatusTransitions? StatusTransitions { get; init; }

    /// <summary>The payload's <c>test_clock_id</c>.</summary>
    [JsonPropertyName("test_clock_id")]
    public string? TestClockId { get; init; }

    /// <summary>The payload's <c>threshold_reason</c>.</summary>
    [JsonPropertyName("threshold_reason")]
    public JsonElement? ThresholdReason { get; init; }

    /// <summary>Unix seconds.</summary>
    [JsonPropertyName("webhooks_delivered_at")]
    public long? WebhooksDeliveredAt { get; init; }

    /// <summary>The payload's <c>receipt_number</c>.</summary>
    [JsonPropertyName("receipt_number")]
    public string? ReceiptNumber { get; init; }

    /// <summary>The payload's <c>metadata</c>.</summary>
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

    /// <summary>The payload's <c>discount</c>.</summary>
    [JsonPropertyName("discount")]
    public string? Discount { get; init; }

    /// <summary>The payload's <c>promotion_code</c>.</summary>
    [JsonPropertyName("promotion_code")]
    public string? PromotionCode { get; init; }

    /// <summary>The payload's <c>coupon</c>.</summary>
    [JsonPropertyName("coupon")]
    public string? Coupon { get; init; }

    /// <summary>Members this version does not model; kept, never an error. Settable for the source-generated serializer.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}

/// <summary>A name/value pair shown on an invoice.</summary>
public sealed record SimpleCustomField
{
    /// <summary>The payload's <c>name</c>.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; init; }

    /// <summary>The payload's <c>value</c>.</summary>
    [JsonPropertyName("value")]
    public string? Value { get; init; }

    /// <summary>Members this version does not model; kept, never an error. Settable for the source-generated serializer.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
