using System.Collections.Concurrent;
using System.Text.Json;
using PaymentEvents.Events;
using PaymentEvents.Events.Json;

namespace PaymentEvents.Processing;

/// <summary>
/// Writes a <see cref="PaymentEvent"/> as the webhook body Payment Kit would send (docs/protocol.md §2), through the
/// same envelope and source-generated metadata the parser reads, so an event published in-process is stored
/// exactly like a delivered one and parses back to the same class.
/// </summary>
internal static class PaymentEventJson
{
    private static readonly ConcurrentDictionary<Type, Func<PaymentEvent, object?>> ObjectReaders = new();

    public static string Serialize(PaymentEvent paymentEvent)
    {
        var envelope = new EventEnvelope
        {
            Id = paymentEvent.Id,
            Type = paymentEvent.Type,
            Livemode = paymentEvent.Livemode,
            ApiVersion = paymentEvent.ApiVersion,
            ObjectType = paymentEvent.ObjectType,
            ObjectId = paymentEvent.ObjectId,
            Request = paymentEvent.Request,
            PendingWebhooks = paymentEvent.PendingWebhooks,
            Metadata = paymentEvent.Metadata,
            CreatedAt = paymentEvent.CreatedAt,
            UpdatedAt = paymentEvent.UpdatedAt,
            Source = paymentEvent.Source,
            Time = paymentEvent.Time,
            SpecVersion = paymentEvent.SpecVersion,
            ExtensionData = paymentEvent.ExtensionData is { } extra ? new Dictionary<string, JsonElement>(extra) : null,
            Data = new EventEnvelopeData
            {
                Object = ObjectOf(paymentEvent),
                PreviousAttributes = paymentEvent.PreviousAttributes,
            },
        };
        return JsonSerializer.Serialize(envelope, PaymentEventsJsonContext.Default.EventEnvelope);
    }

    private static JsonElement? ObjectOf(PaymentEvent paymentEvent)
    {
        var value = ObjectReaders.GetOrAdd(paymentEvent.GetType(), ObjectReaderFor)(paymentEvent);
        return value switch
        {
            null => null,
            JsonElement element => element,
            _ => JsonSerializer.SerializeToElement(value, PaymentEventsJsonContext.Default.GetTypeInfo(value.GetType())
                ?? throw new InvalidOperationException($"{value.GetType().Name} is not a Payment Kit resource this version can write.")),
        };
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
