using System.Text.Json;
using System.Text.Json.Serialization;

namespace PaymentEvents.Events;

// Shapes from @blocklet/payment-types@1.27.2 (docs/protocol.md §2). Every member is optional: Payment Kit adds fields and
// enum values without notice; unknown ones land in ExtensionData. Amounts are exact decimal strings (token units).

/// <summary>data.object of checkout.session.* events (checkout-session.d.ts).</summary>
public sealed record CheckoutSession
{
    /// <summary>The payload's <c>id</c>.</summary>
    [JsonPropertyName("id")]
    public string? Id { get; init; }

    /// <summary>The payload's <c>livemode</c>.</summary>
    [JsonPropertyName("livemode")]
    public bool? Livemode { get; init; }

    /// <summary>The payload's <c>client_reference_id</c>.</summary>
    [JsonPropertyName("client_reference_id")]
    public string? ClientReferenceId { get; init; }

    /// <summary>The payload's <c>currency_id</c>.</summary>
    [JsonPropertyName("currency_id")]
    public string? CurrencyId { get; init; }

    /// <summary>The payload's <c>invoice_id</c>.</summary>
    [JsonPropertyName("invoice_id")]
    public string? InvoiceId { get; init; }

    /// <summary>The payload's <c>customer_id</c>.</summary>
    [JsonPropertyName("customer_id")]
    public string? CustomerId { get; init; }

    /// <summary>The payload's <c>customer_did</c>.</summary>
    [JsonPropertyName("customer_did")]
    public string? CustomerDid { get; init; }

    /// <summary>The payload's <c>payment_link_id</c>.</summary>
    [JsonPropertyName("payment_link_id")]
    public string? PaymentLinkId { get; init; }

    /// <summary>The payload's <c>subscription_id</c>.</summary>
    [JsonPropertyName("subscription_id")]
    public string? SubscriptionId { get; init; }

    /// <summary>The payload's <c>enable_subscription_grouping</c>.</summary>
    [JsonPropertyName("enable_subscription_grouping")]
    public bool? EnableSubscriptionGrouping { get; init; }

    /// <summary>The payload's <c>subscription_groups</c>.</summary>
    [JsonPropertyName("subscription_groups")]
    public IReadOnlyDictionary<string, string>? SubscriptionGroups { get; init; }

    /// <summary>The payload's <c>success_subscription_count</c>.</summary>
    [JsonPropertyName("success_subscription_count")]
    public int? SuccessSubscriptionCount { get; init; }

    /// <summary>The payload's <c>recovered_from</c>.</summary>
    [JsonPropertyName("recovered_from")]
    public string? RecoveredFrom { get; init; }

    /// <summary>The payload's <c>payment_intent_id</c>.</summary>
    [JsonPropertyName("payment_intent_id")]
    public string? PaymentIntentId { get; init; }

    /// <summary>The payload's <c>setup_intent_id</c>.</summary>
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

    /// <summary>The payload's <c>line_items</c>.</summary>
    [JsonPropertyName("line_items")]
    public IReadOnlyList<LineItem>? LineItems { get; init; }

    /// <summary>Exact decimal string in token units (a JSON number is read as its literal text).</summary>
    [JsonPropertyName("amount_subtotal")]
    public string? AmountSubtotal { get; init; }

    /// <summary>Exact decimal string in token units (a JSON number is read as its literal text).</summary>
    [JsonPropertyName("amount_total")]
    public string? AmountTotal { get; init; }

    /// <summary>The payload's <c>slippage_percent</c>.</summary>
    [JsonPropertyName("slippage_percent")]
    public decimal? SlippagePercent { get; init; }

    /// <summary>The payload's <c>total_details</c>.</summary>
    [JsonPropertyName("total_details")]
    public CheckoutTotalDetails? TotalDetails { get; init; }

    /// <summary>The payload's <c>url</c>.</summary>
    [JsonPropertyName("url")]
    public string? Url { get; init; }

    /// <summary>The payload's <c>cancel_url</c>.</summary>
    [JsonPropertyName("cancel_url")]
    public string? CancelUrl { get; init; }

    /// <summary>The payload's <c>success_url</c>.</summary>
    [JsonPropertyName("success_url")]
    public string? SuccessUrl { get; init; }

    /// <summary>The payload's <c>currency_conversion</c>.</summary>
    [JsonPropertyName("currency_conversion")]
    public CurrencyConversion? CurrencyConversion { get; init; }

    /// <summary>The payload's <c>customer_details</c>.</summary>
    [JsonPropertyName("customer_details")]
    public CustomerDetails? CustomerDetails { get; init; }

    /// <summary>The payload's <c>customer_creation</c>.</summary>
    [JsonPropertyName("customer_creation")]
    public string? CustomerCreation { get; init; }

    /// <summary>The payload's <c>customer_update</c>.</summary>
    [JsonPropertyName("customer_update")]
    public CheckoutCustomerUpdate? CustomerUpdate { get; init; }

    /// <summary>The payload's <c>after_expiration</c>.</summary>
    [JsonPropertyName("after_expiration")]
    public CheckoutAfterExpiration? AfterExpiration { get; init; }

    /// <summary>The payload's <c>allow_promotion_codes</c>.</summary>
    [JsonPropertyName("allow_promotion_codes")]
    public bool? AllowPromotionCodes { get; init; }

    /// <summary>The payload's <c>consent_collection</c>.</summary>
    [JsonPropertyName("consent_collection")]
    public ConsentCollection? ConsentCollection { get; init; }

    /// <summary>The payload's <c>consent</c>.</summary>
    [JsonPropertyName("consent")]
    public CheckoutConsent? Consent { get; init; }

    /// <summary>The payload's <c>custom_fields</c>.</summary>
    [JsonPropertyName("custom_fields")]
    public IReadOnlyList<CustomField>? CustomFields { get; init; }

    /// <summary>The payload's <c>custom_text</c>.</summary>
    [JsonPropertyName("custom_text")]
    public CheckoutCustomText? CustomText { get; init; }

    /// <summary>Unix seconds.</summary>
    [JsonPropertyName("expires_at")]
    public long? ExpiresAt { get; init; }

    /// <summary>The payload's <c>invoice_creation</c>.</summary>
    [JsonPropertyName("invoice_creation")]
    public CheckoutInvoiceCreation? InvoiceCreation { get; init; }

    /// <summary>The payload's <c>payment_method_types</c>.</summary>
    [JsonPropertyName("payment_method_types")]
    public IReadOnlyList<string>? PaymentMethodTypes { get; init; }

    /// <summary>The payload's <c>phone_number_collection</c>.</summary>
    [JsonPropertyName("phone_number_collection")]
    public EnabledFlag? PhoneNumberCollection { get; init; }

    /// <summary>The payload's <c>submit_type</c>.</summary>
    [JsonPropertyName("submit_type")]
    public string? SubmitType { get; init; }

    /// <summary>The payload's <c>metadata</c>.</summary>
    [JsonPropertyName("metadata")]
    public IReadOnlyDictionary<string, JsonElement>? Metadata { get; init; }

    /// <summary>The payload's <c>billing_address_collection</c>.</summary>
    [JsonPropertyName("billing_address_collection")]
    public string? BillingAddressCollection { get; init; }

    /// <summary>The payload's <c>subscription_data</c>.</summary>
    [JsonPropertyName("subscription_data")]
    public SubscriptionData? SubscriptionData { get; init; }

    /// <summary>The payload's <c>payment_details</c>.</summary>
    [JsonPropertyName("payment_details")]
    public PaymentDetails? PaymentDetails { get; init; }

    /// <summary>The payload's <c>payment_intent_data</c>.</summary>
    [JsonPropertyName("payment_intent_data")]
    public PaymentIntentData? PaymentIntentData { get; init; }

    /// <summary>Known values: <see cref="PaymentEvents.Events.NftMintStatus"/>; any other string is kept as is.</summary>
    [JsonPropertyName("nft_mint_status")]
    public string? NftMintStatus { get; init; }

    /// <summary>The payload's <c>nft_mint_settings</c>.</summary>
    [JsonPropertyName("nft_mint_settings")]
    public NftMintSettings? NftMintSettings { get; init; }

    /// <summary>The payload's <c>nft_mint_details</c>.</summary>
    [JsonPropertyName("nft_mint_details")]
    public NftMintDetails? NftMintDetails { get; init; }

    /// <summary>The payload's <c>cross_sell_behavior</c>.</summary>
    [JsonPropertyName("cross_sell_behavior")]
    public string? CrossSellBehavior { get; init; }

    /// <summary>The payload's <c>discounts</c>.</summary>
    [JsonPropertyName("discounts")]
    public IReadOnlyList<CheckoutDiscount>? Discounts { get; init; }

    /// <summary>Known values: <see cref="PaymentEvents.Events.FulfillmentStatus"/>; any other string is kept as is.</summary>
    [JsonPropertyName("fulfillment_status")]
    public string? FulfillmentStatus { get; init; }

    /// <summary>The payload's <c>vendor_info</c>.</summary>
    [JsonPropertyName("vendor_info")]
    public IReadOnlyList<VendorInfo>? VendorInfo { get; init; }

    /// <summary>ISO-8601 on the wire.</summary>
    [JsonPropertyName("created_at")]
    public DateTimeOffset? CreatedAt { get; init; }

    /// <summary>The payload's <c>created_via</c>.</summary>
    [JsonPropertyName("created_via")]
    public string? CreatedVia { get; init; }

    /// <summary>ISO-8601 on the wire.</summary>
    [JsonPropertyName("updated_at")]
    public DateTimeOffset? UpdatedAt { get; init; }

    /// <summary>Members this version does not model; kept, never an error. Settable for the source-generated serializer.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
