using System.Text.Json;
using System.Text.Json.Serialization;

namespace PaymentEvents.Events;

// Shapes from @blocklet/payment-types@1.27.2 (docs/protocol.md §2). Every member is optional: Payment Kit adds fields and
// enum values without notice; unknown ones land in ExtensionData. Amounts are exact decimal strings (token units).

/// <summary>Customer.invoice_settings.</summary>
public sealed record CustomerInvoiceSettings
{
    /// <summary>The payload's <c>custom_fields</c>.</summary>
    [JsonPropertyName("custom_fields")]
    public IReadOnlyList<SimpleCustomField>? CustomFields { get; init; }

    /// <summary>The payload's <c>default_payment_method</c>.</summary>
    [JsonPropertyName("default_payment_method")]
    public string? DefaultPaymentMethod { get; init; }

    /// <summary>The payload's <c>footer</c>.</summary>
    [JsonPropertyName("footer")]
    public string? Footer { get; init; }

    /// <summary>Members this version does not model; kept, never an error. Settable for the source-generated serializer.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}

/// <summary>Customer.preference.</summary>
public sealed record CustomerPreferences
{
    /// <summary>The payload's <c>notification</c>.</summary>
    [JsonPropertyName("notification")]
    public CustomerNotificationSettings? Notification { get; init; }

    /// <summary>Members this version does not model; kept, never an error. Settable for the source-generated serializer.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}

/// <summary>preference.notification.</summary>
public sealed record CustomerNotificationSettings
{
    /// <summary>The payload's <c>frequency</c>.</summary>
    [JsonPropertyName("frequency")]
    public string? Frequency { get; init; }

    /// <summary>The payload's <c>schedule</c>.</summary>
    [JsonPropertyName("schedule")]
    public CustomerNotificationSchedule? Schedule { get; init; }

    /// <summary>Members this version does not model; kept, never an error. Settable for the source-generated serializer.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}

/// <summary>preference.notification.schedule.</summary>
public sealed record CustomerNotificationSchedule
{
    /// <summary>The payload's <c>time</c>.</summary>
    [JsonPropertyName("time")]
    public string? Time { get; init; }

    /// <summary>The payload's <c>date</c>.</summary>
    [JsonPropertyName("date")]
    public int? Date { get; init; }

    /// <summary>Members this version does not model; kept, never an error. Settable for the source-generated serializer.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}

/// <summary>CustomerAddress of types.d.ts.</summary>
public sealed record CustomerAddress
{
    /// <summary>The payload's <c>city</c>.</summary>
    [JsonPropertyName("city")]
    public string? City { get; init; }

    /// <summary>The payload's <c>country</c>.</summary>
    [JsonPropertyName("country")]
    public string? Country { get; init; }

    /// <summary>The payload's <c>line1</c>.</summary>
    [JsonPropertyName("line1")]
    public string? Line1 { get; init; }

    /// <summary>The payload's <c>line2</c>.</summary>
    [JsonPropertyName("line2")]
    public string? Line2 { get; init; }

    /// <summary>The payload's <c>postal_code</c>.</summary>
    [JsonPropertyName("postal_code")]
    public string? PostalCode { get; init; }

    /// <summary>The payload's <c>state</c>.</summary>
    [JsonPropertyName("state")]
    public string? State { get; init; }

    /// <summary>Members this version does not model; kept, never an error. Settable for the source-generated serializer.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}

/// <summary>CustomerShipping of types.d.ts.</summary>
public sealed record CustomerShipping
{
    /// <summary>The payload's <c>address</c>.</summary>
    [JsonPropertyName("address")]
    public CustomerAddress? Address { get; init; }

    /// <summary>The payload's <c>name</c>.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; init; }

    /// <summary>The payload's <c>phone</c>.</summary>
    [JsonPropertyName("phone")]
    public string? Phone { get; init; }

    /// <summary>Members this version does not model; kept, never an error. Settable for the source-generated serializer.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}

/// <summary>CustomerDetail of types.d.ts (what the customer entered at checkout).</summary>
public sealed record CustomerDetails
{
    /// <summary>The payload's <c>address</c>.</summary>
    [JsonPropertyName("address")]
    public CustomerAddress? Address { get; init; }

    /// <summary>The payload's <c>email</c>.</summary>
    [JsonPropertyName("email")]
    public string? Email { get; init; }

    /// <summary>The payload's <c>name</c>.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; init; }

    /// <summary>The payload's <c>phone</c>.</summary>
    [JsonPropertyName("phone")]
    public string? Phone { get; init; }

    /// <summary>Members this version does not model; kept, never an error. Settable for the source-generated serializer.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
