using System.Runtime.ExceptionServices;
using Microsoft.Extensions.Logging;
using PaymentEvents.Events;
using PaymentEvents.Storage;

namespace PaymentEvents.Processing;

/// <summary>The one <see cref="IPaymentEventBus"/>; the interface is the seam apps and tests inject.</summary>
internal sealed class PaymentEventBus(InboxEntry inbox, TimeProvider timeProvider, ILogger<PaymentEventBus> logger)
    : IPaymentEventBus
{
    /// <summary>The name the bus's deliveries are recorded under in an event's handler attempts.</summary>
    public const string HandlerName = "PaymentEvents.EventBus";

    // Copy-on-write: delivery reads a snapshot without locking; (un)subscribing is rare.
    private readonly Lock _gate = new();
    private Subscriber[] _subscribers = [];

    public bool HasSubscribers => Volatile.Read(ref _subscribers).Length > 0;

    public IDisposable Subscribe(Func<PaymentEvent, CancellationToken, Task> subscriber)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        return Add(new Subscriber(NameOf(subscriber), subscriber));
    }

    public IDisposable Subscribe<TEvent>(Func<TEvent, CancellationToken, Task> subscriber)
        where TEvent : PaymentEvent
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        return Add(new Subscriber(NameOf(subscriber), (e, ct) => e is TEvent typed ? subscriber(typed, ct) : Task.CompletedTask));
    }

    public async Task<InsertOutcome> PublishAsync(PaymentEvent paymentEvent, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(paymentEvent);
        var payload = PaymentEventJson.Serialize(paymentEvent);
        // The same entry as a verified webhook delivery: a new event wakes the processor.
        var result = await inbox.StoreAsync(
            new NewEvent(paymentEvent.Id, paymentEvent.Type, paymentEvent.ObjectId, paymentEvent.Livemode, payload, timeProvider.GetUtcNow()),
            cancellationToken);
        if (result.Failure is { } failure)
        {
            // The caller's answer to an unavailable store is the exception IInboxWriter promises, with its stack trace.
            ExceptionDispatchInfo.Throw(failure);
        }

        ProcessingLog.Published(logger, paymentEvent.Id, paymentEvent.Type, result.IsStored ? "stored" : "duplicate");
        return result.Outcome;
    }

    /// <summary>
    /// Delivers to every current subscriber in subscription order. Only cancellation (shutdown or a lost
    /// lease) escapes; a subscriber's exception is logged and does not stop the others.
    /// </summary>
    internal async Task DeliverAsync(PaymentEvent paymentEvent, CancellationToken cancellationToken)
    {
        foreach (var subscriber in Volatile.Read(ref _subscribers))
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                await subscriber.Callback(paymentEvent, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
#pragma warning disable CA1031 // a subscriber's failure must not reach the event (documented on IPaymentEventBus)
            catch (Exception e)
#pragma warning restore CA1031
            {
                ProcessingLog.SubscriberFailed(logger, e, subscriber.Name, paymentEvent.Id, paymentEvent.Type);
            }
        }
    }

    private Unsubscriber Add(Subscriber subscriber)
    {
        lock (_gate)
        {
            Volatile.Write(ref _subscribers, [.. _subscribers, subscriber]);
        }

        return new Unsubscriber(this, subscriber);
    }

    private void Remove(Subscriber subscriber)
    {
        lock (_gate)
        {
            Volatile.Write(ref _subscribers, _subscribers.Where(s => !ReferenceEquals(s, subscriber)).ToArray());
        }
    }

    private static string NameOf(Delegate callback) =>
        callback.Method.DeclaringType is { } type ? $"{type.FullName}.{callback.Method.Name}" : callback.Method.Name;

    private sealed class Subscriber(string name, Func<PaymentEvent, CancellationToken, Task> callback)
    {
        public string Name { get; } = name;

        public Func<PaymentEvent, CancellationToken, Task> Callback { get; } = callback;
    }

    private sealed class Unsubscriber(PaymentEventBus bus, Subscriber subscriber) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                bus.Remove(subscriber);
            }
        }
    }
}
