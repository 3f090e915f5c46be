using System.Text.Json;
using System.Text.Json.Serialization;

namespace PaymentEvents.Events;

// Shapes from @blocklet/payment-types@1.27.2 (docs/protocol.md §2). Every member is optional: Payment Kit adds fields and
// enum values without notice; unknown ones land in ExtensionData. Amounts are exact decimal strings (token units).

/// <summary>LineItem of types.d.ts: one price and quantity of a checkout.</summary>
public sealed record LineItem
{
    /// <summary>The payload's <c>price_id</c>.</summary>
    [JsonPropertyName("price_id")]
    public string? PriceId { get; init; }

    /// <summary>The payload's <c>quantity</c>.</summary>
    [JsonPropertyName("quantity")]
    public long? Quantity { get; init; }

    /// <summary>The payload's <c>adjustable_quantity</c>.</summary>
    [JsonPropertyName("adjustable_quantity")]
    public AdjustableQuantity? AdjustableQuantity { get; init; }

    /// <summary>The payload's <c>upsell_price_id</c>.</summary>
    [JsonPropertyName("upsell_price_id")]
    public string? UpsellPriceId { get; init; }

    /// <summary>The payload's <c>cross_sell</c>.</summary>
    [JsonPropertyName("cross_sell")]
    public bool? CrossSell { get; init; }

    /// <summary>Exact decimal string in token units (a JSON number is read as its literal text).</summary>
    [JsonPropertyName("custom_amount")]
    public string? CustomAmount { get; init; }

    /// <summary>The payload's <c>subscription_data</c>.</summary>
    [JsonPropertyName("subscription_data")]
    public SubscriptionData? SubscriptionData { get; init; }

    /// <summary>The payload's <c>price</c>.</summary>
    [JsonPropertyName("price")]
    public Price? Price { get; init; }

    /// <summary>The payload's <c>upsell_price</c>.</summary>
    [JsonPropertyName("upsell_price")]
    public Price? UpsellPrice { get; init; }

    /// <summary>Members this version does not model; kept, never an error. Settable for the source-generated serializer.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}

/// <summary>LineItem.adjustable_quantity.</summary>
public sealed record AdjustableQuantity
{
    /// <summary>The payload's <c>enabled</c>.</summary>
    [JsonPropertyName("enabled")]
    public bool? Enabled { get; init; }

    /// <summary>The payload's <c>maximum</c>.</summary>
    [JsonPropertyName("maximum")]
    public long? Maximum { get; init; }

    /// <summary>The payload's <c>minimum</c>.</summary>
    [JsonPropertyName("minimum")]
    public long? Minimum { get; init; }

    /// <summary>Members this version does not model; kept, never an error. Settable for the source-generated serializer.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}

/// <summary>SubscriptionData of types.d.ts (plus the extra fields checkout and line items add).</summary>
public sealed record SubscriptionData
{
    /// <summary>The payload's <c>description</c>.</summary>
    [JsonPropertyName("description")]
    public string? Description { get; init; }

    /// <summary>The payload's <c>trial_period_days</c>.</summary>
    [JsonPropertyName("trial_period_days")]
    public int? TrialPeriodDays { get; init; }

    /// <summary>Exact decimal string in token units (a JSON number is read as its literal text).</summary>
    [JsonPropertyName("billing_threshold_amount")]
    public string? BillingThresholdAmount { get; init; }

    /// <summary>Exact decimal string in token units (a JSON number is read as its literal text).</summary>
    [JsonPropertyName("min_stake_amount")]
    public string? MinStakeAmount { get; init; }

    /// <summary>The payload's <c>metadata</c>.</summary>
    [JsonPropertyName("metadata")]
    public IReadOnlyDictionary<string, JsonElement>? Metadata { get; init; }

    /// <summary>The payload's <c>recovered_from</c>.</summary>
    [JsonPropertyName("recovered_from")]
    public string? RecoveredFrom { get; init; }

    /// <summary>Unix seconds.</summary>
    [JsonPropertyName("trial_end")]
    public long? TrialEnd { get; init; }

    /// <summary>The payload's <c>trial_currency</c>.</summary>
    [JsonPropertyName("trial_currency")]
    public string? TrialCurrency { get; init; }

    /// <summary>The payload's <c>no_stake</c>.</summary>
    [JsonPropertyName("no_stake")]
    public bool? NoStake { get; init; }

    /// <summary>The payload's <c>notification_settings</c>.</summary>
    [JsonPropertyName("notification_settings")]
    public NotificationSetting? NotificationSettings { get; init; }

    /// <summary>The payload's <c>service_actions</c>.</summary>
    [JsonPropertyName("service_actions")]
    public IReadOnlyList<ServiceAction>? ServiceActions { get; init; }

    /// <summary>Unix seconds.</summary>
    [JsonPropertyName("billing_cycle_anchor")]
    public long? BillingCycleAnchor { get; init; }

    /// <summary>Known values: <see cref="PaymentEvents.Events.ProrationBehavior"/>; any other string is kept as is.</summary>
    [JsonPropertyName("proration_behavior")]
    public string? ProrationBehavior { get; init; }

    /// <summary>The payload's <c>trial_settings</c>.</summary>
    [JsonPropertyName("trial_settings")]
    public TrialSettings? TrialSettings { get; init; }

    /// <summary>The payload's <c>days_until_due</c>.</summary>
    [JsonPropertyName("days_until_due")]
    public int? DaysUntilDue { get; init; }

    /// <summary>The payload's <c>days_until_cancel</c>.</summary>
    [JsonPropertyName("days_until_cancel")]
    public int? DaysUntilCancel { get; init; }

    /// <summary>Members this version does not model; kept, never an error. Settable for the source-generated serializer.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}

/// <summary>SubscriptionData.notification_settings.</summary>
public sealed record NotificationSetting
{
    /// <summary>The payload's <c>self_handle</c>.</summary>
    [JsonPropertyName("self_handle")]
    public bool? SelfHandle { get; init; }

    /// <summary>The payload's <c>exclude_events</c>.</summary>
    [JsonPropertyName("exclude_events")]
    public IReadOnlyList<string>? ExcludeEvents { get; init; }

    /// <summary>The payload's <c>include_events</c>.</summary>
    [JsonPropertyName("include_events")]
    public IReadOnlyList<string>? IncludeEvents { get; init; }

    /// <summary>Members this version does not model; kept, never an error. Settable for the source-generated serializer.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
