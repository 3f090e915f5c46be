namespace PaymentEvents.Events.Json;

/// <summary>
/// JSON may escape a lone UTF-16 surrogate (<c>"act\udc00ive"</c>): JavaScript's <c>JSON.stringify</c> writes one for
/// a broken string, and it is valid JSON, but no .NET string API will read it (System.Text.Json throws). The typed
/// model reads a copy in which each lone surrogate escape is <c>\uFFFD</c> (the replacement character); the stored
/// payload keeps the bytes that arrived.
/// </summary>
internal static class LoneSurrogates
{
    private static ReadOnlySpan<byte> Replacement => "\\uFFFD"u8;

    /// <summary>Null when <paramref name="json"/> escapes no lone surrogate; else a copy with each one replaced (same length).</summary>
    public static byte[]? Replace(ReadOnlySpan<byte> json)
    {
        if (json.IndexOf("\\u"u8) < 0)
        {
            return null;
        }

        byte[]? copy = null;
        for (var i = json.IndexOf((byte)'\\'); i >= 0 && i < json.Length - 1; i++)
        {
            if (json[i] != '\\')
            {
                continue;
            }

            // Any escape other than \uXXXX is two bytes (\\ included, so "\\u" is never mistaken for one).
            if (json[i + 1] != 'u' || !TryHex4(json, i + 2, out var unit))
            {
                i++;
                continue;
            }

            if (char.IsHighSurrogate((char)unit) && json.Length >= i + 12 && json[i + 6] == '\\' && json[i + 7] == 'u'
                && TryHex4(json, i + 8, out var next) && char.IsLowSurrogate((char)next))
            {
                i += 11; // a pair: both halves stay
                continue;
            }

            if (char.IsSurrogate((char)unit))
            {
                copy ??= json.ToArray();
                Replacement.CopyTo(copy.AsSpan(i));
            }

            i += 5;
        }

        return copy;
    }

    private static bool TryHex4(ReadOnlySpan<byte> json, int start, out int value)
    {
        value = 0;
        if (json.Length < start + 4)
        {
            return false;
        }

        for (var k = 0; k < 4; k++)
        {
            var digit = HexValue(json[start + k]);
            if (digit < 0)
            {
                return false;
            }

            value = (value << 4) | digit;
        }

        return true;
    }

    private static int HexValue(byte b) => b switch
    {
        >= (byte)'0' and <= (byte)'9' => b - '0',
        >= (byte)'a' and <= (byte)'f' => b - 'a' + 10,
        >= (byte)'A' and <= (byte)'F' => b - 'A' + 10,
        _ => -1,
    };
}
