namespace PaymentEvents.Receiver;

/// <summary>
/// Longest <c>id</c>, <c>type</c> and <c>object_id</c> an event may have, in UTF-16 characters (README.md, SECURITY.md).
/// Payment Kit's are about 30 characters; a value past these is refused (400 on the callback, rejected on the bus)
/// before anything is stored, so every stored event fits in a URL, a log line and a dashboard row.
/// </summary>
internal static class EventFieldLimits
{
    public const int MaxIdLength = 256;

    public const int MaxTypeLength = 128;

    public const int MaxObjectIdLength = 256;

    /// <summary>Null when <paramref name="value"/> fits; else why not, naming the field.</summary>
    public static string? Check(string name, string? value, int maxLength) =>
        value is { Length: var length } && length > maxLength
            ? $"The event's '{name}' is {length} characters long; at most {maxLength} are accepted."
            : null;
}
