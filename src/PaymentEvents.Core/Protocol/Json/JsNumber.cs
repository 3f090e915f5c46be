using System.Globalization;

namespace PaymentEvents.Protocol.Json;

/// <summary>
/// JavaScript number semantics (docs/protocol.md §3): JSON numbers become IEEE doubles and are written
/// back with <c>Number::toString</c> (shortest round-trip digits, exponent below 1e-6 and from 1e21).
/// </summary>
internal static class JsNumber
{
    private const int MaxFormattedLength = 32;

    private static readonly System.Buffers.SearchValues<byte> IntegerChars = System.Buffers.SearchValues.Create("-0123456789"u8);

    /// <summary>Writes the canonical form of a raw JSON number token.</summary>
    public static bool TryWriteJsonNumber(ReadOnlySpan<byte> raw, PooledByteBuffer output)
    {
        // Fast path: a JSON integer of at most 15 digits is exactly representable and already
        // shortest (JSON forbids leading zeros), except "-0", which JavaScript prints as "0".
        var digits = raw.Length > 0 && raw[0] == (byte)'-' ? raw.Length - 1 : raw.Length;
        if (digits is > 0 and <= 15 && raw.IndexOfAnyExcept(IntegerChars) < 0 && !(digits == 1 && raw[^1] == (byte)'0' && raw.Length == 2))
        {
            output.Write(raw);
            return true;
        }

        if (!double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            return false;
        }

        Write(value, output);
        return true;
    }

    /// <summary>Writes <paramref name="value"/> as <c>JSON.stringify</c> does (non-finite values are <c>null</c>).</summary>
    public static void Write(double value, PooledByteBuffer output)
    {
        var span = output.GetSpan(MaxFormattedLength);
        var n = Format(value, span);
        output.Advance(n);
    }

    /// <summary>The <c>JSON.stringify</c> text of <paramref name="value"/>.</summary>
    public static string ToJsString(double value)
    {
        Span<byte> span = stackalloc byte[MaxFormattedLength];
        var n = Format(value, span);
        return System.Text.Encoding.ASCII.GetString(span[..n]);
    }

    /// <summary>
    /// <c>Number(text)</c> (ECMAScript StringToNumber), used for the <c>iat</c>/<c>exp</c> headers the
    /// SDK reads with <c>Number(req.get(...))</c>: whitespace trimmed, empty is 0, hex/octal/binary
    /// prefixes, <c>Infinity</c>; NaN for anything else.
    /// </summary>
    public static double FromString(string? text)
    {
        if (text is null)
        {
            return double.NaN; // Number(undefined)
        }

        var s = TrimJsWhitespace(text.AsSpan());
        if (s.IsEmpty)
        {
            return 0;
        }

        // Fast path for the usual unix-seconds header: up to 15 decimal digits are exact in a double
        // and mean the same in JavaScript (leading zeros are still decimal, not octal).
        if (s.Length <= 15 && !s.ContainsAnyExceptInRange('0', '9'))
        {
            long digits = 0;
            foreach (var c in s)
            {
                digits = (digits * 10) + (c - '0');
            }

            return digits;
        }

        if (s.Length > 2 && s[0] == '0' && (s[1] | 0x20) is 'x' or 'o' or 'b')
        {
            var radix = (s[1] | 0x20) switch { 'x' => 16, 'o' => 8, _ => 2 };
            return ParseRadix(s[2..], radix);
        }

        var body = s[0] is '+' or '-' ? s[1..] : s;
        if (body.SequenceEqual("Infinity"))
        {
            return s[0] == '-' ? double.NegativeInfinity : double.PositiveInfinity;
        }

        if (!IsStrDecimalLiteral(body))
        {
            return double.NaN;
        }

        return double.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture);
    }

    private static int Format(double value, Span<byte> destination)
    {
        if (!double.IsFinite(value))
        {
            "null"u8.CopyTo(destination);
            return 4;
        }

        // Fast path for integers such as iat/exp: below 2^53 JavaScript prints every digit, no exponent.
        if (Math.Abs(value) < 9007199254740992d && value == Math.Truncate(value) && value != 0)
        {
            return ((long)value).TryFormat(destination, out var written, default, CultureInfo.InvariantCulture)
                ? written
                : throw new InvalidOperationException("An integer did not fit its formatting buffer.");
        }

        if (value == 0)
        {
            destination[0] = (byte)'0'; // also -0
            return 1;
        }

        // .NET's "R" is the shortest round-trip digit string (as is ECMAScript's); only the layout differs.
        Span<byte> formatted = stackalloc byte[MaxFormattedLength];
        if (!value.TryFormat(formatted, out var len, "R", CultureInfo.InvariantCulture))
        {
            throw new InvalidOperationException("A double did not fit its formatting buffer.");
        }

        formatted = formatted[..len];
        var negative = formatted[0] == (byte)'-';
        if (negative)
        {
            formatted = formatted[1..];
        }

        var exponentAt = formatted.IndexOfAny((byte)'E', (byte)'e');
        var mantissa = exponentAt < 0 ? formatted : formatted[..exponentAt];
        var exponent = 0;
        if (exponentAt >= 0)
        {
            exponent = int.Parse(formatted[(exponentAt + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        }

        // Collect significant digits s (k of them) and n so that value = 0.s × 10^n (ECMA-262 Number::toString).
        Span<byte> digits = stackalloc byte[MaxFormattedLength];
        var k = 0;
        var integerDigits = 0;
        var seenPoint = false;
        var leadingZeros = 0;
        foreach (var b in mantissa)
        {
            if (b == (byte)'.')
            {
                seenPoint = true;
                continue;
            }

            if (!seenPoint)
            {
                integerDigits++;
            }

            if (k == 0 && b == (byte)'0')
            {
                leadingZeros++;
                continue;
            }

            digits[k++] = b;
        }

        while (k > 1 && digits[k - 1] == (byte)'0')
        {
            k--;
        }

        var n = integerDigits + exponent - leadingZeros;
        return Layout(negative, digits[..k], n, destination);
    }

    private static int Layout(bool negative, ReadOnlySpan<byte> digits, int n, Span<byte> dest)
    {
        var k = digits.Length;
        var p = 0;
        if (negative)
        {
            dest[p++] = (byte)'-';
        }

        if (k <= n && n <= 21)
        {
            digits.CopyTo(dest[p..]);
            p += k;
            dest.Slice(p, n - k).Fill((byte)'0');
            return p + n - k;
        }

        if (0 < n && n <= 21)
        {
            digits[..n].CopyTo(dest[p..]);
            p += n;
            dest[p++] = (byte)'.';
            digits[n..].CopyTo(dest[p..]);
            return p + k - n;
        }

        if (-6 < n && n <= 0)
        {
            dest[p++] = (byte)'0';
            dest[p++] = (byte)'.';
            dest.Slice(p, -n).Fill((byte)'0');
            p += -n;
            digits.CopyTo(dest[p..]);
            return p + k;
        }

        dest[p++] = digits[0];
        if (k > 1)
        {
            dest[p++] = (byte)'.';
            digits[1..].CopyTo(dest[p..]);
            p += k - 1;
        }

        dest[p++] = (byte)'e';
        var e = n - 1;
        dest[p++] = e < 0 ? (byte)'-' : (byte)'+';
        if (!Math.Abs(e).TryFormat(dest[p..], out var w, default, CultureInfo.InvariantCulture))
        {
            throw new InvalidOperationException("An exponent did not fit its formatting buffer.");
        }

        return p + w;
    }

    private static bool IsStrDecimalLiteral(ReadOnlySpan<char> s)
    {
        var i = 0;
        var intDigits = 0;
        while (i < s.Length && char.IsAsciiDigit(s[i]))
        {
            i++;
            intDigits++;
        }

        var fracDigits = 0;
        if (i < s.Length && s[i] == '.')
        {
            i++;
            while (i < s.Length && char.IsAsciiDigit(s[i]))
            {
                i++;
                fracDigits++;
            }
        }

        if (intDigits + fracDigits == 0)
        {
            return false;
        }

        if (i < s.Length && (s[i] | 0x20) == 'e')
        {
            i++;
            if (i < s.Length && s[i] is '+' or '-')
            {
                i++;
            }

            var expDigits = 0;
            while (i < s.Length && char.IsAsciiDigit(s[i]))
            {
                i++;
                expDigits++;
            }

            if (expDigits == 0)
            {
                return false;
            }
        }

        return i == s.Length;
    }

    private static double ParseRadix(ReadOnlySpan<char> s, int radix)
    {
        double value = 0;
        foreach (var c in s)
        {
            var digit = c switch
            {
                >= '0' and <= '9' => c - '0',
                >= 'a' and <= 'z' => c - 'a' + 10,
                >= 'A' and <= 'Z' => c - 'A' + 10,
                _ => int.MaxValue,
            };
            if (digit >= radix)
            {
                return double.NaN;
            }

            value = (value * radix) + digit;
        }

        return value;
    }

    private static ReadOnlySpan<char> TrimJsWhitespace(ReadOnlySpan<char> s)
    {
        var start = 0;
        while (start < s.Length && IsJsWhitespace(s[start]))
        {
            start++;
        }

        var end = s.Length;
        while (end > start && IsJsWhitespace(s[end - 1]))
        {
            end--;
        }

        return s[start..end];
    }

    // ECMAScript WhiteSpace and LineTerminator code points.
    private static bool IsJsWhitespace(char c) => c is '\t' or '\n' or '\v' or '\f' or '\r' or ' ' or '\u00A0' or '\u1680'
        or (>= '\u2000' and <= '\u200A') or '\u2028' or '\u2029' or '\u202F' or '\u205F' or '\u3000' or '\uFEFF';
}
