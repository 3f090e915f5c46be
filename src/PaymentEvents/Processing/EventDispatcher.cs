using System.Text;
using Microsoft.Extensions.DependencyInjection;
using PaymentEvents.Events;
using PaymentEvents.Handlers;
using PaymentEvents.Storage;
using PaymentEvents.Telemetry;

namespace PaymentEvents.Processing;

/// <summary>
/// Runs one stored event through its handlers: parse, find the handlers for its type, skip those that
/// already succeeded for it (an earlier attempt), run the rest in one DI scope, record every attempt.
/// Completing, retrying or burying the event is the <see cref="EventProcessor"/>'s business.
/// </summary>
internal sealed class EventDispatcher(
    HandlerRegistry registry,
    IEventStore store,
    IServiceScopeFactory scopeFactory,
    PaymentEventBus bus,
    PaymentEventsMetrics metrics,
    TimeProvider timeProvider)
{
    /// <summary>
    /// Dispatches <paramref name="lease"/>. Throws <see cref="OperationCanceledException"/> only when
    /// <paramref name="cancellationToken"/> fired (shutdown or a lost lease); an interrupted handler's
    /// attempt is then not recorded, so it runs again on the next attempt.
    /// </summary>
    public async Task<DispatchResult> DispatchAsync(EventLease lease, CancellationToken cancellationToken)
    {
        // Verified on arrival and kept whatever happens (PROTOCOL §2: any type must be accepted and
        // recorded); an unreadable payload goes dead so a replay after an upgrade can revive it.
        if (!PaymentEventParser.TryParse(Encoding.UTF8.GetBytes(lease.Payload), out var paymentEvent, out var parseError))
        {
            return DispatchResult.Unreadable(parseError ?? "unknown error");
        }

        var handlers = registry.GetHandlers(paymentEvent.Type);
        var withBus = bus.HasSubscribers;
        if (handlers.Count == 0 && !withBus)
        {
            return DispatchResult.Ignored;
        }

        var succeeded = await store.GetSucceededHandlersAsync(lease.EventId, cancellationToken);
        var failures = new List<HandlerFailure>();
        var ran = 0;

        // One scope per event: handlers of one event share scoped services (a DbContext, a unit of work).
        await using (var scope = scopeFactory.CreateAsyncScope())
        {
            foreach (var handler in handlers)
            {
                if (succeeded.Contains(handler.Name))
                {
                    continue;
                }

                ran++;
                var failure = await RunAsync(handler.Name, ct => InvokeAsync(handler, scope.ServiceProvider, paymentEvent, ct), lease, cancellationToken);
                if (failure is not null)
                {
                    failures.Add(failure);
                }
            }
        }

        if (withBus && !succeeded.Contains(PaymentEventBus.HandlerName))
        {
            ran++;
            var failure = await RunAsync(PaymentEventBus.HandlerName, ct => bus.DeliverAsync(paymentEvent, ct), lease, cancellationToken);
            if (failure is not null)
            {
                failures.Add(failure);
            }
        }

        return failures.Count == 0 ? DispatchResult.Processed(ran) : DispatchResult.Failed(ran, failures);
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

    private async Task<HandlerFailure?> RunAsync(string name, Func<CancellationToken, Task> run, EventLease lease, CancellationToken cancellationToken)
    {
        var started = timeProvider.GetTimestamp();
        HandlerFailure? failure = null;
        try
        {
            cancellationToken.ThrowIfCancellationRequested();
            await run(cancellationToken);
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

        // A finished handler's outcome is recorded even if shutdown begins now, so a success is never
        // repeated; only the store's own failure (thrown) leaves it unrecorded.
        await store.RecordHandlerAttemptAsync(lease.EventId, name, failure is null, failure is null ? null : DispatchResult.Truncate(failure.Describe()), CancellationToken.None);
        return failure;
    }
}
