using System.Text.Json;
using System.Text.Json.Serialization;

namespace PaymentEvents.Events;

// Shapes from @blocklet/payment-types@1.27.2 (PROTOCOL §2). Every member is optional: Payment Kit adds fields and
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

    [JsonPropertyName("created_at")]
    public DateTimeOffset? CreatedAt { get; init; }

    [JsonPropertyName("updated_at")]
    public DateTimeOffset? UpdatedAt { get; init; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; init; }
}

/// <summary>Customer.invoice_settings.</summary>
public sealed record CustomerInvoiceSettings
{
    [JsonPropertyName("custom_fields")]
    public IReadOnlyList<SimpleCustomField>? CustomFields { get; init; }

    [JsonPropertyName("default_payment_method")]
    public string? DefaultPaymentMethod { get; init; }

    [JsonPropertyName("footer")]
    public string? Footer { get; init; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; init; }
}

/// <summary>Customer.preference.</summary>
public sealed record CustomerPreferences
{
    [JsonPropertyName("notification")]
    public CustomerNotificationSettings? Notification { get; init; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; init; }
}

/// <summary>preference.notification.</summary>
public sealed record CustomerNotificationSettings
{
    [JsonPropertyName("frequency")]
    public string? Frequency { get; init; }

    [JsonPropertyName("schedule")]
    public CustomerNotificationSchedule? Schedule { get; init; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; init; }
}

/// <summary>preference.notification.schedule.</summary>
public sealed record CustomerNotificationSchedule
{
    [JsonPropertyName("time")]
    public string? Time { get; init; }

    [JsonPropertyName("date")]
    public int? Date { get; init; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; init; }
}

/// <summary>CustomerAddress of types.d.ts.</summary>
public sealed record CustomerAddress
{
    [JsonPropertyName("city")]
    public string? City { get; init; }

    [JsonPropertyName("country")]
    public string? Country { get; init; }

    [JsonPropertyName("line1")]
    public string? Line1 { get; init; }

    [JsonPropertyName("line2")]
    public string? Line2 { get; init; }

    [JsonPropertyName("postal_code")]
    public string? PostalCode { get; init; }

    [JsonPropertyName("state")]
    public string? State { get; init; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; init; }
}

/// <summary>CustomerShipping of types.d.ts.</summary>
public sealed record CustomerShipping
{
    [JsonPropertyName("address")]
    public CustomerAddress? Address { get; init; }

    [JsonPropertyName("name")]
    public string? Name { get; init; }

    [JsonPropertyName("phone")]
    public string? Phone { get; init; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; init; }
}

/// <summary>CustomerDetail of types.d.ts (what the customer entered at checkout).</summary>
public sealed record CustomerDetails
{
    [JsonPropertyName("address")]
    public CustomerAddress? Address { get; init; }

    [JsonPropertyName("email")]
    public string? Email { get; init; }

    [JsonPropertyName("name")]
    public string? Name { get; init; }

    [JsonPropertyName("phone")]
    public string? Phone { get; init; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; init; }
}
