namespace PaymentEvents.Storage;

/// <summary>
/// The lower-case status names stored in the database and shown to operators (INTERFACE.md "Event status").
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
