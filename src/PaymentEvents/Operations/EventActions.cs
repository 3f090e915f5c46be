using PaymentEvents.Processing;
using PaymentEvents.Storage;

namespace PaymentEvents.Operations;

/// <summary>
/// What an operator can do to stored events, for the admin API and the dashboard alike: replay one, replay many,
/// resolve. A replay wakes the processor at once instead of at its next poll; a resolve does not, because a dead event
/// holds back nothing (only an unfinished one holds back the later events of its object).
/// </summary>
internal sealed class EventActions(IEventAdmin admin, IEventQueries queries, InboxSignal inbox)
{
    /// <summary>Queues one event again; false when no event has this id.</summary>
    public async Task<bool> ReplayAsync(string id, CancellationToken cancellationToken)
    {
        if (!await admin.ReplayAsync(id, cancellationToken))
        {
            return false;
        }

        inbox.Notify();
        return true;
    }

    /// <summary>Queues again every event with <paramref name="status"/> (of <paramref name="type"/> when given); how many.</summary>
    public async Task<int> ReplayManyAsync(EventStatus status, string? type, CancellationToken cancellationToken)
    {
        var count = await admin.ReplayManyAsync(status, type, cancellationToken);
        if (count > 0)
        {
            inbox.Notify();
        }

        return count;
    }

    /// <summary>Marks a dead event resolved; when it is not dead, its status now says why.</summary>
    public async Task<ResolveResult> ResolveAsync(string id, CancellationToken cancellationToken)
    {
        var outcome = await admin.ResolveAsync(id, cancellationToken);
        if (outcome != ResolveOutcome.NotDead)
        {
            return new ResolveResult(outcome, null);
        }

        // Read after the refusal: gone in between (purged) reads as resolved, which is what it can no longer become.
        var current = await queries.GetAsync(id, cancellationToken);
        return new ResolveResult(outcome, current?.Status ?? EventStatus.Resolved);
    }
}

/// <summary>What <see cref="EventActions.ResolveAsync"/> did, and for <see cref="ResolveOutcome.NotDead"/> the event's status.</summary>
internal readonly record struct ResolveResult(ResolveOutcome Outcome, EventStatus? Status);
