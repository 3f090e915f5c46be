using System.Text.Unicode;

namespace PaymentEvents.Protocol.Json;

/// <summary>
/// JavaScript string semantics for the canonical form (docs/protocol.md §3): decoding raw JSON string
/// content to UTF-16 the way <c>JSON.parse</c> does, and quoting UTF-16 the way
/// <c>JSON.stringify</c> does (only <c>"</c>, <c>\</c>, controls and lone surrogates escaped).
/// </summary>
internal static class JsString
{
    private static ReadOnlySpan<byte> HexLower => "0123456789abcdef"u8;

    /// <summary>
    /// Upper bound of the UTF-16 length of raw JSON string content: every byte yields at most one
    /// code unit (escapes shrink, a 4-byte UTF-8 sequence yields 2 units).
    /// </summary>
    public static int MaxCharCount(int rawLength) => rawLength;

    /// <summary>
    /// Decodes raw JSON string content (between the quotes, escapes intact) to UTF-16, keeping
    /// lone-surrogate escapes such as <c>\ud800</c> as the lone code unit JavaScript would hold.
    /// Invalid UTF-8 becomes U+FFFD, as Node's UTF-8 decoding of the body does.
    /// </summary>
    /// <returns>Chars written, or -1 when an escape is malformed.</returns>
    public static int Unescape(ReadOnlySpan<byte> raw, Span<char> destination)
    {
        var written = 0;
        while (!raw.IsEmpty)
        {
            var backslash = raw.IndexOf((byte)'\\');
            var run = backslash < 0 ? raw : raw[..backslash];
            if (!run.IsEmpty)
            {
                Utf8.ToUtf16(run, destination[written..], out _, out var chars, replaceInvalidSequences: true, isFinalBlock: true);
                written += chars;
            }

            if (backslash < 0)
            {
                break;
            }

            raw = raw[backslash..];
            if (raw.Length < 2)
            {
                return -1;
            }

            char decoded;
            var consumed = 2;
            switch (raw[1])
            {
                case (byte)'"': decoded = '"'; break;
                case (byte)'\\': decoded = '\\'; break;
                case (byte)'/': decoded = '/'; break;
                case (byte)'b': decoded = '\b'; break;
                case (byte)'f': decoded = '\f'; break;
                case (byte)'n': decoded = '\n'; break;
                case (byte)'r': decoded = '\r'; break;
                case (byte)'t': decoded = '\t'; break;
                case (byte)'u':
                    if (raw.Length < 6 || !TryParseHex4(raw.Slice(2, 4), out var unit))
                    {
                        return -1;
                    }

                    decoded = (char)unit;
                    consumed = 6;
                    break;
                default:
                    return -1;
            }

            destination[written++] = decoded;
            raw = raw[consumed..];
        }

        return written;
    }

    /// <summary>Writes <paramref name="value"/> quoted exactly as <c>JSON.stringify</c> does, UTF-8 encoded.</summary>
    public static void WriteQuoted(ReadOnlySpan<char> value, PooledByteBuffer output)
    {
        // Worst case per code unit: 6 bytes (\u00xx or \udxxx); a pair is 4 bytes for 2 units.
        var span = output.GetSpan(checked((value.Length * 6) + 2));
        var n = 0;
        span[n++] = (byte)'"';
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c < 0x80)
            {
                if (c >= 0x20 && c != '"' && c != '\\')
                {
                    span[n++] = (byte)c;
                    continue;
                }

                span[n++] = (byte)'\\';
                switch (c)
                {
                    case '"': span[n++] = (byte)'"'; break;
                    case '\\': span[n++] = (byte)'\\'; break;
                    case '\b': span[n++] = (byte)'b'; break;
                    case '\f': span[n++] = (byte)'f'; break;
                    case '\n': span[n++] = (byte)'n'; break;
                    case '\r': span[n++] = (byte)'r'; break;
                    case '\t': span[n++] = (byte)'t'; break;
                    default:
                        n += WriteUnicodeEscapeBody(c, span[n..]);
                        break;
                }
            }
            else if (c < 0x800)
            {
                span[n++] = (byte)(0xC0 | (c >> 6));
                span[n++] = (byte)(0x80 | (c & 0x3F));
            }
            else if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                var cp = char.ConvertToUtf32(c, value[++i]);
                span[n++] = (byte)(0xF0 | (cp >> 18));
                span[n++] = (byte)(0x80 | ((cp >> 12) & 0x3F));
                span[n++] = (byte)(0x80 | ((cp >> 6) & 0x3F));
                span[n++] = (byte)(0x80 | (cp & 0x3F));
            }
            else if (char.IsSurrogate(c))
            {
                // Well-formed JSON.stringify (ES2019): a lone surrogate is written as a lower-case escape.
                span[n++] = (byte)'\\';
                n += WriteUnicodeEscapeBody(c, span[n..]);
            }
            else
            {
                span[n++] = (byte)(0xE0 | (c >> 12));
                span[n++] = (byte)(0x80 | ((c >> 6) & 0x3F));
                span[n++] = (byte)(0x80 | (c & 0x3F));
            }
        }

        span[n++] = (byte)'"';
        output.Advance(n);
    }

    /// <summary>Writes raw JSON string content that needs no change (no escapes, valid UTF-8), quoted.</summary>
    public static void WriteVerbatim(ReadOnlySpan<byte> raw, PooledByteBuffer output)
    {
        var span = output.GetSpan(raw.Length + 2);
        span[0] = (byte)'"';
        raw.CopyTo(span[1..]);
        span[raw.Length + 1] = (byte)'"';
        output.Advance(raw.Length + 2);
    }

    private static int WriteUnicodeEscapeBody(char c, Span<byte> span)
    {
        span[0] = (byte)'u';
        span[1] = HexLower[(c >> 12) & 0xF];
        span[2] = HexLower[(c >> 8) & 0xF];
        span[3] = HexLower[(c >> 4) & 0xF];
        span[4] = HexLower[c & 0xF];
        return 5;
    }

    private static bool TryParseHex4(ReadOnlySpan<byte> hex, out int value)
    {
        value = 0;
        foreach (var b in hex)
        {
            int digit = b switch
            {
                >= (byte)'0' and <= (byte)'9' => b - '0',
                >= (byte)'a' and <= (byte)'f' => b - 'a' + 10,
                >= (byte)'A' and <= (byte)'F' => b - 'A' + 10,
                _ => -1,
            };
            if (digit < 0)
            {
                return false;
            }

            value = (value << 4) | digit;
        }

        return true;
    }
}
