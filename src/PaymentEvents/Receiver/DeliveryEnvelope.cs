using System.Text.Json;
using System.Text.Unicode;
using PaymentEvents.Events;

namespace PaymentEvents.Receiver;

/// <summary>
/// The few fields the receiver needs before storing (docs/protocol.md §2). A Payment Kit event is always a JSON
/// object with string <c>id</c> and <c>type</c>; anything else is a 400 (unlike the SDK middleware, §3).
/// Duplicate keys: the last one wins, as in <c>JSON.parse</c> (JsonElement lookups do the same).
/// Everything refused here is refused for good (the same bytes always fail), so a 400 never hides a stored event,
/// and everything accepted can be stored on every engine, parsed to the typed model and shown by the admin API.
/// </summary>
internal readonly record struct DeliveryEnvelope(string Id, string Type, string? ObjectId, bool? Livemode)
{
    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = PaymentEventParser.MaxDepth };

    public static bool TryParse(ReadOnlyMemory<byte> body, out DeliveryEnvelope envelope, out string error)
    {
        envelope = default;
        if (body.IsEmpty)
        {
            error = "The body is empty; a Payment Kit event is a JSON object.";
            return false;
        }

        // JSON is UTF-8 (RFC 8259 §8.1) and Node never sends anything else; System.Text.Json only notices bad bytes
        // when a string is read, so check the whole body once (vectorised) rather than fail halfway.
        if (!Utf8.IsValid(body.Span))
        {
            error = "The body is not valid UTF-8.";
            return false;
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, DocumentOptions);
        }
        catch (JsonException)
        {
            error = $"The body is not valid JSON, or nests deeper than {PaymentEventParser.MaxDepth} levels.";
            return false;
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                error = "The body is not a JSON object.";
                return false;
            }

            if (!TryGetIdentifier(root, "id", required: true, EventFieldLimits.MaxIdLength, out var idText, out error)
                || !TryGetIdentifier(root, "type", required: true, EventFieldLimits.MaxTypeLength, out var typeText, out error)
                || !TryGetIdentifier(root, "object_id", required: false, EventFieldLimits.MaxObjectIdLength, out var objectId, out error))
            {
                return false;
            }

            bool? livemode = TryGetLast(root, "livemode", out var live) && live.ValueKind is JsonValueKind.True or JsonValueKind.False
                ? live.GetBoolean()
                : null;
            envelope = new DeliveryEnvelope(idText!, typeText!, objectId, livemode);
            error = string.Empty;
            return true;
        }
    }

    /// <summary>
    /// A string the store keeps in a column of its own and the admin API looks events up by: it must survive as
    /// text on every engine, so no lone surrogate (not representable in UTF-8) and no NUL (PostgreSQL text refuses it),
    /// and no longer than <paramref name="maxLength"/> (<see cref="EventFieldLimits"/>).
    /// </summary>
    private static bool TryGetIdentifier(JsonElement root, string name, bool required, int maxLength, out string? value, out string error)
    {
        value = null;
        error = string.Empty;
        if (!TryGetLast(root, name, out var element) || element.ValueKind != JsonValueKind.String)
        {
            // object_id is optional, and a non-string one is simply not used for ordering.
            error = $"The event has no string '{name}'.";
            return !required;
        }

        try
        {
            value = element.GetString();
        }
        catch (InvalidOperationException)
        {
            error = $"The event's '{name}' holds a lone UTF-16 surrogate escape; it cannot be stored faithfully as text.";
            return false;
        }

        if (required && string.IsNullOrEmpty(value))
        {
            error = $"The event has no string '{name}'.";
            return false;
        }

        if (value!.Contains('\0', StringComparison.Ordinal))
        {
            error = $"The event's '{name}' holds a NUL character (\\u0000); it cannot be stored faithfully as text.";
            return false;
        }

        if (EventFieldLimits.Check(name, value, maxLength) is { } tooLong)
        {
            error = tooLong;
            return false;
        }

        return true;
    }

    /// <summary>
    /// The last member called <paramref name="name"/> (as <c>JSON.parse</c> keeps). Not TryGetProperty: that unescapes
    /// every name it passes and throws on a sibling whose name escapes a lone surrogate (<c>{"\ud800x":1,"id":..}</c>),
    /// which can never be the one sought.
    /// </summary>
    private static bool TryGetLast(JsonElement root, string name, out JsonElement value)
    {
        value = default;
        var found = false;
        foreach (var member in root.EnumerateObject())
        {
            bool matches;
            try
            {
                matches = member.NameEquals(name);
            }
            catch (InvalidOperationException)
            {
                matches = false;
            }

            if (matches)
            {
                value = member.Value;
                found = true;
            }
        }

        return found;
    }
}
