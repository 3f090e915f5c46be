using System.Globalization;
using System.Text;
using CsCheck;
using PaymentEvents.Protocol;

namespace PaymentEvents.Tests.Protocol;

/// <summary>
/// The property the signature relies on (docs/protocol.md §3): re-serialising a body (other whitespace, key
/// order, escapes, number spelling) never changes its canonical form, and the canonical form is a fixed point.
/// </summary>
public sealed class CanonicalJsonPropertyTests
{
    private abstract record Node;

    private sealed record Str(string Value) : Node;

    private sealed record Num(long Mantissa, int Exponent) : Node;

    private sealed record Lit(string Text) : Node;

    private sealed record Arr(Node[] Items) : Node;

    private sealed record Obj((string Key, Node Value)[] Members) : Node;

    private static readonly Gen<string> Text = Gen.String[Gen.OneOf(Gen.Char.AlphaNumeric, Gen.Char['\0', '\u00ff'], Gen.Const('\ud83d'), Gen.Const('"'), Gen.Const('\\'), Gen.Const('\u2028'), Gen.Char['\u4e00', '\u4e10']), 0, 8]
        .Select(s => s.Replace("\ud83d", "\ud83d\ude00", StringComparison.Ordinal)); // keep pairs whole: lone surrogates are a separate rule

    private static readonly Gen<Node> Leaf = Gen.OneOf<Node>(
        Text.Select(s => (Node)new Str(s)),
        Gen.Select(Gen.Long[-99999999, 99999999], Gen.Int[-30, 30]).Select((m, e) => (Node)new Num(m, e)),
        Gen.OneOf("true", "false", "null").Select(t => (Node)new Lit(t)));

    private static readonly Gen<Node> Tree = Gen.Recursive<Node>((depth, self) => depth >= 3
        ? Leaf
        : Gen.Frequency(
            (3, Leaf),
            (1, self.Array[0, 4].Select(items => (Node)new Arr(items))),
            (1, Gen.Select(Text, self).Array[0, 5].Select(members => (Node)new Obj(members)))));

    [Fact]
    public void Reserialising_never_changes_the_canonical_form()
    {
        Gen.Select(Tree, Gen.Int).Sample((tree, seed) =>
        {
            var plain = Render(tree, null);
            var noisy = Render(tree, new Random(seed));
            var canonical = CanonicalJson.ToCanonicalBytes(Encoding.UTF8.GetBytes(plain));
            Assert.Equal(canonical, CanonicalJson.ToCanonicalBytes(Encoding.UTF8.GetBytes(noisy)));
            Assert.Equal(canonical, CanonicalJson.ToCanonicalBytes(canonical));
        }, iter: 500);
    }

    /// <summary>JSON text for the tree; with <paramref name="noise"/>: whitespace, shuffled keys (the last duplicate kept last), escapes, number spellings.</summary>
    private static string Render(Node node, Random? noise)
    {
        var sb = new StringBuilder();
        Write(node, noise, sb);
        return sb.ToString();
    }

    private static void Write(Node node, Random? noise, StringBuilder sb)
    {
        Space(noise, sb);
        switch (node)
        {
            case Str s:
                WriteString(s.Value, noise, sb);
                break;
            case Num n:
                WriteNumber(n, noise, sb);
                break;
            case Lit l:
                sb.Append(l.Text);
                break;
            case Arr a:
                sb.Append('[');
                for (var i = 0; i < a.Items.Length; i++)
                {
                    if (i > 0)
                    {
                        sb.Append(',');
                    }

                    Write(a.Items[i], noise, sb);
                }

                Space(noise, sb);
                sb.Append(']');
                break;
            case Obj o:
                // Shuffling must not reorder two members with the same key: the last one wins.
                var members = noise is null ? o.Members : ShuffleKeepingDuplicateOrder(o.Members, noise);
                sb.Append('{');
                for (var i = 0; i < members.Length; i++)
                {
                    if (i > 0)
                    {
                        sb.Append(',');
                    }

                    Space(noise, sb);
                    WriteString(members[i].Key, noise, sb);
                    Space(noise, sb);
                    sb.Append(':');
                    Write(members[i].Value, noise, sb);
                }

                Space(noise, sb);
                sb.Append('}');
                break;
        }

        Space(noise, sb);
    }

    private static (string Key, Node Value)[] ShuffleKeepingDuplicateOrder((string Key, Node Value)[] members, Random noise)
    {
        var lastIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < members.Length; i++)
        {
            lastIndex[members[i].Key] = i;
        }

        // Earlier duplicates are dropped (they are overridden anyway); the survivors are shuffled.
        return [.. members.Where((m, i) => lastIndex[m.Key] == i).OrderBy(_ => noise.Next())];
    }

    private static void WriteString(string value, Random? noise, StringBuilder sb)
    {
        sb.Append('"');
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            var pair = char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]);
            if (c is '"' or '\\' || c < ' ' || (noise is not null && noise.Next(4) == 0))
            {
                // A pair is escaped as a whole: half a pair written literally would not be UTF-8.
                sb.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
                if (pair)
                {
                    sb.Append(CultureInfo.InvariantCulture, $"\\u{(int)value[++i]:x4}");
                }
            }
            else
            {
                sb.Append(c);
                if (pair)
                {
                    sb.Append(value[++i]);
                }
            }
        }

        sb.Append('"');
    }

    private static void WriteNumber(Num n, Random? noise, StringBuilder sb)
    {
        // The same value m × 10^e written in different legal spellings.
        var m = n.Mantissa.ToString(CultureInfo.InvariantCulture);
        switch (n.Mantissa == 0 ? 0 : noise?.Next(3) ?? 0)
        {
            case 0:
                sb.Append(CultureInfo.InvariantCulture, $"{m}e{n.Exponent}");
                break;
            case 1:
                sb.Append(CultureInfo.InvariantCulture, $"{m}0E{n.Exponent - 1:+0;-0}");
                break;
            default:
                sb.Append(CultureInfo.InvariantCulture, $"{m}.000e{n.Exponent}");
                break;
        }
    }

    private static void Space(Random? noise, StringBuilder sb)
    {
        if (noise is not null && noise.Next(3) == 0)
        {
            sb.Append(" \n\t\r"[noise.Next(4)]);
        }
    }
}
