using System.Text.Json;
using System.Text.Json.Serialization;

namespace PaymentEvents.Events;

// Shapes from @blocklet/payment-types@1.27.2 (docs/protocol.md §2). Every member is optional: Payment Kit adds fields and
// enum values without notice; unknown ones land in ExtensionData. Amounts are exact decimal strings (token units).

/// <summary>data.object of refund.* events (refund.d.ts).</summary>
public sealed record Refund
{
    /// <summary>The payload's <c>id</c>.</summary>
    [JsonPropertyName("id")]
    public string? Id { get; init; }

    /// <summary>The payload's <c>livemode</c>.</summary>
    [JsonPropertyName("livemode")]
    public bool? Livemode { get; init; }

    /// <summary>The payload's <c>description</c>.</summary>
    [JsonPropertyName("description")]
    public string? Description { get; init; }

    /// <summary>Exact decimal string in token units (a JSON number is read as its literal text).</summary>
    [JsonPropertyName("amount")]
    public string? Amount { get; init; }

    /// <summary>The payload's <c>payment_details</c>.</summary>
    [JsonPropertyName("payment_details")]
    public PaymentDetails? PaymentDetails { get; init; }

    /// <summary>The payload's <c>currency_id</c>.</summary>
    [JsonPropertyName("currency_id")]
    public string? CurrencyId { get; init; }

    /// <summary>The payload's <c>customer_id</c>.</summary>
    [JsonPropertyName("customer_id")]
    public string? CustomerId { get; init; }

    /// <summary>The payload's <c>payment_intent_id</c>.</summary>
    [JsonPropertyName("payment_intent_id")]
    public string? PaymentIntentId { get; init; }

    /// <summary>The payload's <c>payment_method_id</c>.</summary>
    [JsonPropertyName("payment_method_id")]
    public string? PaymentMethodId { get; init; }

    /// <summary>The payload's <c>invoice_id</c>.</summary>
    [JsonPropertyName("invoice_id")]
    public string? InvoiceId { get; init; }

    /// <summary>The payload's <c>subscription_id</c>.</summary>
    [JsonPropertyName("subscription_id")]
    public string? SubscriptionId { get; init; }

    /// <summary>The payload's <c>metadata</c>.</summary>
    [JsonPropertyName("metadata")]
    public IReadOnlyDictionary<string, JsonElement>? Metadata { get; init; }

    /// <summary>Known values: <see cref="PaymentEvents.Events.RefundStatus"/>; any other string is kept as is.</summary>
    [JsonPropertyName("status")]
    public string? Status { get; init; }

    /// <summary>Known values: <see cref="PaymentEvents.Events.RefundReason"/>; any other string is kept as is.</summary>
    [JsonPropertyName("reason")]
    public string? Reason { get; init; }

    /// <summary>Known values: <see cref="PaymentEvents.Events.RefundFailureReason"/>; any other string is kept as is.</summary>
    [JsonPropertyName("failure_reason")]
    public string? FailureReason { get; init; }

    /// <summary>The payload's <c>attempt_count</c>.</summary>
    [JsonPropertyName("attempt_count")]
    public int? AttemptCount { get; init; }

    /// <summary>The payload's <c>attempted</c>.</summary>
    [JsonPropertyName("attempted")]
    public bool? Attempted { get; init; }

    /// <summary>Unix seconds.</summary>
    [JsonPropertyName("next_attempt")]
    public long? NextAttempt { get; init; }

    /// <summary>The payload's <c>last_attempt_error</c>.</summary>
    [JsonPropertyName("last_attempt_error")]
    public PaymentError? LastAttemptError { get; init; }

    /// <summary>Exact decimal string in token units (a JSON number is read as its literal text).</summary>
    [JsonPropertyName("starting_balance")]
    public string? StartingBalance { get; init; }

    /// <summary>Exact decimal string in token units (a JSON number is read as its literal text).</summary>
    [JsonPropertyName("ending_balance")]
    public string? EndingBalance { get; init; }

    /// <summary>Exact decimal string in token units (a JSON number is read as its literal text).</summary>
    [JsonPropertyName("starting_token_balance")]
    public IReadOnlyDictionary<string, string>? StartingTokenBalance { get; init; }

    /// <summary>Exact decimal string in token units (a JSON number is read as its literal text).</summary>
    [JsonPropertyName("ending_token_balance")]
    public IReadOnlyDictionary<string, string>? EndingTokenBalance { get; init; }

    /// <summary>Known values: <see cref="PaymentEvents.Events.RefundType"/>; any other string is kept as is.</summary>
    [JsonPropertyName("type")]
    public string? Type { get; init; }

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
