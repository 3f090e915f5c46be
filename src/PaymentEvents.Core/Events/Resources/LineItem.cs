using System.Text.Json;
using System.Text.Json.Serialization;

namespace PaymentEvents.Events;

// Shapes from @blocklet/payment-types@1.27.2 (docs/protocol.md §2). Every member is optional: Payment Kit adds fields and
// enum values without notice; unknown ones land in ExtensionData. Amounts are exact decimal strings (token units).

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

    /// <summary>Members this version does not model; kept, never an error. Settable for the source-generated serializer.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
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

    /// <summary>Members this version does not model; kept, never an error. Settable for the source-generated serializer.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
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

    /// <summary>Members this version does not model; kept, never an error. Settable for the source-generated serializer.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
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

    /// <summary>Members this version does not model; kept, never an error. Settable for the source-generated serializer.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
