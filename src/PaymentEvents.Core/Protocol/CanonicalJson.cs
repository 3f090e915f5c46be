using System.Buffers;
using PaymentEvents.Protocol.Json;
using PaymentEvents.Protocol.Query;

namespace PaymentEvents.Protocol;

/// <summary>
/// <c>json-stable-stringify</c> 1.x of <c>JSON.parse(text)</c>, bit-exact (docs/protocol.md §3, "CANON"),
/// written in one pass over the raw UTF-8 (no DOM, no System.Text.Json encoder).
/// </summary>
public static class CanonicalJson
{
    /// <summary>Writes the canonical form of <paramref name="utf8Json"/>; false (nothing useful written) when it is not JSON.</summary>
    public static bool TryWrite(ReadOnlySpan<byte> utf8Json, IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        using var buffer = new PooledByteBuffer(Math.Max(256, utf8Json.Length));
        if (!CanonicalWriter.TryWrite(utf8Json, buffer))
        {
            return false;
        }

        output.Write(buffer.WrittenSpan);
        return true;
    }

    /// <summary>The canonical bytes; throws <see cref="FormatException"/> when the input is not JSON.</summary>
    public static byte[] ToCanonicalBytes(ReadOnlySpan<byte> utf8Json)
    {
        using var buffer = new PooledByteBuffer(Math.Max(256, utf8Json.Length));
        if (!CanonicalWriter.TryWrite(utf8Json, buffer))
        {
            throw new FormatException("The input is not a single JSON value (RFC 8259).");
        }

        return buffer.ToArray();
    }

    /// <summary>
    /// The canonical JSON of a query string parsed the way <c>qs.parse</c> (6.x defaults) parses it,
    /// as the V1 signature's <c>query</c> member (docs/protocol.md §3): <c>a=1&amp;b[]=2</c> gives
    /// <c>{"a":"1","b":["2"]}</c>; null or empty gives <c>{}</c>. Pass it without the leading '?'.
    /// </summary>
    public static byte[] QueryToCanonicalBytes(string? queryString)
    {
        using var buffer = new PooledByteBuffer(256);
        QsParser.WriteCanonical(queryString, buffer);
        return buffer.ToArray();
    }
}
