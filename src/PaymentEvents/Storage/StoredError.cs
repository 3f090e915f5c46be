namespace PaymentEvents.Storage;

/// <summary>
/// The one limit on a stored error (an event's last error, a handler attempt's error). Errors can be whole stack
/// traces and are for people: keep rows small and the admin API and dashboard readable. The dispatcher cuts an
/// error where it is made; the store cuts again whatever any caller hands it, so the limit holds for every writer.
/// </summary>
internal static class StoredError
{
    /// <summary>Most characters of a stored error, the ellipsis that marks a cut included.</summary>
    public const int MaxLength = 2000;

    /// <summary><paramref name="error"/> as stored: itself when short enough, else its start and "…", <see cref="MaxLength"/> in all.</summary>
    public static string Truncate(string error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return error.Length <= MaxLength ? error : string.Concat(error.AsSpan(0, MaxLength - 1), "…");
    }
}
