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

    [JsonPropertyName("breakdown")]
    public CheckoutTotalBreakdown? Breakdown { get; init; }

    /// <summary>Members this version does not model; kept, never an error. Settable for the source-generated serializer.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}

/// <summary>total_details.breakdown.</summary>
public sealed record CheckoutTotalBreakdown
{
    [JsonPropertyName("discounts")]
    public IReadOnlyList<CheckoutBreakdownDiscount>? Discounts { get; init; }

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

    [JsonPropertyName("rate")]
    public string? Rate { get; init; }

    /// <summary>Members this version does not model; kept, never an error. Settable for the source-generated serializer.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}

/// <summary>CheckoutSession.customer_update ("auto" or "never" each).</summary>
public sealed record CheckoutCustomerUpdate
{
    [JsonPropertyName("address")]
    public string? Address { get; init; }

    [JsonPropertyName("name")]
    public string? Name { get; init; }

    [JsonPropertyName("shipping")]
    public string? Shipping { get; init; }

    /// <summary>Members this version does not model; kept, never an error. Settable for the source-generated serializer.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}

/// <summary>CheckoutSession.after_expiration.</summary>
public sealed record CheckoutAfterExpiration
{
    [JsonPropertyName("recovery")]
    public CheckoutRecovery? Recovery { get; init; }

    /// <summary>Members this version does not model; kept, never an error. Settable for the source-generated serializer.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}

/// <summary>after_expiration.recovery.</summary>
public sealed record CheckoutRecovery
{
    [JsonPropertyName("enabled")]
    public bool? Enabled { get; init; }

    [JsonPropertyName("allow_promotion_codes")]
    public bool? AllowPromotionCodes { get; init; }

    /// <summary>Members this version does not model; kept, never an error. Settable for the source-generated serializer.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}

/// <summary>consent_collection.</summary>
public sealed record ConsentCollection
{
    [JsonPropertyName("promotions")]
    public string? Promotions { get; init; }

    [JsonPropertyName("terms_of_service")]
    public string? TermsOfService { get; init; }

    /// <summary>Members this version does not model; kept, never an error. Settable for the source-generated serializer.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}

/// <summary>CheckoutSession.consent (what the customer agreed to).</summary>
public sealed record CheckoutConsent
{
    [JsonPropertyName("promotions")]
    public string? Promotions { get; init; }

    [JsonPropertyName("terms_of_service")]
    public string? TermsOfService { get; init; }

    /// <summary>Members this version does not model; kept, never an error. Settable for the source-generated serializer.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}

/// <summary>CheckoutSession.custom_text.</summary>
public sealed record CheckoutCustomText
{
    [JsonPropertyName("shipping_address")]
    public string? ShippingAddress { get; init; }

    [JsonPropertyName("submit")]
    public string? Submit { get; init; }

    /// <summary>Members this version does not model; kept, never an error. Settable for the source-generated serializer.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}

/// <summary>CheckoutSession.invoice_creation.</summary>
public sealed record CheckoutInvoiceCreation
{
    [JsonPropertyName("enabled")]
    public bool? Enabled { get; init; }

    [JsonPropertyName("invoice_data")]
    public InvoiceData? InvoiceData { get; init; }

    /// <summary>Members this version does not model; kept, never an error. Settable for the source-generated serializer.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}

/// <summary>An <c>{ enabled }</c> switch (e.g. phone_number_collection).</summary>
public sealed record EnabledFlag
{
    [JsonPropertyName("enabled")]
    public bool? Enabled { get; init; }

    /// <summary>Members this version does not model; kept, never an error. Settable for the source-generated serializer.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}

/// <summary>CheckoutSession.discounts[].</summary>
public sealed record CheckoutDiscount
{
    [JsonPropertyName("coupon")]
    public string? Coupon { get; init; }

    [JsonPropertyName("promotion_code")]
    public string? PromotionCode { get; init; }

    /// <summary>Exact decimal string in token units (a JSON number is read as its literal text).</summary>
    [JsonPropertyName("discount_amount")]
    public string? DiscountAmount { get; init; }

    [JsonPropertyName("verification_method")]
    public string? VerificationMethod { get; init; }

    [JsonPropertyName("verification_data")]
    public IReadOnlyDictionary<string, JsonElement>? VerificationData { get; init; }

    /// <summary>Members this version does not model; kept, never an error. Settable for the source-generated serializer.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}

/// <summary>CheckoutSession.vendor_info[]: fulfilment by a product vendor (some keys are camelCase on the wire).</summary>
public sealed record VendorInfo
{
    [JsonPropertyName("vendor_id")]
    public string? VendorId { get; init; }

    [JsonPropertyName("vendor_key")]
    public string? VendorKey { get; init; }

    [JsonPropertyName("vendor_type")]
    public string? VendorType { get; init; }

    [JsonPropertyName("order_id")]
    public string? OrderId { get; init; }

    /// <summary>Known values: <see cref="PaymentEvents.Events.FulfillmentStatus"/>; any other string is kept as is.</summary>
    [JsonPropertyName("status")]
    public string? Status { get; init; }

    [JsonPropertyName("service_url")]
    public string? ServiceUrl { get; init; }

    [JsonPropertyName("app_url")]
    public string? AppUrl { get; init; }

    [JsonPropertyName("error_message")]
    public string? ErrorMessage { get; init; }

    /// <summary>Exact decimal string in token units (a JSON number is read as its literal text).</summary>
    [JsonPropertyName("amount")]
    public string? Amount { get; init; }

    [JsonPropertyName("attempts")]
    public int? Attempts { get; init; }

    [JsonPropertyName("lastAttemptAt")]
    public string? LastAttemptAt { get; init; }

    [JsonPropertyName("returnRetry")]
    public int? ReturnRetry { get; init; }

    [JsonPropertyName("completedAt")]
    public string? CompletedAt { get; init; }

    /// <summary>Exact decimal string in token units (a JSON number is read as its literal text).</summary>
    [JsonPropertyName("commissionAmount")]
    public string? CommissionAmount { get; init; }

    [JsonPropertyName("returnRequest")]
    public VendorReturnRequest? ReturnRequest { get; init; }

    /// <summary>Members this version does not model; kept, never an error. Settable for the source-generated serializer.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}

/// <summary>vendor_info[].returnRequest (camelCase on the wire).</summary>
public sealed record VendorReturnRequest
{
    [JsonPropertyName("reason")]
    public string? Reason { get; init; }

    [JsonPropertyName("requestedAt")]
    public string? RequestedAt { get; init; }

    [JsonPropertyName("status")]
    public string? Status { get; init; }

    [JsonPropertyName("returnDetails")]
    public string? ReturnDetails { get; init; }

    /// <summary>Members this version does not model; kept, never an error. Settable for the source-generated serializer.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
