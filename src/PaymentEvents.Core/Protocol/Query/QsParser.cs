using System.Text;
using PaymentEvents.Protocol.Json;

namespace PaymentEvents.Protocol.Query;

/// <summary>
/// <c>qs.parse(str)</c> with qs 6.17 defaults (the version <c>@blocklet/sdk@1.17.12</c> resolves),
/// ported from <c>lib/parse.js</c>: '&amp;' delimiter, 1000 parameters, depth 5, arrayLimit 20,
/// '+' as space, <c>decodeURIComponent</c> (undecoded on malformed escapes), prototype keys dropped.
/// Every value is a string (docs/protocol.md §3, V1 <c>query</c>).
/// </summary>
internal static class QsParser
{
    public const int ParameterLimit = 1000;
    public const int Depth = 5;

    private static readonly HashSet<string> ObjectPrototypeKeys = new(StringComparer.Ordinal)
    {
        "constructor", "__defineGetter__", "__defineSetter__", "hasOwnProperty", "__lookupGetter__",
        "__lookupSetter__", "isPrototypeOf", "propertyIsEnumerable", "toString", "valueOf", "__proto__", "toLocaleString",
    };

    /// <summary>
    /// Parses and writes the canonical JSON of the result. The query comes without its leading '?'
    /// (the SDK parses <c>search.slice(1)</c>); a further '?' is part of the first key, as in qs.
    /// </summary>
    public static void WriteCanonical(string? query, PooledByteBuffer output)
    {
        if (string.IsNullOrEmpty(query))
        {
            output.Write("{}"u8);
            return;
        }

        QsCanonicalWriter.Write(Parse(query), output);
    }

    public static QsValue Parse(string str)
    {
        if (str.Length == 0)
        {
            return new QsObject();
        }

        var temp = ParseValues(str);
        QsValue obj = new QsObject();
        foreach (var key in temp.Keys())
        {
            var newObj = ParseKeys(key, temp.Get(key));
            if (newObj is not null)
            {
                obj = QsMerge.Merge(obj, newObj);
            }
        }

        return QsMerge.Compact(obj);
    }

    private static QsObject ParseValues(string str)
    {
        var obj = new QsObject();
        var clean = str.Replace("%5B", "[", StringComparison.OrdinalIgnoreCase).Replace("%5D", "]", StringComparison.OrdinalIgnoreCase);
        var parts = clean.Split('&', ParameterLimit + 1);
        // JS split(delimiter, limit) drops what is past the limit; .NET's extra last piece holds it, unused.
        var count = Math.Min(parts.Length, ParameterLimit);
        for (var i = 0; i < count; i++)
        {
            var part = parts[i];

            var bracketEqualsPos = part.IndexOf("]=", StringComparison.Ordinal);
            var pos = bracketEqualsPos == -1 ? part.IndexOf('=', StringComparison.Ordinal) : bracketEqualsPos + 1;
            var isEmptyBracketKey = pos > 1 && part.AsSpan(pos - 2, 2) is "[]";

            string key;
            QsValue val;
            if (pos == -1)
            {
                key = Decode(part);
                val = new QsString(string.Empty);
            }
            else
            {
                key = Decode(part[..pos]);
                val = new QsString(Decode(part[(pos + 1)..]));
            }

            var existing = obj.Has(key);
            if (existing)
            {
                obj.Set(key, QsMerge.Combine(obj.Get(key), val)); // duplicates: 'combine'
            }
            else
            {
                obj.Set(key, val);
            }
        }

        return obj;
    }

    private static QsValue? ParseKeys(string givenKey, QsValue val)
    {
        if (givenKey.Length == 0)
        {
            return null;
        }

        var segments = SplitKeyIntoSegments(givenKey);
        return segments is null ? null : ParseObject(segments, val);
    }

    private static List<string>? SplitKeyIntoSegments(string key)
    {
        var segments = new List<string>();
        var first = key.IndexOf('[', StringComparison.Ordinal);
        var parent = first >= 0 ? key[..first] : key;
        if (parent.Length > 0)
        {
            if (ObjectPrototypeKeys.Contains(parent))
            {
                return null;
            }

            segments.Add(parent);
        }

        var n = key.Length;
        var open = first;
        var collected = 0;
        while (open >= 0 && collected < Depth)
        {
            var level = 1;
            var i = open + 1;
            var close = -1;
            while (i < n && close < 0)
            {
                if (key[i] == '[')
                {
                    level++;
                }
                else if (key[i] == ']')
                {
                    level--;
                    if (level == 0)
                    {
                        close = i;
                    }
                }

                i++;
            }

            if (close < 0)
            {
                segments.Add("[" + key[open..] + "]");
                return segments;
            }

            var seg = key[open..(close + 1)];
            if (ObjectPrototypeKeys.Contains(seg[1..^1]))
            {
                return null;
            }

            segments.Add(seg);
            collected++;
            open = key.IndexOf('[', close + 1);
        }

        if (open >= 0)
        {
            segments.Add("[" + key[open..] + "]");
        }

        return segments;
    }

    private static QsValue ParseObject(List<string> chain, QsValue val)
    {
        var leaf = val;
        for (var i = chain.Count - 1; i >= 0; i--)
        {
            var root = chain[i];
            QsValue obj;
            if (root == "[]")
            {
                obj = leaf is QsObject { IsOverflow: true } ? leaf : QsMerge.Combine(new QsArray(), leaf);
            }
            else
            {
                var decodedRoot = root.Length >= 2 && root[0] == '[' && root[^1] == ']' ? root[1..^1] : root;
                var index = 0d;
                var isValidArrayIndex = root != decodedRoot
                    && QsNumbers.TryCanonicalInteger(decodedRoot, out index)
                    && index >= 0;
                if (isValidArrayIndex && index < QsMerge.ArrayLimit)
                {
                    var array = new QsArray();
                    array.Set((int)index, leaf);
                    obj = array;
                }
                else if (isValidArrayIndex)
                {
                    var o = new QsObject();
                    o.Set(QsNumbers.ToKey(index), leaf);
                    o.OverflowMaxIndex = index;
                    obj = o;
                }
                else
                {
                    var o = new QsObject();
                    if (decodedRoot != "__proto__")
                    {
                        o.Set(decodedRoot, leaf);
                    }

                    obj = o;
                }
            }

            leaf = obj;
        }

        return leaf;
    }

    /// <summary>qs <c>utils.decode</c> for UTF-8: '+' is a space, then <c>decodeURIComponent</c>, or the input when that throws.</summary>
    internal static string Decode(string str)
    {
        var withoutPlus = str.Contains('+', StringComparison.Ordinal) ? str.Replace('+', ' ') : str;
        if (!withoutPlus.Contains('%', StringComparison.Ordinal))
        {
            return withoutPlus;
        }

        return TryDecodeUriComponent(withoutPlus, out var decoded) ? decoded : withoutPlus;
    }

    private static bool TryDecodeUriComponent(string s, out string decoded)
    {
        var sb = new StringBuilder(s.Length);
        Span<byte> octets = stackalloc byte[4];
        for (var i = 0; i < s.Length; i++)
        {
            if (s[i] != '%')
            {
                sb.Append(s[i]);
                continue;
            }

            if (!TryHexByte(s, i, out var b))
            {
                decoded = s;
                return false;
            }

            i += 2;
            if (b < 0x80)
            {
                sb.Append((char)b);
                continue;
            }

            var n = b >= 0xF0 && b < 0xF8 ? 4 : b >= 0xE0 && b < 0xF0 ? 3 : b >= 0xC0 && b < 0xE0 ? 2 : 0;
            if (n == 0)
            {
                decoded = s;
                return false;
            }

            octets[0] = b;
            for (var j = 1; j < n; j++)
            {
                if (i + 1 >= s.Length || s[i + 1] != '%' || !TryHexByte(s, i + 1, out var next) || (next & 0xC0) != 0x80)
                {
                    decoded = s;
                    return false;
                }

                octets[j] = next;
                i += 3;
            }

            // Overlong forms, surrogates and code points past U+10FFFF are URIErrors too.
            if (Rune.DecodeFromUtf8(octets[..n], out var rune, out var consumed) != System.Buffers.OperationStatus.Done || consumed != n)
            {
                decoded = s;
                return false;
            }

            sb.Append(rune.ToString());
        }

        decoded = sb.ToString();
        return true;
    }

    private static bool TryHexByte(string s, int percentAt, out byte value)
    {
        value = 0;
        if (percentAt + 2 >= s.Length)
        {
            return false;
        }

        var hi = HexValue(s[percentAt + 1]);
        var lo = HexValue(s[percentAt + 2]);
        if (hi < 0 || lo < 0)
        {
            return false;
        }

        value = (byte)((hi << 4) | lo);
        return true;
    }

    private static int HexValue(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'f' => c - 'a' + 10,
        >= 'A' and <= 'F' => c - 'A' + 10,
        _ => -1,
    };
}
