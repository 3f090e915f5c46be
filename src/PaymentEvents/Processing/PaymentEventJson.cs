using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using PaymentEvents.Events;

namespace PaymentEvents.Processing;

/// <summary>
/// Writes a <see cref="PaymentEvent"/> as the webhook body Payment Kit would send (PROTOCOL §2), so an
/// event published in-process is stored exactly like a delivered one and read back by the same parser.
/// </summary>
internal static class PaymentEventJson
{
    private static readonly ConcurrentDictionary<Type, Func<PaymentEvent, object?>> ObjectReaders = new();

    public static string Serialize(PaymentEvent paymentEvent)
    {
        var root = JsonSerializer.SerializeToNode(paymentEvent, paymentEvent.GetType())?.AsObject()
            ?? throw new InvalidOperationException($"Payment event {paymentEvent.Id} serialized to nothing.");
        var data = root["data"] as JsonObject ?? [];
        root["data"] = data;
        if (ObjectReaders.GetOrAdd(paymentEvent.GetType(), ObjectReaderFor)(paymentEvent) is { } dataObject)
        {
            data["object"] = dataObject is JsonElement element ? JsonNode.Parse(element.GetRawText()) : JsonSerializer.SerializeToNode(dataObject, dataObject.GetType());
        }

        if (paymentEvent.PreviousAttributes is { } previous)
        {
            data["previous_attributes"] = JsonNode.Parse(previous.GetRawText());
        }

        return root.ToJsonString();
    }

    // data.object is [JsonIgnore]d on the model (the parser reads it from data); find it once per class.
    private static Func<PaymentEvent, object?> ObjectReaderFor(Type eventClass)
    {
        for (var t = eventClass; t is not null; t = t.BaseType)
        {
            if (t.IsGenericType && t.GetGenericTypeDefinition() == typeof(PaymentEvent<>))
            {
                var property = t.GetProperty(nameof(PaymentEvent<object>.Object))!;
                return e => property.GetValue(e);
            }
        }

        return static _ => null;
    }
}
