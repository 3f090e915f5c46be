using System.Globalization;
using System.Text;

namespace PaymentEvents.Dashboard;

/// <summary>
/// Event fields as the dashboard shows them. They come from whoever signed the delivery, so they may hold what a
/// reader cannot see: bidi overrides (<c>evt_\u202Egnp.exe</c> reads as <c>evt_exe.png</c>), zero-width and other
/// format characters, control characters. Those are shown as a visible marker such as <c>‹U+202E›</c>; long values
/// are cut in tables and headings, with the whole value in the title and on the event's own page.
/// </summary>
internal static class DashboardText
{
    /// <summary>Characters of an id, type or object id a table cell or heading shows before "…".</summary>
    public const int ShortLength = 80;

    /// <summary>
    /// <paramref name="text"/> with every invisible or direction-changing character replaced by <c>‹U+XXXX›</c>.
    /// Line breaks and tabs are kept when <paramref name="keepLineBreaks"/> (error texts, stack traces).
    /// </summary>
    public static string Visible(string? text, bool keepLineBreaks = false)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text ?? string.Empty;
        }

        var firstHidden = IndexOfHidden(text, keepLineBreaks);
        if (firstHidden < 0)
        {
            return text;
        }

        var sb = new StringBuilder(text.Length + 16).Append(text, 0, firstHidden);
        for (var i = firstHidden; i < text.Length; i++)
        {
            var c = text[i];
            if (IsHidden(c, keepLineBreaks))
            {
                sb.Append("‹U+").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture)).Append('›');
            }
            else
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }

    /// <summary><see cref="Visible"/>, cut to <paramref name="max"/> characters with "…" (never inside a surrogate pair).</summary>
    public static string Short(string? text, int max = ShortLength)
    {
        var visible = Visible(text);
        if (visible.Length <= max)
        {
            return visible;
        }

        var cut = char.IsHighSurrogate(visible[max - 1]) ? max - 1 : max;
        return string.Concat(visible.AsSpan(0, cut), "…");
    }

    /// <summary>The title (tooltip) of a cut value: the whole of it, made visible, or nothing when nothing was cut.</summary>
    public static string? TitleIfCut(string? text, int max = ShortLength)
    {
        var visible = Visible(text);
        return visible.Length > max ? visible : null;
    }

    private static int IndexOfHidden(string text, bool keepLineBreaks)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (IsHidden(text[i], keepLineBreaks))
            {
                return i;
            }
        }

        return -1;
    }

    private static bool IsHidden(char c, bool keepLineBreaks)
    {
        if (keepLineBreaks && c is '\n' or '\r' or '\t')
        {
            return false;
        }

        // Control (C0, DEL, C1), format (bidi marks/embeddings/overrides/isolates, zero-width, BOM, soft hyphen),
        // line and paragraph separators.
        return char.GetUnicodeCategory(c) switch
        {
            UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator => true,
            UnicodeCategory.Surrogate => false,
            _ => c is '\u115F' or '\u1160' or '\u3164' or '\uFFA0', // Hangul fillers: letters that render as nothing
        };
    }
}
