using System.Text.Json;
using System.Text.Json.Serialization;

namespace PaymentEvents.Events;

// Shapes from @blocklet/payment-types@1.27.2 (docs/protocol.md §2). Every member is optional: Payment Kit adds fields and
// enum values without notice; unknown ones land in ExtensionData. Amounts are exact decimal strings (token units).

/// <summary>Subscription.pending_update: changes waiting for a payment.</summary>
public sealed record SubscriptionPendingUpdate
{
    /// <summary>Unix seconds.</summary>
    [JsonPropertyName("billing_cycle_anchor")]
    public long? BillingCycleAnchor { get; init; }

    /// <summary>Unix seconds.</summary>
    [JsonPropertyName("expires_at")]
    public long? ExpiresAt { get; init; }

    /// <summary>The payload's <c>subscription_items</c>.</summary>
    [JsonPropertyName("subscription_items")]
    public JsonElement? SubscriptionItems { get; init; }

    /// <summary>Unix seconds.</summary>
    [JsonPropertyName("trial_end")]
    public long? TrialEnd { get; init; }

    /// <summary>Members this version does not model; kept, never an error. Settable for the source-generated serializer.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}

/// <summary>Subscription.cancelation_details.</summary>
public sealed record SubscriptionCancelationDetails
{
    /// <summary>The payload's <c>comment</c>.</summary>
    [JsonPropertyName("comment")]
    public string? Comment { get; init; }

    /// <summary>Known values: <see cref="PaymentEvents.Events.CancelationFeedback"/>; any other string is kept as is.</summary>
    [JsonPropertyName("feedback")]
    public string? Feedback { get; init; }

    /// <summary>Known values: <see cref="PaymentEvents.Events.CancelationReason"/>; any other string is kept as is.</summary>
    [JsonPropertyName("reason")]
    public string? Reason { get; init; }

    /// <summary>The payload's <c>return_stake</c>.</summary>
    [JsonPropertyName("return_stake")]
    public bool? ReturnStake { get; init; }

    /// <summary>The payload's <c>slash_stake</c>.</summary>
    [JsonPropertyName("slash_stake")]
    public bool? SlashStake { get; init; }

    /// <summary>The payload's <c>slash_reason</c>.</summary>
    [JsonPropertyName("slash_reason")]
    public string? SlashReason { get; init; }

    /// <summary>Known values: <see cref="PaymentEvents.Events.CancelationRefund"/>; any other string is kept as is.</summary>
    [JsonPropertyName("refund")]
    public string? Refund { get; init; }

    /// <summary>The payload's <c>requested_by</c>.</summary>
    [JsonPropertyName("requested_by")]
    public string? RequestedBy { get; init; }

    /// <summary>Members this version does not model; kept, never an error. Settable for the source-generated serializer.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}

/// <summary>Subscription.billing_thresholds (numbers in the .d.ts; read as exact decimal strings).</summary>
public sealed record SubscriptionBillingThresholds
{
    /// <summary>Exact decimal string in token units (a JSON number is read as its literal text).</summary>
    [JsonPropertyName("amount_gte")]
    public string? AmountGte { get; init; }

    /// <summary>Exact decimal string in token units (a JSON number is read as its literal text).</summary>
    [JsonPropertyName("stake_gte")]
    public string? StakeGte { get; init; }

    /// <summary>The payload's <c>reset_billing_cycle_anchor</c>.</summary>
    [JsonPropertyName("reset_billing_cycle_anchor")]
    public bool? ResetBillingCycleAnchor { get; init; }

    /// <summary>The payload's <c>no_stake</c>.</summary>
    [JsonPropertyName("no_stake")]
    public bool? NoStake { get; init; }

    /// <summary>The payload's <c>references_primary_stake</c>.</summary>
    [JsonPropertyName("references_primary_stake")]
    public bool? ReferencesPrimaryStake { get; init; }

    /// <summary>Members this version does not model; kept, never an error. Settable for the source-generated serializer.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}

/// <summary>Subscription.pause_collection.</summary>
public sealed record SubscriptionPauseCollection
{
    /// <summary>Known values: <see cref="PaymentEvents.Events.PauseCollectionBehavior"/>; any other string is kept as is.</summary>
    [JsonPropertyName("behavior")]
    public string? Behavior { get; init; }

    /// <summary>Unix seconds.</summary>
    [JsonPropertyName("resumes_at")]
    public long? ResumesAt { get; init; }

    /// <summary>Members this version does not model; kept, never an error. Settable for the source-generated serializer.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}

/// <summary>trial_settings: what happens when a trial ends.</summary>
public sealed record TrialSettings
{
    /// <summary>The payload's <c>end_behavior</c>.</summary>
    [JsonPropertyName("end_behavior")]
    public TrialEndBehavior? EndBehavior { get; init; }

    /// <summary>Members this version does not model; kept, never an error. Settable for the source-generated serializer.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}

/// <summary>trial_settings.end_behavior.</summary>
public sealed record TrialEndBehavior
{
    /// <summary>Known values: <see cref="PaymentEvents.Events.MissingPaymentMethodBehavior"/>; any other string is kept as is.</summary>
    [JsonPropertyName("missing_payment_method")]
    public string? MissingPaymentMethod { get; init; }

    /// <summary>Members this version does not model; kept, never an error. Settable for the source-generated serializer.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}

/// <summary>Subscription.slippage_config (dynamic pricing).</summary>
public sealed record SlippageConfig
{
    /// <summary>The payload's <c>mode</c>.</summary>
    [JsonPropertyName("mode")]
    public string? Mode { get; init; }

    /// <summary>The payload's <c>percent</c>.</summary>
    [JsonPropertyName("percent")]
    public decimal? Percent { get; init; }

    /// <summary>The payload's <c>min_acceptable_rate</c>.</summary>
    [JsonPropertyName("min_acceptable_rate")]
    public string? MinAcceptableRate { get; init; }

    /// <summary>The payload's <c>base_currency</c>.</summary>
    [JsonPropertyName("base_currency")]
    public string? BaseCurrency { get; init; }

    /// <summary>The payload's <c>updated_at_ms</c>.</summary>
    [JsonPropertyName("updated_at_ms")]
    public long? UpdatedAtMs { get; init; }

    /// <summary>Members this version does not model; kept, never an error. Settable for the source-generated serializer.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}

/// <summary>Subscription.overdraft_protection.</summary>
public sealed record OverdraftProtection
{
    /// <summary>The payload's <c>enabled</c>.</summary>
    [JsonPropertyName("enabled")]
    public bool? Enabled { get; init; }

    /// <summary>The payload's <c>payment_method_id</c>.</summary>
    [JsonPropertyName("payment_method_id")]
    public string? PaymentMethodId { get; init; }

    /// <summary>The payload's <c>payment_details</c>.</summary>
    [JsonPropertyName("payment_details")]
    public PaymentDetails? PaymentDetails { get; init; }

    /// <summary>Members this version does not model; kept, never an error. Settable for the source-generated serializer.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}

/// <summary>Subscription.credit_schedule_state values (per price id).</summary>
public sealed record CreditSchedulePriceState
{
    /// <summary>The payload's <c>enabled</c>.</summary>
    [JsonPropertyName("enabled")]
    public bool? Enabled { get; init; }

    /// <summary>Unix seconds.</summary>
    [JsonPropertyName("schedule_anchor_at")]
    public long? ScheduleAnchorAt { get; init; }

    /// <summary>Unix seconds.</summary>
    [JsonPropertyName("next_grant_at")]
    public long? NextGrantAt { get; init; }

    /// <summary>The payload's <c>last_grant_seq</c>.</summary>
    [JsonPropertyName("last_grant_seq")]
    public long? LastGrantSeq { get; init; }

    /// <summary>The payload's <c>grants_in_current_period</c>.</summary>
    [JsonPropertyName("grants_in_current_period")]
    public long? GrantsInCurrentPeriod { get; init; }

    /// <summary>The payload's <c>last_grant_id</c>.</summary>
    [JsonPropertyName("last_grant_id")]
    public string? LastGrantId { get; init; }

    /// <summary>The payload's <c>last_error</c>.</summary>
    [JsonPropertyName("last_error")]
    public string? LastError { get; init; }

    /// <summary>Members this version does not model; kept, never an error. Settable for the source-generated serializer.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}

/// <summary>ServiceAction of types.d.ts: a link or notification shown for a subscription.</summary>
public sealed record ServiceAction
{
    /// <summary>The payload's <c>type</c>.</summary>
    [JsonPropertyName("type")]
    public string? Type { get; init; }

    /// <summary>The payload's <c>triggerEvents</c>.</summary>
    [JsonPropertyName("triggerEvents")]
    public IReadOnlyList<string>? TriggerEvents { get; init; }

    /// <summary>The payload's <c>name</c>.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; init; }

    /// <summary>The payload's <c>color</c>.</summary>
    [JsonPropertyName("color")]
    public string? Color { get; init; }

    /// <summary>The payload's <c>variant</c>.</summary>
    [JsonPropertyName("variant")]
    public string? Variant { get; init; }

    /// <summary>The payload's <c>text</c>.</summary>
    [JsonPropertyName("text")]
    public IReadOnlyDictionary<string, string>? Text { get; init; }

    /// <summary>The payload's <c>link</c>.</summary>
    [JsonPropertyName("link")]
    public string? Link { get; init; }

    /// <summary>Members this version does not model; kept, never an error. Settable for the source-generated serializer.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
