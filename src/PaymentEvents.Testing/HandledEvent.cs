namespace PaymentEvents.Testing;

/// <summary>An event the app has processed: every handler for its type succeeded.</summary>
public sealed class HandledEvent
{
    internal HandledEvent(string id, string type, string status, IReadOnlyList<HandlerAttempt> attempts)
    {
        Id = id;
        Type = type;
        Status = status;
        Attempts = attempts;
    }

    /// <summary>The event's id.</summary>
    public string Id { get; }

    /// <summary>The event's type, e.g. <c>invoice.paid</c>.</summary>
    public string Type { get; }

    /// <summary>The status as the admin API names it; <c>processed</c> here.</summary>
    public string Status { get; }

    /// <summary>Every handler run for this event, oldest first (a handler that failed and was retried appears once per run).</summary>
    public IReadOnlyList<HandlerAttempt> Attempts { get; }

    /// <inheritdoc />
    public override string ToString() => $"{Id} ({Type}) {Status}";
}

/// <summary>One run of one handler for one event.</summary>
/// <param name="Handler">The handler class's full name, e.g. <c>Acme.Payments.Handlers.InvoicePaidHandler</c>.</param>
/// <param name="Attempt">1 for the handler's first run for this event, 2 for its retry, and so on.</param>
/// <param name="Outcome"><c>succeeded</c> or <c>failed</c>, as the admin API names them.</param>
/// <param name="Error">For a failed run: the exception's type and message; null otherwise.</param>
public sealed record HandlerAttempt(string Handler, int Attempt, string Outcome, string? Error);
