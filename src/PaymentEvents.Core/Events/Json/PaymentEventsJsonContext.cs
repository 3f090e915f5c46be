using System.Text.Json.Serialization;

namespace PaymentEvents.Events.Json;

/// <summary>
/// Source-generated metadata for the envelope and the modelled resources: no reflection per event, trim-safe.
/// Numbers may arrive as strings (Sequelize returns DECIMAL columns as strings); see the lenient converters.
/// </summary>
[JsonSourceGenerationOptions(
    MaxDepth = PaymentEventParser.MaxDepth,
    NumberHandling = JsonNumberHandling.AllowReadingFromString,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = [typeof(LenientStringConverter), typeof(LenientDateTimeOffsetConverter), typeof(LenientBooleanConverter), typeof(LenientMetadataConverter), typeof(LenientInt32Converter), typeof(LenientInt64Converter), typeof(LenientDecimalConverter)])]
[JsonSerializable(typeof(EventEnvelope))]
[JsonSerializable(typeof(Subscription))]
[JsonSerializable(typeof(CheckoutSession))]
[JsonSerializable(typeof(PaymentIntent))]
[JsonSerializable(typeof(Invoice))]
[JsonSerializable(typeof(Refund))]
[JsonSerializable(typeof(Customer))]
internal sealed partial class PaymentEventsJsonContext : JsonSerializerContext;
