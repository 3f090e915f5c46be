using System.Text.Json;
using System.Text.Json.Serialization;

namespace PaymentEvents.Events;

// Shapes from @blocklet/payment-types@1.27.2 (docs/protocol.md §2). Every member is optional: Payment Kit adds fields and
// enum values without notice; unknown ones land in ExtensionData. Amounts are exact decimal strings (token units).

/// <summary>data.object of customer.* events (customer.d.ts).</summary>
public sealed record Customer
{
    /// <summary>The payload's <c>id</c>.</summary>
    [JsonPropertyName("id")]
    public string? Id { get; init; }

    /// <summary>The payload's <c>livemode</c>.</summary>
    [JsonPropertyName("livemode")]
    public bool? Livemode { get; init; }

    /// <summary>The payload's <c>did</c>.</summary>
    [JsonPropertyName("did")]
    public string? Did { get; init; }

    /// <summary>The payload's <c>description</c>.</summary>
    [JsonPropertyName("description")]
    public string? Description { get; init; }

    /// <summary>The payload's <c>name</c>.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; init; }

    /// <summary>The payload's <c>email</c>.</summary>
    [JsonPropertyName("email")]
    public string? Email { get; init; }

    /// <summary>The payload's <c>phone</c>.</summary>
    [JsonPropertyName("phone")]
    public string? Phone { get; init; }

    /// <summary>The payload's <c>address</c>.</summary>
    [JsonPropertyName("address")]
    public CustomerAddress? Address { get; init; }

    /// <summary>The payload's <c>shipping</c>.</summary>
    [JsonPropertyName("shipping")]
    public CustomerShipping? Shipping { get; init; }

    /// <summary>Exact decimal string in token units (a JSON number is read as its literal text).</summary>
    [JsonPropertyName("balance")]
    public string? Balance { get; init; }

    /// <summary>Exact decimal string in token units (a JSON number is read as its literal text).</summary>
    [JsonPropertyName("token_balance")]
    public IReadOnlyDictionary<string, string>? TokenBalance { get; init; }

    /// <summary>The payload's <c>currency_id</c>.</summary>
    [JsonPropertyName("currency_id")]
    public string? CurrencyId { get; init; }

    /// <summary>The payload's <c>delinquent</c>.</summary>
    [JsonPropertyName("delinquent")]
    public bool? Delinquent { get; init; }

    /// <summary>The payload's <c>discount_id</c>.</summary>
    [JsonPropertyName("discount_id")]
    public string? DiscountId { get; init; }

    /// <summary>The payload's <c>metadata</c>.</summary>
    [JsonPropertyName("metadata")]
    public IReadOnlyDictionary<string, JsonElement>? Metadata { get; init; }

    /// <summary>The payload's <c>invoice_credit_balance</c>.</summary>
    [JsonPropertyName("invoice_credit_balance")]
    public JsonElement? InvoiceCreditBalance { get; init; }

    /// <summary>The payload's <c>invoice_prefix</c>.</summary>
    [JsonPropertyName("invoice_prefix")]
    public string? InvoicePrefix { get; init; }

    /// <summary>The payload's <c>invoice_settings</c>.</summary>
    [JsonPropertyName("invoice_settings")]
    public CustomerInvoiceSettings? InvoiceSettings { get; init; }

    /// <summary>The payload's <c>next_invoice_sequence</c>.</summary>
    [JsonPropertyName("next_invoice_sequence")]
    public long? NextInvoiceSequence { get; init; }

    /// <summary>Unix seconds.</summary>
    [JsonPropertyName("last_sync_at")]
    public long? LastSyncAt { get; init; }

    /// <summary>The payload's <c>preference</c>.</summary>
    [JsonPropertyName("preference")]
    public CustomerPreferences? Preference { get; init; }

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
