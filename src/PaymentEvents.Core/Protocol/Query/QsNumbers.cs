using System.Globalization;
using PaymentEvents.Protocol.Json;

namespace PaymentEvents.Protocol.Query;

/// <summary>The numeric-key tests qs makes with <c>parseInt</c> and <c>String(n) === key</c>.</summary>
internal static class QsNumbers
{
    /// <summary>A JavaScript array index: canonical decimal below 2^32 - 1 (these keys enumerate first).</summary>
    public static bool TryArrayIndex(string key, out uint index)
    {
        index = 0;
        if (key.Length is 0 or > 10 || (key.Length > 1 && key[0] == '0'))
        {
            return false;
        }

        foreach (var c in key)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        var value = ulong.Parse(key, NumberStyles.None, CultureInfo.InvariantCulture);
        if (value >= uint.MaxValue)
        {
            return false;
        }

        index = (uint)value;
        return true;
    }

    /// <summary>
    /// <c>String(parseInt(key, 10)) === key</c>: a canonical decimal integer (sign allowed) that a
    /// double prints back identically.
    /// </summary>
    public static bool TryCanonicalInteger(string key, out double value)
    {
        value = 0;
        var digits = key.AsSpan();
        if (digits.Length > 0 && digits[0] == '-')
        {
            digits = digits[1..];
        }

        if (digits.IsEmpty || (digits.Length > 1 && digits[0] == '0') || (key[0] == '-' && digits is "0"))
        {
            return false;
        }

        foreach (var c in digits)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        value = double.Parse(key, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        return digits.Length <= 15 || JsNumber.ToJsString(value) == key;
    }

    /// <summary><c>String(n)</c> for an index.</summary>
    public static string ToKey(double index) => JsNumber.ToJsString(index);
}
