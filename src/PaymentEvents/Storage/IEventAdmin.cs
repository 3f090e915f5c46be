namespace PaymentEvents.Storage;

/// <summary>Operator actions that change what the processor will do (replay, resolve) and the retention purge.</summary>
internal interface IEventAdmin
{
    /// <summary>
    /// Queues one event again (status received, due now, retry budget reset, lease cleared). False when unknown.
    /// The attempt history and handler successes are KEPT: a handler that already succeeded is not run again, and
    /// <see cref="StoredEvent.Attempts"/> keeps counting. An event under a live lease is left alone (it is being
    /// worked on); the call still returns true.
    /// </summary>
    Task<bool> ReplayAsync(string id, CancellationToken cancellationToken);

    /// <summary>
    /// Queues again every event with this status (and type, when given); returns how many. Same rules as
    /// <see cref="ReplayAsync"/>; <see cref="EventStatus.Processing"/> replays nothing and returns 0.
    /// </summary>
    Task<int> ReplayManyAsync(EventStatus status, string? type, CancellationToken cancellationToken);

    /// <summary>Marks a dead event <see cref="EventStatus.Resolved"/> without running it.</summary>
    Task<ResolveOutcome> ResolveAsync(string id, CancellationToken cancellationToken);

    /// <summary>
    /// Deletes up to <paramref name="max"/> processed, ignored or resolved events received before
    /// <paramref name="receivedBefore"/>, with their attempts, in one short transaction; returns how many.
    /// </summary>
    Task<int> PurgeAsync(DateTimeOffset receivedBefore, int max, CancellationToken cancellationToken);
}
