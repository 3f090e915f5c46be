using System.Text.Json;
using System.Text.Json.Serialization;

namespace PaymentEvents.Events;

// Shapes from @blocklet/payment-types@1.27.2 (docs/protocol.md §2). Every member is optional: Payment Kit adds fields and
// enum values without notice; unknown ones land in ExtensionData. Amounts are exact decimal strings (token units).

/// <summary>CheckoutSession.total_details.</summary>
public sealed record CheckoutTotalDetails
{
    /// <summary>Exact decimal string in token units (a JSON number is read as its literal text).</summary>
    [JsonPropertyName("amount_discount")]
    public string? AmountDiscount { get; init; }

    /// <summary>Exact decimal string in token units (a JSON number is read as its literal text).</summary>
    [JsonPropertyName("amount_shipping")]
    public string? AmountShipping { get; init; }

    /// <summary>Exact decimal string in token units (a JSON number is read as its literal text).</summary>
    [JsonPropertyName("amount_tax")]
    public string? AmountTax { get; init; }

    /// <summary>The payload's <c>breakdown</c>.</summary>
    [JsonPropertyName("breakdown")]
    public CheckoutTotalBreakdown? Breakdown { get; init; }

    /// <summary>Members this version does not model; kept, never an error. Settable for the source-generated serializer.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}

/// <summary>total_details.breakdown.</summary>
public sealed record CheckoutTotalBreakdown
{
    /// <summary>The payload's <c>discounts</c>.</summary>
    [JsonPropertyName("discounts")]
    public IReadOnlyList<CheckoutBreakdownDiscount>? Discounts { get; init; }

    /// <summary>The payload's <c>taxes</c>.</summary>
    [JsonPropertyName("taxes")]
    public IReadOnlyList<CheckoutBreakdownTax>? Taxes { get; init; }

    /// <summary>Members this version does not model; kept, never an error. Settable for the source-generated serializer.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}

/// <summary>total_details.breakdown.discounts[].</summary>
public sealed record CheckoutBreakdownDiscount
{
    /// <summary>Exact decimal string in token units (a JSON number is read as its literal text).</summary>
    [JsonPropertyName("amount")]
    public string? Amount { get; init; }

    /// <summary>The payload's <c>discount</c>.</summary>
    [JsonPropertyName("discount")]
    public string? Discount { get; init; }

    /// <summary>Members this version does not model; kept, never an error. Settable for the source-generated serializer.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}

/// <summary>total_details.breakdown.taxes[].</summary>
public sealed record CheckoutBreakdownTax
{
    /// <summary>Exact decimal string in token units (a JSON number is read as its literal text).</summary>
    [JsonPropertyName("amount")]
    public string? Amount { get; init; }

    /// <summary>The payload's <c>rate</c>.</summary>
    [JsonPropertyName("rate")]
    public string? Rate { get; init; }

    /// <summary>Members this version does not model; kept, never an error. Settable for the source-generated serializer.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}

/// <summary>CheckoutSession.customer_update ("auto" or "never" each).</summary>
public sealed record CheckoutCustomerUpdate
{
    /// <summary>The payload's <c>address</c>.</summary>
    [JsonPropertyName("address")]
    public string? Address { get; init; }

    /// <summary>The payload's <c>name</c>.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; init; }

    /// <summary>The payload's <c>shipping</c>.</summary>
    [JsonPropertyName("shipping")]
    public string? Shipping { get; init; }

    /// <summary>Members this version does not model; kept, never an error. Settable for the source-generated serializer.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}

/// <summary>CheckoutSession.after_expiration.</summary>
public sealed record CheckoutAfterExpiration
{
    /// <summary>The payload's <c>recovery</c>.</summary>
    [JsonPropertyName("recovery")]
    public CheckoutRecovery? Recovery { get; init; }

    /// <summary>Members this version does not model; kept, never an error. Settable for the source-generated serializer.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}

/// <summary>after_expiration.recovery.</summary>
public sealed record CheckoutRecovery
{
    /// <summary>The payload's <c>enabled</c>.</summary>
    [JsonPropertyName("enabled")]
    public bool? Enabled { get; init; }

    /// <summary>The payload's <c>allow_promotion_codes</c>.</summary>
    [JsonPropertyName("allow_promotion_codes")]
    public bool? AllowPromotionCodes { get; init; }

    /// <summary>Members this version does not model; kept, never an error. Settable for the source-generated serializer.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}

/// <summary>consent_collection.</summary>
public sealed record ConsentCollection
{
    /// <summary>The payload's <c>promotions</c>.</summary>
    [JsonPropertyName("promotions")]
    public string? Promotions { get; init; }

    /// <summary>The payload's <c>terms_of_service</c>.</summary>
    [JsonPropertyName("terms_of_service")]
    public string? TermsOfService { get; init; }

    /// <summary>Members this version does not model; kept, never an error. Settable for the source-generated serializer.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}

/// <summary>CheckoutSession.consent (what the customer agreed to).</summary>
public sealed record CheckoutConsent
{
    /// <summary>The payload's <c>promotions</c>.</summary>
    [JsonPropertyName("promotions")]
    public string? Promotions { get; init; }

    /// <summary>The payload's <c>terms_of_service</c>.</summary>
    [JsonPropertyName("terms_of_service")]
    public string? TermsOfService { get; init; }

    /// <summary>Members this version does not model; kept, never an error. Settable for the source-generated serializer.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}

/// <summary>CheckoutSession.custom_text.</summary>
public sealed record CheckoutCustomText
{
    /// <summary>The payload's <c>shipping_address</c>.</summary>
    [JsonPropertyName("shipping_address")]
    public string? ShippingAddress { get; init; }

    /// <summary>The payload's <c>submit</c>.</summary>
    [JsonPropertyName("submit")]
    public string? Submit { get; init; }

    /// <summary>Members this version does not model; kept, never an error. Settable for the source-generated serializer.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}

/// <summary>CheckoutSession.invoice_creation.</summary>
public sealed record CheckoutInvoiceCreation
{
    /// <summary>The payload's <c>enabled</c>.</summary>
    [JsonPropertyName("enabled")]
    public bool? Enabled { get; init; }

    /// <summary>The payload's <c>invoice_data</c>.</summary>
    [JsonPropertyName("invoice_data")]
    public InvoiceData? InvoiceData { get; init; }

    /// <summary>Members this version does not model; kept, never an error. Settable for the source-generated serializer.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}

/// <summary>An <c>{ enabled }</c> switch (e.g. phone_number_collection).</summary>
public sealed record EnabledFlag
{
    /// <summary>The payload's <c>enabled</c>.</summary>
    [JsonPropertyName("enabled")]
    public bool? Enabled { get; init; }

    /// <summary>Members this version does not model; kept, never an error. Settable for the source-generated serializer.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}

/// <summary>CheckoutSession.discounts[].</summary>
public sealed record CheckoutDiscount
{
    /// <summary>The payload's <c>coupon</c>.</summary>
    [JsonPropertyName("coupon")]
    public string? Coupon { get; init; }

    /// <summary>The payload's <c>promotion_code</c>.</summary>
    [JsonPropertyName("promotion_code")]
    public string? PromotionCode { get; init; }

    /// <summary>Exact decimal string in token units (a JSON number is read as its literal text).</summary>
    [JsonPropertyName("discount_amount")]
    public string? DiscountAmount { get; init; }

    /// <summary>The payload's <c>verification_method</c>.</summary>
    [JsonPropertyName("verification_method")]
    public string? VerificationMethod { get; init; }

    /// <summary>The payload's <c>verification_data</c>.</summary>
    [JsonPropertyName("verification_data")]
    public IReadOnlyDictionary<string, JsonElement>? VerificationData { get; init; }

    /// <summary>Members this version does not model; kept, never an error. Settable for the source-generated serializer.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}

/// <summary>CheckoutSession.vendor_info[]: fulfilment by a product vendor (some keys are camelCase on the wire).</summary>
public sealed record VendorInfo
{
    /// <summary>The payload's <c>vendor_id</c>.</summary>
    [JsonPropertyName("vendor_id")]
    public string? VendorId { get; init; }

    /// <summary>The payload's <c>vendor_key</c>.</summary>
    [JsonPropertyName("vendor_key")]
    public string? VendorKey { get; init; }

    /// <summary>The payload's <c>vendor_type</c>.</summary>
    [JsonPropertyName("vendor_type")]
    public string? VendorType { get; init; }

    /// <summary>The payload's <c>order_id</c>.</summary>
    [JsonPropertyName("order_id")]
    public string? OrderId { get; init; }

    /// <summary>Known values: <see cref="PaymentEvents.Events.FulfillmentStatus"/>; any other string is kept as is.</summary>
    [JsonPropertyName("status")]
    public string? Status { get; init; }

    /// <summary>The payload's <c>service_url</c>.</summary>
    [JsonPropertyName("service_url")]
    public string? ServiceUrl { get; init; }

    /// <summary>The payload's <c>app_url</c>.</summary>
    [JsonPropertyName("app_url")]
    public string? AppUrl { get; init; }

    /// <summary>The payload's <c>error_message</c>.</summary>
    [JsonPropertyName("error_message")]
    public string? ErrorMessage { get; init; }

    /// <summary>Exact decimal string in token units (a JSON number is read as its literal text).</summary>
    [JsonPropertyName("amount")]
    public string? Amount { get; init; }

    /// <summary>The payload's <c>attempts</c>.</summary>
    [JsonPropertyName("attempts")]
    public int? Attempts { get; init; }

    /// <summary>The payload's <c>lastAttemptAt</c>.</summary>
    [JsonPropertyName("lastAttemptAt")]
    public string? LastAttemptAt { get; init; }

    /// <summary>The payload's <c>returnRetry</c>.</summary>
    [JsonPropertyName("returnRetry")]
    public int? ReturnRetry { get; init; }

    /// <summary>The payload's <c>completedAt</c>.</summary>
    [JsonPropertyName("completedAt")]
    public string? CompletedAt { get; init; }

    /// <summary>Exact decimal string in token units (a JSON number is read as its literal text).</summary>
    [JsonPropertyName("commissionAmount")]
    public string? CommissionAmount { get; init; }

    /// <summary>The payload's <c>returnRequest</c>.</summary>
    [JsonPropertyName("returnRequest")]
    public VendorReturnRequest? ReturnRequest { get; init; }

    /// <summary>Members this version does not model; kept, never an error. Settable for the source-generated serializer.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}

/// <summary>vendor_info[].returnRequest (camelCase on the wire).</summary>
public sealed record VendorReturnRequest
{
    /// <summary>The payload's <c>reason</c>.</summary>
    [JsonPropertyName("reason")]
    public string? Reason { get; init; }

    /// <summary>The payload's <c>requestedAt</c>.</summary>
    [JsonPropertyName("requestedAt")]
    public string? RequestedAt { get; init; }

    /// <summary>The payload's <c>status</c>.</summary>
    [JsonPropertyName("status")]
    public string? Status { get; init; }

    /// <summary>The payload's <c>returnDetails</c>.</summary>
    [JsonPropertyName("returnDetails")]
    public string? ReturnDetails { get; init; }

    /// <summary>Members this version does not model; kept, never an error. Settable for the source-generated serializer.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
