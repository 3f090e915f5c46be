using System.Text.Json;
using System.Text.Json.Serialization;

namespace PaymentEvents.Events;

// Shapes from @blocklet/payment-types@1.27.2 (PROTOCOL §2). Every member is optional: Payment Kit adds fields and
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

    [JsonPropertyName("created_at")]
    public DateTimeOffset? CreatedAt { get; init; }

    [JsonPropertyName("created_via")]
    public string? CreatedVia { get; init; }

    [JsonPropertyName("updated_at")]
    public DateTimeOffset? UpdatedAt { get; init; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; init; }
}

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

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; init; }
}

/// <summary>total_details.breakdown.</summary>
public sealed record CheckoutTotalBreakdown
{
    [JsonPropertyName("discounts")]
    public IReadOnlyList<CheckoutBreakdownDiscount>? Discounts { get; init; }

    [JsonPropertyName("taxes")]
    public IReadOnlyList<CheckoutBreakdownTax>? Taxes { get; init; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; init; }
}

/// <summary>total_details.breakdown.discounts[].</summary>
public sealed record CheckoutBreakdownDiscount
{
    /// <summary>Exact decimal string in token units (a JSON number is read as its literal text).</summary>
    [JsonPropertyName("amount")]
    public string? Amount { get; init; }

    [JsonPropertyName("discount")]
    public string? Discount { get; init; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; init; }
}

/// <summary>total_details.breakdown.taxes[].</summary>
public sealed record CheckoutBreakdownTax
{
    /// <summary>Exact decimal string in token units (a JSON number is read as its literal text).</summary>
    [JsonPropertyName("amount")]
    public string? Amount { get; init; }

    [JsonPropertyName("rate")]
    public string? Rate { get; init; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; init; }
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

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; init; }
}

/// <summary>CheckoutSession.after_expiration.</summary>
public sealed record CheckoutAfterExpiration
{
    [JsonPropertyName("recovery")]
    public CheckoutRecovery? Recovery { get; init; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; init; }
}

/// <summary>after_expiration.recovery.</summary>
public sealed record CheckoutRecovery
{
    [JsonPropertyName("enabled")]
    public bool? Enabled { get; init; }

    [JsonPropertyName("allow_promotion_codes")]
    public bool? AllowPromotionCodes { get; init; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; init; }
}

/// <summary>consent_collection.</summary>
public sealed record ConsentCollection
{
    [JsonPropertyName("promotions")]
    public string? Promotions { get; init; }

    [JsonPropertyName("terms_of_service")]
    public string? TermsOfService { get; init; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; init; }
}

/// <summary>CheckoutSession.consent (what the customer agreed to).</summary>
public sealed record CheckoutConsent
{
    [JsonPropertyName("promotions")]
    public string? Promotions { get; init; }

    [JsonPropertyName("terms_of_service")]
    public string? TermsOfService { get; init; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; init; }
}

/// <summary>CheckoutSession.custom_text.</summary>
public sealed record CheckoutCustomText
{
    [JsonPropertyName("shipping_address")]
    public string? ShippingAddress { get; init; }

    [JsonPropertyName("submit")]
    public string? Submit { get; init; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; init; }
}

/// <summary>CheckoutSession.invoice_creation.</summary>
public sealed record CheckoutInvoiceCreation
{
    [JsonPropertyName("enabled")]
    public bool? Enabled { get; init; }

    [JsonPropertyName("invoice_data")]
    public InvoiceData? InvoiceData { get; init; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; init; }
}

/// <summary>An <c>{ enabled }</c> switch (e.g. phone_number_collection).</summary>
public sealed record EnabledFlag
{
    [JsonPropertyName("enabled")]
    public bool? Enabled { get; init; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; init; }
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

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; init; }
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

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; init; }
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

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; init; }
}

/// <summary>LineItem of types.d.ts: one price and quantity of a checkout.</summary>
public sealed record LineItem
{
    [JsonPropertyName("price_id")]
    public string? PriceId { get; init; }

    [JsonPropertyName("quantity")]
    public long? Quantity { get; init; }

    [JsonPropertyName("adjustable_quantity")]
    public AdjustableQuantity? AdjustableQuantity { get; init; }

    [JsonPropertyName("upsell_price_id")]
    public string? UpsellPriceId { get; init; }

    [JsonPropertyName("cross_sell")]
    public bool? CrossSell { get; init; }

    /// <summary>Exact decimal string in token units (a JSON number is read as its literal text).</summary>
    [JsonPropertyName("custom_amount")]
    public string? CustomAmount { get; init; }

    [JsonPropertyName("subscription_data")]
    public SubscriptionData? SubscriptionData { get; init; }

    [JsonPropertyName("price")]
    public Price? Price { get; init; }

    [JsonPropertyName("upsell_price")]
    public Price? UpsellPrice { get; init; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; init; }
}

/// <summary>LineItem.adjustable_quantity.</summary>
public sealed record AdjustableQuantity
{
    [JsonPropertyName("enabled")]
    public bool? Enabled { get; init; }

    [JsonPropertyName("maximum")]
    public long? Maximum { get; init; }

    [JsonPropertyName("minimum")]
    public long? Minimum { get; init; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; init; }
}

/// <summary>SubscriptionData of types.d.ts (plus the extra fields checkout and line items add).</summary>
public sealed record SubscriptionData
{
    [JsonPropertyName("description")]
    public string? Description { get; init; }

    [JsonPropertyName("trial_period_days")]
    public int? TrialPeriodDays { get; init; }

    /// <summary>Exact decimal string in token units (a JSON number is read as its literal text).</summary>
    [JsonPropertyName("billing_threshold_amount")]
    public string? BillingThresholdAmount { get; init; }

    /// <summary>Exact decimal string in token units (a JSON number is read as its literal text).</summary>
    [JsonPropertyName("min_stake_amount")]
    public string? MinStakeAmount { get; init; }

    [JsonPropertyName("metadata")]
    public IReadOnlyDictionary<string, JsonElement>? Metadata { get; init; }

    [JsonPropertyName("recovered_from")]
    public string? RecoveredFrom { get; init; }

    /// <summary>Unix seconds.</summary>
    [JsonPropertyName("trial_end")]
    public long? TrialEnd { get; init; }

    [JsonPropertyName("trial_currency")]
    public string? TrialCurrency { get; init; }

    [JsonPropertyName("no_stake")]
    public bool? NoStake { get; init; }

    [JsonPropertyName("notification_settings")]
    public NotificationSetting? NotificationSettings { get; init; }

    [JsonPropertyName("service_actions")]
    public IReadOnlyList<ServiceAction>? ServiceActions { get; init; }

    /// <summary>Unix seconds.</summary>
    [JsonPropertyName("billing_cycle_anchor")]
    public long? BillingCycleAnchor { get; init; }

    /// <summary>Known values: <see cref="PaymentEvents.Events.ProrationBehavior"/>; any other string is kept as is.</summary>
    [JsonPropertyName("proration_behavior")]
    public string? ProrationBehavior { get; init; }

    [JsonPropertyName("trial_settings")]
    public TrialSettings? TrialSettings { get; init; }

    [JsonPropertyName("days_until_due")]
    public int? DaysUntilDue { get; init; }

    [JsonPropertyName("days_until_cancel")]
    public int? DaysUntilCancel { get; init; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; init; }
}

/// <summary>SubscriptionData.notification_settings.</summary>
public sealed record NotificationSetting
{
    [JsonPropertyName("self_handle")]
    public bool? SelfHandle { get; init; }

    [JsonPropertyName("exclude_events")]
    public IReadOnlyList<string>? ExcludeEvents { get; init; }

    [JsonPropertyName("include_events")]
    public IReadOnlyList<string>? IncludeEvents { get; init; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; init; }
}

/// <summary>invoice_creation.invoice_data.</summary>
public sealed record InvoiceData
{
    [JsonPropertyName("description")]
    public string? Description { get; init; }

    [JsonPropertyName("footer")]
    public string? Footer { get; init; }

    [JsonPropertyName("metadata")]
    public IReadOnlyDictionary<string, JsonElement>? Metadata { get; init; }

    [JsonPropertyName("custom_fields")]
    public IReadOnlyList<SimpleCustomField>? CustomFields { get; init; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; init; }
}

/// <summary>CheckoutSession.currency_conversion.</summary>
public sealed record CurrencyConversion
{
    /// <summary>Exact decimal string in token units (a JSON number is read as its literal text).</summary>
    [JsonPropertyName("amount_subtotal")]
    public string? AmountSubtotal { get; init; }

    /// <summary>Exact decimal string in token units (a JSON number is read as its literal text).</summary>
    [JsonPropertyName("amount_total")]
    public string? AmountTotal { get; init; }

    [JsonPropertyName("fx_rate")]
    public string? FxRate { get; init; }

    [JsonPropertyName("source_currency")]
    public string? SourceCurrency { get; init; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; init; }
}

/// <summary>CheckoutSession.payment_intent_data.</summary>
public sealed record PaymentIntentData
{
    [JsonPropertyName("description")]
    public string? Description { get; init; }

    [JsonPropertyName("statement_descriptor")]
    public string? StatementDescriptor { get; init; }

    [JsonPropertyName("beneficiaries")]
    public IReadOnlyList<PaymentBeneficiary>? Beneficiaries { get; init; }

    [JsonPropertyName("metadata")]
    public IReadOnlyDictionary<string, JsonElement>? Metadata { get; init; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; init; }
}

/// <summary>NftMintSettings of types.d.ts.</summary>
public sealed record NftMintSettings
{
    [JsonPropertyName("enabled")]
    public bool? Enabled { get; init; }

    [JsonPropertyName("behavior")]
    public string? Behavior { get; init; }

    [JsonPropertyName("factory")]
    public string? Factory { get; init; }

    [JsonPropertyName("inputs")]
    public IReadOnlyDictionary<string, string>? Inputs { get; init; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; init; }
}

/// <summary>NftMintDetails of types.d.ts: the minted NFT per chain.</summary>
public sealed record NftMintDetails
{
    [JsonPropertyName("type")]
    public string? Type { get; init; }

    [JsonPropertyName("arcblock")]
    public NftMintItem? Arcblock { get; init; }

    [JsonPropertyName("ethereum")]
    public NftMintItem? Ethereum { get; init; }

    [JsonPropertyName("base")]
    public NftMintItem? Base { get; init; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; init; }
}

/// <summary>A minted NFT.</summary>
public sealed record NftMintItem
{
    [JsonPropertyName("tx_hash")]
    public string? TxHash { get; init; }

    [JsonPropertyName("address")]
    public string? Address { get; init; }

    [JsonPropertyName("owner")]
    public string? Owner { get; init; }

    [JsonPropertyName("error")]
    public string? Error { get; init; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; init; }
}

/// <summary>CustomField of types.d.ts: a field the checkout asked for.</summary>
public sealed record CustomField
{
    [JsonPropertyName("key")]
    public string? Key { get; init; }

    [JsonPropertyName("label")]
    public string? Label { get; init; }

    [JsonPropertyName("type")]
    public string? Type { get; init; }

    [JsonPropertyName("optional")]
    public bool? Optional { get; init; }

    [JsonPropertyName("text")]
    public CustomFieldLength? Text { get; init; }

    [JsonPropertyName("numeric")]
    public CustomFieldLength? Numeric { get; init; }

    [JsonPropertyName("dropdown")]
    public CustomFieldDropdown? Dropdown { get; init; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; init; }
}

/// <summary>CustomField.text / .numeric limits.</summary>
public sealed record CustomFieldLength
{
    [JsonPropertyName("maximum_length")]
    public int? MaximumLength { get; init; }

    [JsonPropertyName("minimum_length")]
    public int? MinimumLength { get; init; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; init; }
}

/// <summary>CustomField.dropdown.</summary>
public sealed record CustomFieldDropdown
{
    [JsonPropertyName("options")]
    public IReadOnlyList<CustomFieldOption>? Options { get; init; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; init; }
}

/// <summary>A dropdown option.</summary>
public sealed record CustomFieldOption
{
    [JsonPropertyName("label")]
    public string? Label { get; init; }

    [JsonPropertyName("value")]
    public string? Value { get; init; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; init; }
}
