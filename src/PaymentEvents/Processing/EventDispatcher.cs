using Microsoft.Extensions.DependencyInjection;
using PaymentEvents.Events;
using PaymentEvents.Handlers;
using PaymentEvents.Storage;
using PaymentEvents.Telemetry;

namespace PaymentEvents.Processing;

/// <summary>
/// Runs one stored event through its handlers: parse, find the handlers for its type, skip those that
/// already succeeded for it (an earlier attempt, read with the claim), run the rest in one DI scope, and report
/// every run. Nothing is written here: the <see cref="EventProcessor"/> stores the runs together with the event's
/// outcome in one transaction (<see cref="IEventLeases.FinishAsync"/>).
/// </summary>
internal sealed class EventDispatcher(
    HandlerRegistry registry,
    IServiceScopeFactory scopeFactory,
    PaymentEventBus bus,
    PaymentEventsMetrics metrics,
    TimeProvider timeProvider)
{
    /// <summary>
    /// Dispatches <paramref name="lease"/>. Throws <see cref="OperationCanceledException"/> only when
    /// <paramref name="cancellationToken"/> fired (shutdown or a lost lease); nothing of the event is then
    /// recorded, so its handlers run again on the next attempt.
    /// </summary>
    public async Task<DispatchResult> DispatchAsync(EventLease lease, CancellationToken cancellationToken)
    {
        // Verified on arrival and kept whatever happens (docs/protocol.md §2: any type must be accepted and
        // recorded); an unreadable payload goes dead so a replay after an upgrade can revive it.
        if (!PaymentEventParser.TryParse(lease.Payload.Span, out var paymentEvent, out var parseError))
        {
            return DispatchResult.Unreadable(parseError ?? "unknown error");
        }

        var handlers = registry.GetHandlers(paymentEvent.Type);
        var withBus = bus.HasSubscribers;
        if (handlers.Count == 0 && !withBus)
        {
            return DispatchResult.Ignored;
        }

        var succeeded = lease.SucceededHandlers;
        List<HandlerFailure>? failures = null; // made only when a handler fails: most events have none
        var runs = new List<HandlerRun>(handlers.Count + 1);

        // One scope per event: handlers of one event share scoped services (a DbContext, a unit of work).
        await using (var scope = scopeFactory.CreateAsyncScope())
        {
            foreach (var handler in handlers)
            {
                if (succeeded.Contains(handler.Name))
                {
                    continue;
                }

                if (await RunAsync(handler.Name, handler, scope.ServiceProvider, paymentEvent, runs, cancellationToken) is { } failure)
                {
                    (failures ??= []).Add(failure);
                }
            }
        }

        if (withBus && !succeeded.Contains(PaymentEventBus.HandlerName))
        {
            if (await RunAsync(PaymentEventBus.HandlerName, null, null, paymentEvent, runs, cancellationToken) is { } failure)
            {
                (failures ??= []).Add(failure);
            }
        }

        return failures is null ? DispatchResult.Processed(runs) : DispatchResult.Failed(runs, failures);
    }

    private static Task InvokeAsync(HandlerDescriptor handler, IServiceProvider services, PaymentEvent paymentEvent, CancellationToken cancellationToken)
    {
        if (!handler.EventClass.IsInstanceOfType(paymentEvent))
        {
            throw new InvalidOperationException(
                $"The event arrived as {HandlerRegistry.Pretty(paymentEvent.GetType())}, but {handler.Name} accepts {HandlerRegistry.Pretty(handler.EventClass)}.");
        }

        return handler.Invoke(services.GetRequiredService(handler.HandlerType), paymentEvent, cancellationToken);
    }

    // A handler from the registry (handler and services set) or the event bus (both null). No delegate per run: the
    // processor calls this for every handler of every event.
    private async Task<HandlerFailure?> RunAsync(
        string name, HandlerDescriptor? handler, IServiceProvider? services, PaymentEvent paymentEvent, List<HandlerRun> runs, CancellationToken cancellationToken)
    {
        var startedAt = timeProvider.GetUtcNow();
        var started = timeProvider.GetTimestamp();
        HandlerFailure? failure = null;
        try
        {
            cancellationToken.ThrowIfCancellationRequested();
            await (handler is null ? bus.DeliverAsync(paymentEvent, cancellationToken) : InvokeAsync(handler, services!, paymentEvent, cancellationToken));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Interrupted, not failed and certainly not succeeded: record nothing.
            throw;
        }
#pragma warning disable CA1031 // a handler's exception is data here: it is recorded and the event retried
        catch (Exception e)
#pragma warning restore CA1031
        {
            failure = new HandlerFailure(name, e);
        }

        var elapsed = timeProvider.GetElapsedTime(started);
        metrics.HandlerRan(name, failure is null, elapsed);
        if (failure is not null)
        {
            metrics.HandlerFailed(name);
        }

        runs.Add(new HandlerRun(name, startedAt, elapsed, failure is null, failure is null ? null : DispatchResult.Truncate(failure.Describe())));
        return failure;
    }
}
