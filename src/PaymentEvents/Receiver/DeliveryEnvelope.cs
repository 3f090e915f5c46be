using System.Text.Json;

namespace PaymentEvents.Receiver;

/// <summary>
/// The few fields the receiver needs before storing (docs/protocol.md §2). A Payment Kit event is always a JSON
/// object with string <c>id</c> and <c>type</c>; anything else is a 400 (unlike the SDK middleware, §3).
/// Duplicate keys: the last one wins, as in <c>JSON.parse</c> (JsonElement lookups do the same).
/// </summary>
internal readonly record struct DeliveryEnvelope(string Id, string Type, string? ObjectId, bool? Livemode)
{
    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 256 };

    public static bool TryParse(ReadOnlyMemory<byte> body, out DeliveryEnvelope envelope, out string error)
    {
        envelope = default;
        if (body.IsEmpty)
        {
            error = "The body is empty; a Payment Kit event is a JSON object.";
            return false;
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, DocumentOptions);
        }
        catch (JsonException)
        {
            error = "The body is not valid JSON.";
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

            if (!root.TryGetProperty("id", out var id) || id.ValueKind != JsonValueKind.String || id.GetString() is not { Length: > 0 } idText)
            {
                error = "The event has no string 'id'.";
                return false;
            }

            if (!root.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String || type.GetString() is not { Length: > 0 } typeText)
            {
                error = "The event has no string 'type'.";
                return false;
            }

            string? objectId = root.TryGetProperty("object_id", out var oid) && oid.ValueKind == JsonValueKind.String ? oid.GetString() : null;
            bool? livemode = root.TryGetProperty("livemode", out var live) && live.ValueKind is JsonValueKind.True or JsonValueKind.False
                ? live.GetBoolean()
                : null;
            envelope = new DeliveryEnvelope(idText, typeText, objectId, livemode);
            error = string.Empty;
            return true;
        }
    }
}
