using System.Text.Json;
using System.Text.Json.Serialization;

namespace PaymentEvents.Events;

// Shapes from @blocklet/payment-types@1.27.2 (docs/protocol.md §2). Every member is optional: Payment Kit adds fields and
// enum values without notice; unknown ones land in ExtensionData. Amounts are exact decimal strings (token units).

/// <summary>data.object of customer.subscription.* events (subscription.d.ts).</summary>
public sealed record Subscription
{
    /// <summary>The payload's <c>id</c>.</summary>
    [JsonPropertyName("id")]
    public string? Id { get; init; }

    /// <summary>The payload's <c>livemode</c>.</summary>
    [JsonPropertyName("livemode")]
    public bool? Livemode { get; init; }

    /// <summary>The payload's <c>currency_id</c>.</summary>
    [JsonPropertyName("currency_id")]
    public string? CurrencyId { get; init; }

    /// <summary>The payload's <c>customer_id</c>.</summary>
    [JsonPropertyName("customer_id")]
    public string? CustomerId { get; init; }

    /// <summary>Unix seconds.</summary>
    [JsonPropertyName("current_period_start")]
    public long? CurrentPeriodStart { get; init; }

    /// <summary>Unix seconds.</summary>
    [JsonPropertyName("current_period_end")]
    public long? CurrentPeriodEnd { get; init; }

    /// <summary>The payload's <c>default_payment_method_id</c>.</summary>
    [JsonPropertyName("default_payment_method_id")]
    public string? DefaultPaymentMethodId { get; init; }

    /// <summary>The payload's <c>description</c>.</summary>
    [JsonPropertyName("description")]
    public string? Description { get; init; }

    /// <summary>The payload's <c>latest_invoice_id</c>.</summary>
    [JsonPropertyName("latest_invoice_id")]
    public string? LatestInvoiceId { get; init; }

    /// <summary>The payload's <c>metadata</c>.</summary>
    [JsonPropertyName("metadata")]
    public IReadOnlyDictionary<string, JsonElement>? Metadata { get; init; }

    /// <summary>The payload's <c>pending_setup_intent</c>.</summary>
    [JsonPropertyName("pending_setup_intent")]
    public string? PendingSetupIntent { get; init; }

    /// <summary>The payload's <c>pending_update</c>.</summary>
    [JsonPropertyName("pending_update")]
    public SubscriptionPendingUpdate? PendingUpdate { get; init; }

    /// <summary>Known values: <see cref="PaymentEvents.Events.SubscriptionStatus"/>; any other string is kept as is.</summary>
    [JsonPropertyName("status")]
    public string? Status { get; init; }

    /// <summary>The payload's <c>cancel_at_period_end</c>.</summary>
    [JsonPropertyName("cancel_at_period_end")]
    public bool? CancelAtPeriodEnd { get; init; }

    /// <summary>Unix seconds.</summary>
    [JsonPropertyName("cancel_at")]
    public long? CancelAt { get; init; }

    /// <summary>Unix seconds.</summary>
    [JsonPropertyName("canceled_at")]
    public long? CanceledAt { get; init; }

    /// <summary>The payload's <c>cancelation_details</c>.</summary>
    [JsonPropertyName("cancelation_details")]
    public SubscriptionCancelationDetails? CancelationDetails { get; init; }

    /// <summary>Unix seconds.</summary>
    [JsonPropertyName("billing_cycle_anchor")]
    public long? BillingCycleAnchor { get; init; }

    /// <summary>The payload's <c>billing_thresholds</c>.</summary>
    [JsonPropertyName("billing_thresholds")]
    public SubscriptionBillingThresholds? BillingThresholds { get; init; }

    /// <summary>Known values: <see cref="PaymentEvents.Events.CollectionMethod"/>; any other string is kept as is.</summary>
    [JsonPropertyName("collection_method")]
    public string? CollectionMethod { get; init; }

    /// <summary>The payload's <c>days_until_due</c>.</summary>
    [JsonPropertyName("days_until_due")]
    public int? DaysUntilDue { get; init; }

    /// <summary>The payload's <c>days_until_cancel</c>.</summary>
    [JsonPropertyName("days_until_cancel")]
    public int? DaysUntilCancel { get; init; }

    /// <summary>The payload's <c>discount_id</c>.</summary>
    [JsonPropertyName("discount_id")]
    public string? DiscountId { get; init; }

    /// <summary>Unix seconds.</summary>
    [JsonPropertyName("next_pending_invoice_item_invoice")]
    public long? NextPendingInvoiceItemInvoice { get; init; }

    /// <summary>The payload's <c>pause_collection</c>.</summary>
    [JsonPropertyName("pause_collection")]
    public SubscriptionPauseCollection? PauseCollection { get; init; }

    /// <summary>The payload's <c>payment_settings</c>.</summary>
    [JsonPropertyName("payment_settings")]
    public PaymentSettings? PaymentSettings { get; init; }

    /// <summary>The payload's <c>pending_invoice_item_interval</c>.</summary>
    [JsonPropertyName("pending_invoice_item_interval")]
    public PriceRecurring? PendingInvoiceItemInterval { get; init; }

    /// <summary>The payload's <c>schedule_id</c>.</summary>
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

    /// <summary>The payload's <c>trial_settings</c>.</summary>
    [JsonPropertyName("trial_settings")]
    public TrialSettings? TrialSettings { get; init; }

    /// <summary>The payload's <c>payment_details</c>.</summary>
    [JsonPropertyName("payment_details")]
    public PaymentDetails? PaymentDetails { get; init; }

    /// <summary>The payload's <c>slippage_config</c>.</summary>
    [JsonPropertyName("slippage_config")]
    public SlippageConfig? SlippageConfig { get; init; }

    /// <summary>Known values: <see cref="PaymentEvents.Events.ProrationBehavior"/>; any other string is kept as is.</summary>
    [JsonPropertyName("proration_behavior")]
    public string? ProrationBehavior { get; init; }

    /// <summary>Known values: <see cref="PaymentEvents.Events.PaymentBehavior"/>; any other string is kept as is.</summary>
    [JsonPropertyName("payment_behavior")]
    public string? PaymentBehavior { get; init; }

    /// <summary>The payload's <c>service_actions</c>.</summary>
    [JsonPropertyName("service_actions")]
    public IReadOnlyList<ServiceAction>? ServiceActions { get; init; }

    /// <summary>The payload's <c>recovered_from</c>.</summary>
    [JsonPropertyName("recovered_from")]
    public string? RecoveredFrom { get; init; }

    /// <summary>The payload's <c>overdraft_protection</c>.</summary>
    [JsonPropertyName("overdraft_protection")]
    public OverdraftProtection? OverdraftProtection { get; init; }

    /// <summary>The payload's <c>credit_schedule_state</c>.</summary>
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
