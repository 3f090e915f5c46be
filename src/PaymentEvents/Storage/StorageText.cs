namespace PaymentEvents.Storage;

/// <summary>Small value conversions shared by both engines.</summary>
internal static class StorageText
{
    /// <summary>Errors can be whole stack traces; keep rows small and the admin API readable.</summary>
    public const int MaxErrorLength = 4000;

    public static string Truncate(string error) =>
        error.Length <= MaxErrorLength ? error : string.Concat(error.AsSpan(0, MaxErrorLength - 1), "…");

    /// <summary>
    /// PostgreSQL keeps microseconds; SQLite gets the same precision so both engines hand back identical times.
    /// </summary>
    public static DateTimeOffset ToMicroseconds(DateTimeOffset value)
    {
        var utc = value.ToUniversalTime();
        return new DateTimeOffset(utc.Ticks - (utc.Ticks % 10), TimeSpan.Zero);
    }
}
