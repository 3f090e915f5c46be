namespace PaymentEvents.Storage;

/// <summary>
/// The lower-case status names stored in the database and shown to operators (README.md, "HTTP").
/// Kept as text, not integers, so a human reading the table or a SQL query sees the same names as the API.
/// </summary>
internal static class EventStatusText
{
    public const string Received = "received";
    public const string Processing = "processing";
    public const string Processed = "processed";
    public const string Failed = "failed";
    public const string Dead = "dead";
    public const string Ignored = "ignored";
    public const string Resolved = "resolved";

    /// <summary>Every name, for the answer to a status filter that is not one of them.</summary>
    public const string Allowed = "received, processing, processed, failed, dead, ignored, resolved";

    public static string ToText(EventStatus status) => status switch
    {
        EventStatus.Received => Received,
        EventStatus.Processing => Processing,
        EventStatus.Processed => Processed,
        EventStatus.Failed => Failed,
        EventStatus.Dead => Dead,
        EventStatus.Ignored => Ignored,
        EventStatus.Resolved => Resolved,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown event status."),
    };

    /// <summary>A status name from outside (a filter, a replay); false for anything not in <see cref="Allowed"/>.</summary>
    public static bool TryParse(string? text, out EventStatus status)
    {
        switch (text)
        {
            case Received: status = EventStatus.Received; return true;
            case Processing: status = EventStatus.Processing; return true;
            case Processed: status = EventStatus.Processed; return true;
            case Failed: status = EventStatus.Failed; return true;
            case Dead: status = EventStatus.Dead; return true;
            case Ignored: status = EventStatus.Ignored; return true;
            case Resolved: status = EventStatus.Resolved; return true;
            default: status = default; return false;
        }
    }

    /// <summary>A status name read from the database, which holds only these.</summary>
    public static EventStatus Parse(string text) => text switch
    {
        Received => EventStatus.Received,
        Processing => EventStatus.Processing,
        Processed => EventStatus.Processed,
        Failed => EventStatus.Failed,
        Dead => EventStatus.Dead,
        Ignored => EventStatus.Ignored,
        Resolved => EventStatus.Resolved,
        _ => throw new InvalidOperationException($"The store holds an unknown event status '{text}'."),
    };
}
