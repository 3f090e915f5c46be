using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace PaymentEvents.Events.Json;

// Payment Kit stores resources through Sequelize (SQLite or PostgreSQL), and the shapes in @blocklet/payment-types are
// hints, not guarantees (docs/protocol.md §2: new fields and values appear without notice). These converters make the typed
// models read what the wire actually carries instead of failing the whole event over one odd field.

/// <summary>
/// Strings that may arrive as other JSON tokens. A number keeps its literal text (so an amount written as a JSON
/// number stays exact, never through a double); a boolean becomes "true"/"false"; an object or array keeps its raw JSON.
/// </summary>
internal sealed class LenientStringConverter : JsonConverter<string>
{
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType switch
        {
            JsonTokenType.String => reader.GetString(),
            JsonTokenType.Number => RawText(ref reader),
            JsonTokenType.True => "true",
            JsonTokenType.False => "false",
            JsonTokenType.Null => null,
            _ => JsonElement.ParseValue(ref reader).GetRawText(),
        };

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value);

    public override string ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.GetString() ?? string.Empty;

    public override void WriteAsPropertyName(Utf8JsonWriter writer, string value, JsonSerializerOptions options) =>
        writer.WritePropertyName(value);

    private static string RawText(ref Utf8JsonReader reader) =>
        reader.HasValueSequence
            ? Encoding.UTF8.GetString(reader.ValueSequence)
            : Encoding.UTF8.GetString(reader.ValueSpan);
}

/// <summary>
/// The envelope's <c>id</c> and <c>type</c>: identity of the event, so only a JSON string will do. Anything else reads
/// as null (refused as "no id") rather than failing at once, because with duplicate keys the last one wins, as in
/// <c>JSON.parse</c> and the receiver: <c>{"type":1,"type":"invoice.paid"}</c> is an invoice.paid event.
/// </summary>
internal sealed class StrictStringConverter : JsonConverter<string>
{
    public override bool HandleNull => true;

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            return reader.GetString();
        }

        reader.Skip();
        return null;
    }

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value);
}

/// <summary>ISO-8601 strings (Sequelize dates); a number is read as unix seconds, or milliseconds when it is that large; anything unreadable is null.</summary>
internal sealed class LenientDateTimeOffsetConverter : JsonConverter<DateTimeOffset?>
{
    private const long MillisecondsThreshold = 100_000_000_000; // year 5138 in seconds, 1973 in milliseconds

    public override bool HandleNull => true;

    public override DateTimeOffset? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                var text = reader.GetString();
                if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var unixText))
                {
                    return FromUnix(unixText);
                }

                return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed)
                    ? parsed
                    : null;
            case JsonTokenType.Number when reader.TryGetInt64(out var number):
                return FromUnix(number);
            default:
                reader.Skip();
                return null;
        }
    }

    private static DateTimeOffset FromUnix(long number) =>
        Math.Abs(number) >= MillisecondsThreshold
            ? DateTimeOffset.FromUnixTimeMilliseconds(Math.Clamp(number, -62_135_596_800_000, 253_402_300_799_999))
            : DateTimeOffset.FromUnixTimeSeconds(Math.Clamp(number, -62_135_596_800, 253_402_300_799));

    public override void Write(Utf8JsonWriter writer, DateTimeOffset? value, JsonSerializerOptions options)
    {
        if (value is { } v)
        {
            writer.WriteStringValue(v.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture));
        }
        else
        {
            writer.WriteNullValue();
        }
    }
}

/// <summary>Booleans that SQLite-backed JSON may carry as 0/1 or "true"/"false"; anything else is null.</summary>
internal sealed class LenientBooleanConverter : JsonConverter<bool?>
{
    public override bool HandleNull => true;

    public override bool? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.True:
                return true;
            case JsonTokenType.False:
                return false;
            case JsonTokenType.Number when reader.TryGetInt64(out var number):
                return number != 0;
            case JsonTokenType.String:
                return reader.GetString() switch
                {
                    "true" or "1" => true,
                    "false" or "0" => false,
                    _ => null,
                };
            default:
                reader.Skip();
                return null;
        }
    }

    public override void Write(Utf8JsonWriter writer, bool? value, JsonSerializerOptions options)
    {
        if (value is { } v)
        {
            writer.WriteBooleanValue(v);
        }
        else
        {
            writer.WriteNullValue();
        }
    }
}

/// <summary>
/// <c>metadata</c> (<c>Record&lt;string, any&gt;</c>): an object as a dictionary of raw values. The dashboard's form shape
/// (<c>[{ key, value }]</c>, InferFormType in types.d.ts) is folded into the same dictionary; any other shape is null.
/// </summary>
internal sealed class LenientMetadataConverter : JsonConverter<IReadOnlyDictionary<string, JsonElement>>
{
    public override IReadOnlyDictionary<string, JsonElement>? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var element = JsonElement.ParseValue(ref reader);
        var result = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    result[property.Name] = property.Value;
                }

                return result;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    if (item.ValueKind == JsonValueKind.Object
                        && item.TryGetProperty("key", out var key) && key.ValueKind == JsonValueKind.String
                        && item.TryGetProperty("value", out var value))
                    {
                        result[key.GetString()!] = value;
                    }
                }

                return result;
            default:
                return null;
        }
    }

    public override void Write(Utf8JsonWriter writer, IReadOnlyDictionary<string, JsonElement> value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        foreach (var (key, item) in value)
        {
            writer.WritePropertyName(key);
            item.WriteTo(writer);
        }

        writer.WriteEndObject();
    }
}

/// <summary>
/// Numbers (or numeric strings, as Sequelize sends DECIMALs) that may not fit the model's type: <c>1e308</c> in an
/// <c>int?</c> reads as null instead of failing the whole event, which would then be acknowledged but never handled.
/// </summary>
internal abstract class LenientNumberConverter<T> : JsonConverter<T?>
    where T : struct
{
    public override bool HandleNull => true;

    public override T? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Number:
                return TryRead(ref reader, out var number) ? number : null;
            case JsonTokenType.String:
                return reader.GetString() is { } text && TryParse(text.Trim(), out var parsed) ? parsed : null;
            default:
                reader.Skip();
                return null;
        }
    }

    public override void Write(Utf8JsonWriter writer, T? value, JsonSerializerOptions options)
    {
        if (value is { } v)
        {
            WriteValue(writer, v);
        }
        else
        {
            writer.WriteNullValue();
        }
    }

    protected abstract bool TryRead(ref Utf8JsonReader reader, out T value);

    protected abstract bool TryParse(string text, out T value);

    protected abstract void WriteValue(Utf8JsonWriter writer, T value);
}

internal sealed class LenientInt32Converter : LenientNumberConverter<int>
{
    protected override bool TryRead(ref Utf8JsonReader reader, out int value) => reader.TryGetInt32(out value);

    protected override bool TryParse(string text, out int value) => int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out value);

    protected override void WriteValue(Utf8JsonWriter writer, int value) => writer.WriteNumberValue(value);
}

internal sealed class LenientInt64Converter : LenientNumberConverter<long>
{
    protected override bool TryRead(ref Utf8JsonReader reader, out long value) => reader.TryGetInt64(out value);

    protected override bool TryParse(string text, out long value) => long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out value);

    protected override void WriteValue(Utf8JsonWriter writer, long value) => writer.WriteNumberValue(value);
}

internal sealed class LenientDecimalConverter : LenientNumberConverter<decimal>
{
    protected override bool TryRead(ref Utf8JsonReader reader, out decimal value) => reader.TryGetDecimal(out value);

    protected override bool TryParse(string text, out decimal value) => decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);

    protected override void WriteValue(Utf8JsonWriter writer, decimal value) => writer.WriteNumberValue(value);
}
