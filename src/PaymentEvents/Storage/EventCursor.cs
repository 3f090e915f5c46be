using System.Globalization;
using System.Text;

namespace PaymentEvents.Storage;

/// <summary>
/// Keyset-pagination cursor: the arrival sequence of the last item on a page, base64url-encoded so clients treat
/// it as opaque (we may change what is inside without breaking them).
/// </summary>
internal static class EventCursor
{
    public const int MaxLimit = 500;

    public static string Encode(long seq) =>
        Convert.ToBase64String(Encoding.ASCII.GetBytes(seq.ToString(CultureInfo.InvariantCulture)))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>The sequence inside <paramref name="cursor"/>; null when no cursor was given.</summary>
    public static long? Decode(string? cursor)
    {
        if (string.IsNullOrEmpty(cursor))
        {
            return null;
        }

        var base64 = cursor.Replace('-', '+').Replace('_', '/');
        base64 = base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=');
        Span<byte> bytes = stackalloc byte[64];
        if (cursor.Length > 80
            || !Convert.TryFromBase64String(base64, bytes, out var written)
            || !long.TryParse(Encoding.ASCII.GetString(bytes[..written]), NumberStyles.None, CultureInfo.InvariantCulture, out var seq))
        {
            throw new ArgumentException("The cursor is not one this store produced.", nameof(cursor));
        }

        return seq;
    }

    public static int ClampLimit(int limit) => Math.Clamp(limit, 1, MaxLimit);
}
