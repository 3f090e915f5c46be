using System.Text.Json;
using System.Text.Json.Serialization;

namespace PaymentEvents.Events;

// Shapes from @blocklet/payment-types@1.27.2 (docs/protocol.md §2). Every member is optional: Payment Kit adds fields and
// enum values without notice; unknown ones land in ExtensionData. Amounts are exact decimal strings (token units).

/// <summary>data.object of checkout.session.* events (checkout-session.d.ts).</summary>
public sealed record CheckoutSession
{
    [JsonPropertyName("id")]
    public string? Id { get; init; }

    [JsonPropertyName("livemode")]
    public bool? Livemode { get; init; }

    [JsonPropertyName("client_reference_id")]
    public string? ClientReferenceId { get; init; }

    [JsonPropertyName("currency_id")]
    public string? CurrencyId { get; init; }

    [JsonPropertyName("invoice_id")]
    public string? InvoiceId { get; init; }

    [JsonPropertyName("customer_id")]
    public string? CustomerId { get; init; }

    [JsonPropertyName("customer_did")]
    public string? CustomerDid { get; init; }

    [JsonPropertyName("payment_link_id")]
    public string? PaymentLinkId { get; init; }

    [JsonPropertyName("subscription_id")]
    public string? SubscriptionId { get; init; }

    [JsonPropertyName("enable_subscription_grouping")]
    public bool? EnableSubscriptionGrouping { get; init; }

    [JsonPropertyName("subscription_groups")]
    public IReadOnlyDictionary<string, string>? SubscriptionGroups { get; init; }

    [JsonPropertyName("success_subscription_count")]
    public int? SuccessSubscriptionCount { get; init; }

    [JsonPropertyName("recovered_from")]
    public string? RecoveredFrom { get; init; }

    [JsonPropertyName("payment_intent_id")]
    public string? PaymentIntentId { get; init; }

    [JsonPropertyName("setup_intent_id")]
    public string? SetupIntentId { get; init; }

    /// <summary>Known values: <see cref="PaymentEvents.Events.CheckoutSessionMode"/>; any other string is kept as is.</summary>
    [JsonPropertyName("mode")]
    public string? Mode { get; init; }

    /// <summary>Known values: <see cref="PaymentEvents.Events.CheckoutSessionStatus"/>; any other string is kept as is.</summary>
    [JsonPropertyName("status")]
    public string? Status { get; init; }

    /// <summary>Known values: <see cref="PaymentEvents.Events.CheckoutPaymentStatus"/>; any other string is kept as is.</summary>
    [JsonPropertyName("payment_status")]
    public string? PaymentStatus { get; init; }

    [JsonPropertyName("line_items")]
    public IReadOnlyList<LineItem>? LineItems { get; init; }

    /// <summary>Exact decimal string in token units (a JSON number is read as its literal text).</summary>
    [JsonPropertyName("amount_subtotal")]
    public string? AmountSubtotal { get; init; }

    /// <summary>Exact decimal string in token units (a JSON number is read as its literal text).</summary>
    [JsonPropertyName("amount_total")]
    public string? AmountTotal { get; init; }

    [JsonPropertyName("slippage_percent")]
    public decimal? SlippagePercent { get; init; }

    [JsonPropertyName("total_details")]
    public CheckoutTotalDetails? TotalDetails { get; init; }

    [JsonPropertyName("url")]
    public string? Url { get; init; }

    [JsonPropertyName("cancel_url")]
    public string? CancelUrl { get; init; }

    [JsonPropertyName("success_url")]
    public string? SuccessUrl { get; init; }

    [JsonPropertyName("currency_conversion")]
    public CurrencyConversion? CurrencyConversion { get; init; }

    [JsonPropertyName("customer_details")]
    public CustomerDetails? CustomerDetails { get; init; }

    [JsonPropertyName("customer_creation")]
    public string? CustomerCreation { get; init; }

    [JsonPropertyName("customer_update")]
    public CheckoutCustomerUpdate? CustomerUpdate { get; init; }

    [JsonPropertyName("after_expiration")]
    public CheckoutAfterExpiration? AfterExpiration { get; init; }

    [JsonPropertyName("allow_promotion_codes")]
    public bool? AllowPromotionCodes { get; init; }

    [JsonPropertyName("consent_collection")]
    public ConsentCollection? ConsentCollection { get; init; }

    [JsonPropertyName("consent")]
    public CheckoutConsent? Consent { get; init; }

    [JsonPropertyName("custom_fields")]
    public IReadOnlyList<CustomField>? CustomFields { get; init; }

    [JsonPropertyName("custom_text")]
    public CheckoutCustomText? CustomText { get; init; }

    /// <summary>Unix seconds.</summary>
    [JsonPropertyName("expires_at")]
    public long? ExpiresAt { get; init; }

    [JsonPropertyName("invoice_creation")]
    public CheckoutInvoiceCreation? InvoiceCreation { get; init; }

    [JsonPropertyName("payment_method_types")]
    public IReadOnlyList<string>? PaymentMethodTypes { get; init; }

    [JsonPropertyName("phone_number_collection")]
    public EnabledFlag? PhoneNumberCollection { get; init; }

    [JsonPropertyName("submit_type")]
    public string? SubmitType { get; init; }

    [JsonPropertyName("metadata")]
    public IReadOnlyDictionary<string, JsonElement>? Metadata { get; init; }

    [JsonPropertyName("billing_address_collection")]
    public string? BillingAddressCollection { get; init; }

    [JsonPropertyName("subscription_data")]
    public SubscriptionData? SubscriptionData { get; init; }

    [JsonPropertyName("payment_details")]
    public PaymentDetails? PaymentDetails { get; init; }

    [JsonPropertyName("payment_intent_data")]
    public PaymentIntentData? PaymentIntentData { get; init; }

    /// <summary>Known values: <see cref="PaymentEvents.Events.NftMintStatus"/>; any other string is kept as is.</summary>
    [JsonPropertyName("nft_mint_status")]
    public string? NftMintStatus { get; init; }

    [JsonPropertyName("nft_mint_settings")]
    public NftMintSettings? NftMintSettings { get; init; }

    [JsonPropertyName("nft_mint_details")]
    public NftMintDetails? NftMintDetails { get; init; }

    [JsonPropertyName("cross_sell_behavior")]
    public string? CrossSellBehavior { get; init; }

    [JsonPropertyName("discounts")]
    public IReadOnlyList<CheckoutDiscount>? Discounts { get; init; }

    /// <summary>Known values: <see cref="PaymentEvents.Events.FulfillmentStatus"/>; any other string is kept as is.</summary>
    [JsonPropertyName("fulfillment_status")]
    public string? FulfillmentStatus { get; init; }

    [JsonPropertyName("vendor_info")]
    public IReadOnlyList<VendorInfo>? VendorInfo { get; init; }

    /// <summary>ISO-8601 on the wire.</summary>
    [JsonPropertyName("created_at")]
    public DateTimeOffset? CreatedAt { get; init; }

    [JsonPropertyName("created_via")]
    public string? CreatedVia { get; init; }

    /// <summary>ISO-8601 on the wire.</summary>
    [JsonPropertyName("updated_at")]
    public DateTimeOffset? UpdatedAt { get; init; }

    /// <summary>Members this version does not model; kept, never an error. Settable for the source-generated serializer.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
