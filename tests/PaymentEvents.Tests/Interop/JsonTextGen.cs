using System.Globalization;
using System.Text;
using CsCheck;

namespace PaymentEvents.Tests.Interop;

/// <summary>
/// Random JSON <em>texts</em> (not values): the spelling matters for canonicalisation
/// (docs/protocol.md §3): escapes, lone surrogates, number spellings, duplicate keys, whitespace.
/// Every text is valid JSON and valid UTF-8 (lone surrogates only ever appear escaped).
/// </summary>
internal static class JsonTextGen
{
    private static readonly Gen<string> Ws = Gen.OneOf("", "", "", "", " ", "\t", "\n", "\r\n", "  \n\t");

    private static readonly Gen<string> AsciiUnit = Gen.Char[' ', '~'].Select(c => c switch
    {
        '"' => "\\\"",
        '\\' => "\\\\",
        _ => c.ToString(),
    });

    private static readonly Gen<string> ControlEscape = Gen.Frequency(
        (3, Gen.Int[0, 0x1f].Select(i => "\\u" + i.ToString("x4", CultureInfo.InvariantCulture))),
        (1, Gen.Int[0, 0x1f].Select(i => "\\u" + i.ToString("X4", CultureInfo.InvariantCulture))),
        (2, Gen.OneOf("\\b", "\\f", "\\n", "\\r", "\\t", "\\/", "\\\"", "\\\\")));

    private static readonly Gen<string> BmpLiteral = Gen.Frequency(
        (4, Gen.Int[0x80, 0xD7FF].Select(i => ((char)i).ToString())),
        (2, Gen.Int[0xE000, 0xFFFF].Select(i => ((char)i).ToString())),
        (2, Gen.OneOf("\u2028", "\u2029", "\u007f", "\u0085", "\u00e9", "e\u0301", "\uFEFF", "\uFF61", "中", "<", ">", "&", "'", "+", "`")));

    private static readonly Gen<string> NonBmpLiteral = Gen.Int[0x10000, 0x10FFFF].Select(char.ConvertFromUtf32);

    private static readonly Gen<string> EscapedPair = Gen.Select(Gen.Int[0x10000, 0x10FFFF], Gen.Bool, (cp, upper) =>
    {
        var s = char.ConvertFromUtf32(cp);
        var fmt = upper ? "X4" : "x4";
        return "\\u" + ((int)s[0]).ToString(fmt, CultureInfo.InvariantCulture) + "\\u" + ((int)s[1]).ToString(fmt, CultureInfo.InvariantCulture);
    });

    // Lone (or accidentally paired, when two land next to each other) surrogates, escaped.
    private static readonly Gen<string> SurrogateEscape = Gen.Int[0xD800, 0xDFFF].Select(i => "\\u" + i.ToString("x4", CultureInfo.InvariantCulture));

    private static readonly Gen<string> AnyEscape = Gen.Int[0, 0xFFFF].Select(i => "\\u" + i.ToString("x4", CultureInfo.InvariantCulture));

    private static readonly Gen<string> StringUnit = Gen.Frequency(
        (12, AsciiUnit), (3, ControlEscape), (4, BmpLiteral), (2, NonBmpLiteral), (1, EscapedPair), (2, SurrogateEscape), (1, AnyEscape));

    private static readonly Gen<string> JsonString = StringUnit.Array[0, 8].Select(u => "\"" + string.Concat(u) + "\"");

    // Small pool so objects get duplicate keys and keys that sort differently by UTF-16 / UTF-8 / number.
    private static readonly Gen<string> Key = Gen.Frequency(
        (3, Gen.OneOf("\"a\"", "\"b\"", "\"A\"", "\"10\"", "\"9\"", "\"\"", "\"\uFF61\"", "\"\U0001F600\"", "\"\\ud83d\\ude00\"", "\"\\ud800\"", "\"\uE000\"", "\"a\\u0000\"")),
        (4, JsonString));

    private static readonly Gen<string> Digits = Gen.Char['0', '9'].Array[1, 25].Select(d => new string(d));

    private static readonly Gen<string> Number = Gen.Frequency(
        (3, Gen.Long.Select(l => l.ToString(CultureInfo.InvariantCulture))),
        (3, Gen.Double.Where(double.IsFinite).Select(d => d.ToString("R", CultureInfo.InvariantCulture))),
        (2, Gen.Double.Where(double.IsFinite).Select(d => d.ToString("E16", CultureInfo.InvariantCulture))),
        (4, Gen.Select(Gen.Bool, Digits, Gen.Frequency((2, Gen.Const("")), (1, Digits.Select(f => "." + f))), Gen.Frequency((2, Gen.Const("")), (1, Gen.Select(Gen.OneOf("e", "E", "e+", "E-", "e-"), Gen.Int[0, 400], (e, x) => e + x.ToString(CultureInfo.InvariantCulture)))),
            (neg, intPart, frac, exp) => (neg ? "-" : "") + intPart.TrimStart('0').PadLeft(1, '0') + frac + exp)),
        (2, Gen.OneOf("0", "-0", "0.0", "-0.0", "0e0", "-0E+5", "1e21", "1e20", "1e-7", "1e-6", "0.1", "1.0", "1E2", "1e400", "-1e400", "1e-400",
            "9007199254740993", "12345678901234567890", "5e-324", "1.7976931348623157e308", "123e-20", "100000000000000000000", "999999999999999999999")));

    private static readonly Gen<string> Scalar = Gen.Frequency(
        (4, Number), (4, JsonString), (1, Gen.OneOf("true", "false", "null")));

    /// <summary>A value of bounded depth.</summary>
    public static readonly Gen<string> Value = Gen.Recursive<string>((depth, self) =>
    {
        if (depth >= 5)
        {
            return Scalar;
        }

        var array = Gen.Select(self.Array[0, 5], Ws, Ws, (items, w1, w2) => "[" + w1 + string.Join(w2 + "," + w1, items) + w2 + "]");
        var member = Gen.Select(Key, Ws, Ws, self, (k, w1, w2, v) => w1 + k + w2 + ":" + w1 + v + w2);
        var obj = Gen.Select(member.Array[0, 6], Ws, (members, w) => "{" + string.Join(",", members) + w + "}");
        return Gen.Frequency((5, Scalar), (2, array), (3, obj));
    });

    /// <summary>A whole document: mostly objects (what webhook bodies are), with surrounding whitespace.</summary>
    public static readonly Gen<string> Document = Gen.Frequency(
        (4, Gen.Select(Value, Ws, Ws, (v, a, b) => a + v + b)),
        (6, Gen.Select(Gen.Select(Key, Value, (k, v) => k + ":" + v).Array[1, 8], Ws, (m, w) => w + "{" + string.Join("," + w, m) + "}" + w)));

    /// <summary>Prints a JSON text with everything invisible or non-ASCII escaped, for failure messages.</summary>
    public static string Printable(string text)
    {
        var sb = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            if (c is >= ' ' and <= '~')
            {
                sb.Append(c);
            }
            else
            {
                sb.Append(CultureInfo.InvariantCulture, $"<U+{(int)c:X4}>");
            }
        }

        return sb.ToString();
    }
}
