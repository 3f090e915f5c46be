using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using PaymentEvents.Handlers;
using PaymentEvents.Processing;
using PaymentEvents.Storage;

namespace PaymentEvents.Testing;

/// <summary>
/// Waits for one event's outcome: reads the store, and while the event is still to be processed, waits for the
/// processor's next finish (<see cref="EventFinishedSignal"/>) and reads again.
/// </summary>
internal static class HandledEventWaiter
{
    /// <summary>
    /// A re-read even without a signal, bounded: the store is the truth, and a finish written by something other than
    /// this app's processor (another replica on the same database) sends no signal here.
    /// </summary>
    private static readonly TimeSpan Recheck = TimeSpan.FromSeconds(1);

    public static async Task<HandledEvent> WaitAsync(IServiceProvider services, string eventId, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var store = services.GetRequiredService<IEventQueries>();
        var finished = services.GetRequiredService<EventFinishedSignal>();
        // Real elapsed time, not the app's TimeProvider: a test may have stopped the app's clock.
        var started = Stopwatch.GetTimestamp();
        while (true)
        {
            var next = finished.NextFinish();
            var stored = await store.GetAsync(eventId, cancellationToken).ConfigureAwait(false);
            switch (stored?.Status)
            {
                case EventStatus.Processed:
                    return new HandledEvent(stored.Id, stored.Type, EventStatusText.Processed, AttemptsOf(stored));
                case EventStatus.Failed or EventStatus.Dead or EventStatus.Ignored or EventStatus.Resolved:
                    throw NotHandled(stored, services.GetService<HandlerRegistry>());
            }

            var left = timeout - Stopwatch.GetElapsedTime(started);
            if (left <= TimeSpan.Zero)
            {
                throw new TimeoutException(stored is null
                    ? $"Event {eventId} was not processed within {timeout.TotalSeconds:0.#} s: it is not in the inbox (only a delivery answered 200 stores an event)."
                    : $"Event {eventId} ({stored.Type}) was not processed within {timeout.TotalSeconds:0.#} s: it is still {EventStatusText.ToText(stored.Status)}.");
            }

            using var stopWaiting = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            await Task.WhenAny(next, Task.Delay(left < Recheck ? left : Recheck, stopWaiting.Token)).ConfigureAwait(false);
            await stopWaiting.CancelAsync().ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
        }
    }

    private static HandlerAttempt[] AttemptsOf(StoredEvent stored) =>
        [.. stored.History.Select(a => new HandlerAttempt(a.Handler, a.Attempt, a.Outcome == AttemptOutcome.Succeeded ? "succeeded" : "failed", a.Error))];

    private static PaymentEventNotHandledException NotHandled(StoredEvent stored, HandlerRegistry? registry)
    {
        var status = EventStatusText.ToText(stored.Status);
        var reason = stored.Status switch
        {
            EventStatus.Failed => "a handler failed; it would be retried",
            EventStatus.Dead => "its handlers failed on every attempt, or its body could not be read",
            EventStatus.Ignored => IgnoredReason(stored.Type, registry),
            _ => "an operator resolved it without running it",
        };
        var failures = stored.Handlers.Where(h => !h.Succeeded && h.LastError is not null).Select(h => h.LastError!).ToList();
        if (failures.Count == 0 && stored.LastError is not null && stored.Status != EventStatus.Ignored)
        {
            failures.Add(stored.LastError);
        }

        var message = $"Event {stored.Id} ({stored.Type}) was not handled: it is {status} ({reason}).";
        if (failures.Count > 0)
        {
            message += " Failed: " + string.Join("; ", failures);
        }

        return new PaymentEventNotHandledException(message, stored.Id, status, AttemptsOf(stored));
    }

    private static string IgnoredReason(string type, HandlerRegistry? registry) => registry?.HandlerTypes is { Count: > 0 } handlers
        ? $"no handler class handles '{type}'; the app's handlers are {string.Join(", ", handlers.Select(h => h.FullName ?? h.Name))}"
        : $"the app has no handler classes at all: are they in the assembly given to AddPaymentEvents(...)?";
}
