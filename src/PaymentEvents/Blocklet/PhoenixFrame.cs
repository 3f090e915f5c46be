using System.Buffers;
using System.Text.Json;

namespace PaymentEvents.Blocklet;

/// <summary>
/// One phoenix v2 frame, <c>[join_ref, ref, topic, event, payload]</c> (docs/protocol.md §6), as the phoenix client that
/// <c>@arcblock/ws</c> wraps writes it and <c>WsServer</c> answers it.
/// </summary>
internal readonly record struct PhoenixFrame(string? JoinRef, string? Ref, string Topic, string Event, JsonElement Payload)
{
    public const string PhoenixTopic = "phoenix";
    public const string Heartbeat = "heartbeat";
    public const string Join = "phx_join";
    public const string Leave = "phx_leave";
    public const string Reply = "phx_reply";
    public const string Error = "phx_error";
    public const string Close = "phx_close";

    /// <summary>The event name of a reply to <paramref name="reference"/>: <c>WsServer</c> sends <c>chan_reply_{ref}</c>, a Phoenix server <c>phx_reply</c>.</summary>
    public static string ReplyEventFor(string reference) => "chan_reply_" + reference;

    public bool IsReplyTo(string reference) =>
        Ref == reference && (Event == Reply || Event == ReplyEventFor(reference));

    /// <summary>The <c>status</c> of a <c>{status, response}</c> payload, or null.</summary>
    public string? Status =>
        Payload.ValueKind == JsonValueKind.Object && Payload.TryGetProperty("status", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString() : null;

    /// <summary>The <c>response</c> of a <c>{status, response}</c> payload (undefined when absent).</summary>
    public JsonElement Response =>
        Payload.ValueKind == JsonValueKind.Object && Payload.TryGetProperty("response", out var r) ? r : default;

    public static byte[] Write(string? joinRef, string reference, string topic, string eventName, Action<Utf8JsonWriter> payload)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            if (joinRef is null)
            {
                writer.WriteNullValue();
            }
            else
            {
                writer.WriteStringValue(joinRef);
            }

            writer.WriteStringValue(reference);
            writer.WriteStringValue(topic);
            writer.WriteStringValue(eventName);
            payload(writer);
            writer.WriteEndArray();
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Reads a frame; false for anything that is not a five-element array with string topic and event.</summary>
    public static bool TryRead(JsonElement root, out PhoenixFrame frame)
    {
        frame = default;
        if (root.ValueKind != JsonValueKind.Array || root.GetArrayLength() != 5)
        {
            return false;
        }

        var topic = root[2];
        var name = root[3];
        if (topic.ValueKind != JsonValueKind.String || name.ValueKind != JsonValueKind.String)
        {
            return false;
        }

        frame = new PhoenixFrame(TextOrNull(root[0]), TextOrNull(root[1]), topic.GetString()!, name.GetString()!, root[4]);
        return true;

        static string? TextOrNull(JsonElement e) => e.ValueKind == JsonValueKind.String ? e.GetString() : null;
    }
}
