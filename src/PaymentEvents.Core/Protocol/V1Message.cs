using PaymentEvents.Protocol.Json;
using PaymentEvents.Protocol.Query;

namespace PaymentEvents.Protocol;

/// <summary>
/// The V1 signed text (docs/protocol.md §3): <c>json-stable-stringify({iat, exp, body, query, method, url})</c>,
/// which with sorted keys is <c>{"body":…,"exp":…,"iat":…,"method":"…","query":…,"url":"…"}</c>.
/// The path is last, so one buffer serves every candidate path: write the prefix once, then
/// truncate and append each path (the body is never re-canonicalised per path).
/// </summary>
internal static class V1Message
{
    /// <summary>Writes everything before the url value; false when the body is not JSON.</summary>
    public static bool TryWritePrefix(PooledByteBuffer buffer, ReadOnlySpan<byte> body, double exp, double iat, string method, string? query)
    {
        buffer.Write("{\"body\":"u8);
        if (!TryWriteBody(buffer, body, v0: false))
        {
            return false;
        }

        buffer.Write(",\"exp\":"u8);
        JsNumber.Write(exp, buffer);
        buffer.Write(",\"iat\":"u8);
        JsNumber.Write(iat, buffer);
        buffer.Write(",\"method\":"u8);
        WriteLowerCase(method, buffer);
        buffer.Write(",\"query\":"u8);
        QsParser.WriteCanonical(query, buffer);
        buffer.Write(",\"url\":"u8);
        return true;
    }

    /// <summary>The method as <c>method.toLowerCase()</c>, without allocating for the usual ASCII verbs.</summary>
    private static void WriteLowerCase(string method, PooledByteBuffer buffer)
    {
        if (method.Length > 16 || !System.Text.Ascii.IsValid(method))
        {
            JsString.WriteQuoted(method.ToLowerInvariant(), buffer);
            return;
        }

        Span<char> lower = stackalloc char[method.Length];
        System.Text.Ascii.ToLower(method, lower, out _);
        JsString.WriteQuoted(lower, buffer);
    }

    /// <summary>Replaces whatever follows <paramref name="prefixLength"/> with the quoted path and the closing brace.</summary>
    public static void WritePath(PooledByteBuffer buffer, int prefixLength, string path)
    {
        buffer.Truncate(prefixLength);
        JsString.WriteQuoted(path, buffer);
        buffer.Write((byte)'}');
    }

    /// <summary>
    /// The canonical body. V1 signs <c>body ?? {}</c>: an empty body (the body parser's <c>{}</c>) or
    /// JSON <c>null</c> is <c>{}</c>. V0 signs <c>data || {}</c>: every falsy value is <c>{}</c>.
    /// </summary>
    public static bool TryWriteBody(PooledByteBuffer buffer, ReadOnlySpan<byte> body, bool v0)
    {
        if (body.IsEmpty)
        {
            buffer.Write("{}"u8);
            return true;
        }

        var start = buffer.Length;
        if (!CanonicalWriter.TryWrite(body, buffer))
        {
            return false;
        }

        var written = buffer.WrittenSpan[start..];
        var nullish = written.SequenceEqual("null"u8)
            || (v0 && (written.SequenceEqual("0"u8) || written.SequenceEqual("false"u8) || written.SequenceEqual("\"\""u8)));
        if (nullish)
        {
            buffer.Truncate(start);
            buffer.Write("{}"u8);
        }

        return true;
    }
}
