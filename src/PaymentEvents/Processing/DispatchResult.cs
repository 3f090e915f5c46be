using PaymentEvents.Storage;

namespace PaymentEvents.Processing;

/// <summary>What running one event through its handlers came to.</summary>
internal enum DispatchStatus
{
    /// <summary>Every handler (and the bus) has now succeeded.</summary>
    Processed,

    /// <summary>No handler for the type and nobody subscribed.</summary>
    Ignored,

    /// <summary>At least one handler failed; the others' successes are recorded.</summary>
    Failed,

    /// <summary>The stored payload could not be parsed; no handler ran.</summary>
    Unreadable,
}

/// <summary>One handler's failure for one event.</summary>
internal sealed record HandlerFailure(string Handler, Exception Exception)
{
    public string Describe() => $"{Handler}: {Exception.GetType().Name}: {Exception.Message}";
}

/// <param name="Status">The outcome.</param>
/// <param name="Runs">Handlers that ran this time (not those that had already succeeded), to be stored with the outcome.</param>
/// <param name="Error">For <see cref="DispatchStatus.Failed"/> and <see cref="DispatchStatus.Unreadable"/>: what to store as the event's last error.</param>
/// <param name="Failures">The failed handlers, for logging.</param>
internal sealed record DispatchResult(DispatchStatus Status, IReadOnlyList<HandlerRun> Runs, string? Error, IReadOnlyList<HandlerFailure> Failures)
{
    public static DispatchResult Ignored { get; } = new(DispatchStatus.Ignored, [], null, []);

    public static DispatchResult Processed(IReadOnlyList<HandlerRun> runs) => new(DispatchStatus.Processed, runs, null, []);

    public static DispatchResult Unreadable(string error) => new(DispatchStatus.Unreadable, [], Truncate("payload could not be parsed: " + error), []);

    public static DispatchResult Failed(IReadOnlyList<HandlerRun> runs, IReadOnlyList<HandlerFailure> failures) =>
        new(DispatchStatus.Failed, runs, Truncate(string.Join("; ", failures.Select(f => f.Describe()))), failures);

    internal static string Truncate(string text) => StoredError.Truncate(text);
}
