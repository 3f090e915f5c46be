using System.Text.Json;
using System.Text.Json.Serialization;

namespace PaymentEvents.Events;

// Shapes from @blocklet/payment-types@1.27.2 (docs/protocol.md §2). Every member is optional: Payment Kit adds fields and
// enum values without notice; unknown ones land in ExtensionData. Amounts are exact decimal strings (token units).

/// <summary>CustomField of types.d.ts: a field the checkout asked for.</summary>
public sealed record CustomField
{
    /// <summary>The payload's <c>key</c>.</summary>
    [JsonPropertyName("key")]
    public string? Key { get; init; }

    /// <summary>The payload's <c>label</c>.</summary>
    [JsonPropertyName("label")]
    public string? Label { get; init; }

    /// <summary>The payload's <c>type</c>.</summary>
    [JsonPropertyName("type")]
    public string? Type { get; init; }

    /// <summary>The payload's <c>optional</c>.</summary>
    [JsonPropertyName("optional")]
    public bool? Optional { get; init; }

    /// <summary>The payload's <c>text</c>.</summary>
    [JsonPropertyName("text")]
    public CustomFieldLength? Text { get; init; }

    /// <summary>The payload's <c>numeric</c>.</summary>
    [JsonPropertyName("numeric")]
    public CustomFieldLength? Numeric { get; init; }

    /// <summary>The payload's <c>dropdown</c>.</summary>
    [JsonPropertyName("dropdown")]
    public CustomFieldDropdown? Dropdown { get; init; }

    /// <summary>Members this version does not model; kept, never an error. Settable for the source-generated serializer.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}

/// <summary>CustomField.text / .numeric limits.</summary>
public sealed record CustomFieldLength
{
    /// <summary>The payload's <c>maximum_length</c>.</summary>
    [JsonPropertyName("maximum_length")]
    public int? MaximumLength { get; init; }

    /// <summary>The payload's <c>minimum_length</c>.</summary>
    [JsonPropertyName("minimum_length")]
    public int? MinimumLength { get; init; }

    /// <summary>Members this version does not model; kept, never an error. Settable for the source-generated serializer.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}

/// <summary>CustomField.dropdown.</summary>
public sealed record CustomFieldDropdown
{
    /// <summary>The payload's <c>options</c>.</summary>
    [JsonPropertyName("options")]
    public IReadOnlyList<CustomFieldOption>? Options { get; init; }

    /// <summary>Members this version does not model; kept, never an error. Settable for the source-generated serializer.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}

/// <summary>A dropdown option.</summary>
public sealed record CustomFieldOption
{
    /// <summary>The payload's <c>label</c>.</summary>
    [JsonPropertyName("label")]
    public string? Label { get; init; }

    /// <summary>The payload's <c>value</c>.</summary>
    [JsonPropertyName("value")]
    public string? Value { get; init; }

    /// <summary>Members this version does not model; kept, never an error. Settable for the source-generated serializer.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
