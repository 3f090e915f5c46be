using System.Text.Json;
using System.Text.Json.Serialization;

namespace PaymentEvents.Events;

// Shapes from @blocklet/payment-types@1.27.2 (docs/protocol.md §2). Every member is optional: Payment Kit adds fields and
// enum values without notice; unknown ones land in ExtensionData. Amounts are exact decimal strings (token units).

/// <summary>data.object of customer.subscription.* events (subscription.d.ts).</summary>
public sealed record Subscription
{
    [JsonPropertyName("id")]
    public string? Id { get; init; }

    [JsonPropertyName("livemode")]
    public bool? Livemode { get; init; }

    [JsonPropertyName("currency_id")]
    public string? CurrencyId { get; init; }

    [JsonPropertyName("customer_id")]
    public string? CustomerId { get; init; }

    /// <summary>Unix seconds.</summary>
    [JsonPropertyName("current_period_start")]
    public long? CurrentPeriodStart { get; init; }

    /// <summary>Unix seconds.</summary>
    [JsonPropertyName("current_period_end")]
    public long? CurrentPeriodEnd { get; init; }

    [JsonPropertyName("default_payment_method_id")]
    public string? DefaultPaymentMethodId { get; init; }

    [JsonPropertyName("description")]
    public string? Description { get; init; }

    [JsonPropertyName("latest_invoice_id")]
    public string? LatestInvoiceId { get; init; }

    [JsonPropertyName("metadata")]
    public IReadOnlyDictionary<string, JsonElement>? Metadata { get; init; }

    [JsonPropertyName("pending_setup_intent")]
    public string? PendingSetupIntent { get; init; }

    [JsonPropertyName("pending_update")]
    public SubscriptionPendingUpdate? PendingUpdate { get; init; }

    /// <summary>Known values: <see cref="PaymentEvents.Events.SubscriptionStatus"/>; any other string is kept as is.</summary>
    [JsonPropertyName("status")]
    public string? Status { get; init; }

    [JsonPropertyName("cancel_at_period_end")]
    public bool? CancelAtPeriodEnd { get; init; }

    /// <summary>Unix seconds.</summary>
    [JsonPropertyName("cancel_at")]
    public long? CancelAt { get; init; }

    /// <summary>Unix seconds.</summary>
    [JsonPropertyName("canceled_at")]
    public long? CanceledAt { get; init; }

    [JsonPropertyName("cancelation_details")]
    public SubscriptionCancelationDetails? CancelationDetails { get; init; }

    /// <summary>Unix seconds.</summary>
    [JsonPropertyName("billing_cycle_anchor")]
    public long? BillingCycleAnchor { get; init; }

    [JsonPropertyName("billing_thresholds")]
    public SubscriptionBillingThresholds? BillingThresholds { get; init; }

    /// <summary>Known values: <see cref="PaymentEvents.Events.CollectionMethod"/>; any other string is kept as is.</summary>
    [JsonPropertyName("collection_method")]
    public string? CollectionMethod { get; init; }

    [JsonPropertyName("days_until_due")]
    public int? DaysUntilDue { get; init; }

    [JsonPropertyName("days_until_cancel")]
    public int? DaysUntilCancel { get; init; }

    [JsonPropertyName("discount_id")]
    public string? DiscountId { get; init; }

    /// <summary>Unix seconds.</summary>
    [JsonPropertyName("next_pending_invoice_item_invoice")]
    public long? NextPendingInvoiceItemInvoice { get; init; }

    [JsonPropertyName("pause_collection")]
    public SubscriptionPauseCollection? PauseCollection { get; init; }

    [JsonPropertyName("payment_settings")]
    public PaymentSettings? PaymentSettings { get; init; }

    [JsonPropertyName("pending_invoice_item_interval")]
    public PriceRecurring? PendingInvoiceItemInterval { get; init; }

    [JsonPropertyName("schedule_id")]
    public string? ScheduleId { get; init; }

    /// <summary>Unix seconds.</summary>
    [JsonPropertyName("ended_at")]
    public long? EndedAt { get; init; }

    /// <summary>Unix seconds.</summary>
    [JsonPropertyName("start_date")]
    public long? StartDate { get; init; }

    /// <summary>Unix seconds.</summary>
    [JsonPropertyName("trial_start")]
    public long? TrialStart { get; init; }

    /// <summary>Unix seconds.</summary>
    [JsonPropertyName("trial_end")]
    public long? TrialEnd { get; init; }

    [JsonPropertyName("trial_settings")]
    public TrialSettings? TrialSettings { get; init; }

    [JsonPropertyName("payment_details")]
    public PaymentDetails? PaymentDetails { get; init; }

    [JsonPropertyName("slippage_config")]
    public SlippageConfig? SlippageConfig { get; init; }

    /// <summary>Known values: <see cref="PaymentEvents.Events.ProrationBehavior"/>; any other string is kept as is.</summary>
    [JsonPropertyName("proration_behavior")]
    public string? ProrationBehavior { get; init; }

    /// <summary>Known values: <see cref="PaymentEvents.Events.PaymentBehavior"/>; any other string is kept as is.</summary>
    [JsonPropertyName("payment_behavior")]
    public string? PaymentBehavior { get; init; }

    [JsonPropertyName("service_actions")]
    public IReadOnlyList<ServiceAction>? ServiceActions { get; init; }

    [JsonPropertyName("recovered_from")]
    public string? RecoveredFrom { get; init; }

    [JsonPropertyName("overdraft_protection")]
    public OverdraftProtection? OverdraftProtection { get; init; }

    [JsonPropertyName("credit_schedule_state")]
    public IReadOnlyDictionary<string, CreditSchedulePriceState>? CreditScheduleState { get; init; }

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
