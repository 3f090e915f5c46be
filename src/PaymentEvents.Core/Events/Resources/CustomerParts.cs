using System.Text.Json;
using System.Text.Json.Serialization;

namespace PaymentEvents.Events;

// Shapes from @blocklet/payment-types@1.27.2 (docs/protocol.md §2). Every member is optional: Payment Kit adds fields and
// enum values without notice; unknown ones land in ExtensionData. Amounts are exact decimal strings (token units).

/// <summary>Customer.invoice_settings.</summary>
public sealed record CustomerInvoiceSettings
{
    [JsonPropertyName("custom_fields")]
    public IReadOnlyList<SimpleCustomField>? CustomFields { get; init; }

    [JsonPropertyName("default_payment_method")]
    public string? DefaultPaymentMethod { get; init; }

    [JsonPropertyName("footer")]
    public string? Footer { get; init; }

    /// <summary>Members this version does not model; kept, never an error. Settable for the source-generated serializer.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}

/// <summary>Customer.preference.</summary>
public sealed record CustomerPreferences
{
    [JsonPropertyName("notification")]
    public CustomerNotificationSettings? Notification { get; init; }

    /// <summary>Members this version does not model; kept, never an error. Settable for the source-generated serializer.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}

/// <summary>preference.notification.</summary>
public sealed record CustomerNotificationSettings
{
    [JsonPropertyName("frequency")]
    public string? Frequency { get; init; }

    [JsonPropertyName("schedule")]
    public CustomerNotificationSchedule? Schedule { get; init; }

    /// <summary>Members this version does not model; kept, never an error. Settable for the source-generated serializer.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}

/// <summary>preference.notification.schedule.</summary>
public sealed record CustomerNotificationSchedule
{
    [JsonPropertyName("time")]
    public string? Time { get; init; }

    [JsonPropertyName("date")]
    public int? Date { get; init; }

    /// <summary>Members this version does not model; kept, never an error. Settable for the source-generated serializer.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
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

    /// <summary>Members this version does not model; kept, never an error. Settable for the source-generated serializer.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
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

    /// <summary>Members this version does not model; kept, never an error. Settable for the source-generated serializer.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
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

    /// <summary>Members this version does not model; kept, never an error. Settable for the source-generated serializer.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
