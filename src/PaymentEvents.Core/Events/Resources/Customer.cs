using System.Text.Json;
using System.Text.Json.Serialization;

namespace PaymentEvents.Events;

// Shapes from @blocklet/payment-types@1.27.2 (docs/protocol.md §2). Every member is optional: Payment Kit adds fields and
// enum values without notice; unknown ones land in ExtensionData. Amounts are exact decimal strings (token units).

/// <summary>data.object of customer.* events (customer.d.ts).</summary>
public sealed record Customer
{
    [JsonPropertyName("id")]
    public string? Id { get; init; }

    [JsonPropertyName("livemode")]
    public bool? Livemode { get; init; }

    [JsonPropertyName("did")]
    public string? Did { get; init; }

    [JsonPropertyName("description")]
    public string? Description { get; init; }

    [JsonPropertyName("name")]
    public string? Name { get; init; }

    [JsonPropertyName("email")]
    public string? Email { get; init; }

    [JsonPropertyName("phone")]
    public string? Phone { get; init; }

    [JsonPropertyName("address")]
    public CustomerAddress? Address { get; init; }

    [JsonPropertyName("shipping")]
    public CustomerShipping? Shipping { get; init; }

    /// <summary>Exact decimal string in token units (a JSON number is read as its literal text).</summary>
    [JsonPropertyName("balance")]
    public string? Balance { get; init; }

    /// <summary>Exact decimal string in token units (a JSON number is read as its literal text).</summary>
    [JsonPropertyName("token_balance")]
    public IReadOnlyDictionary<string, string>? TokenBalance { get; init; }

    [JsonPropertyName("currency_id")]
    public string? CurrencyId { get; init; }

    [JsonPropertyName("delinquent")]
    public bool? Delinquent { get; init; }

    [JsonPropertyName("discount_id")]
    public string? DiscountId { get; init; }

    [JsonPropertyName("metadata")]
    public IReadOnlyDictionary<string, JsonElement>? Metadata { get; init; }

    [JsonPropertyName("invoice_credit_balance")]
    public JsonElement? InvoiceCreditBalance { get; init; }

    [JsonPropertyName("invoice_prefix")]
    public string? InvoicePrefix { get; init; }

    [JsonPropertyName("invoice_settings")]
    public CustomerInvoiceSettings? InvoiceSettings { get; init; }

    [JsonPropertyName("next_invoice_sequence")]
    public long? NextInvoiceSequence { get; init; }

    /// <summary>Unix seconds.</summary>
    [JsonPropertyName("last_sync_at")]
    public long? LastSyncAt { get; init; }

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
