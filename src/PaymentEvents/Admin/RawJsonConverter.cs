using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace PaymentEvents.Admin;

/// <summary>
/// Writes a stored payload's JSON exactly as it arrived. Re-serialising the element would unescape and re-escape every
/// string, which throws on a lone surrogate escape (<c>"\udc00"</c>: valid JSON, not valid UTF-16), and counts the
/// payload's depth on top of the response's.
/// </summary>
internal sealed class RawJsonConverter : JsonConverter<JsonElement>
{
    public override JsonElement Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        JsonElement.ParseValue(ref reader);

    public override void Write(Utf8JsonWriter writer, JsonElement value, JsonSerializerOptions options) =>
        writer.WriteRawValue(JsonMarshal.GetRawUtf8Value(value), skipInputValidation: true);
}
