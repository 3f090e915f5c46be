namespace PaymentEvents.Testing;

/// <summary>
/// The event will not be (or not yet be) processed: a handler failed (status <c>failed</c>, to be retried, or <c>dead</c>),
/// or no handler handles its type (<c>ignored</c>). The message names the status and every failed handler with its error.
/// </summary>
public sealed class PaymentEventNotHandledException : Exception
{
    /// <summary>An exception without an event.</summary>
    public PaymentEventNotHandledException()
    {
    }

    /// <summary>An exception with <paramref name="message"/> and no event.</summary>
    public PaymentEventNotHandledException(string message)
        : base(message)
    {
    }

    /// <summary>An exception with <paramref name="message"/>, caused by <paramref name="innerException"/>.</summary>
    public PaymentEventNotHandledException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    internal PaymentEventNotHandledException(string message, string eventId, string status, IReadOnlyList<HandlerAttempt> attempts)
        : base(message)
    {
        EventId = eventId;
        Status = status;
        Attempts = attempts;
    }

    /// <summary>The event's id.</summary>
    public string EventId { get; } = "";

    /// <summary>The status the event is in, as the admin API names it: <c>failed</c>, <c>dead</c>, <c>ignored</c> (or <c>resolved</c>).</summary>
    public string Status { get; } = "";

    /// <summary>Every handler run for the event so far, oldest first.</summary>
    public IReadOnlyList<HandlerAttempt> Attempts { get; } = [];
}
