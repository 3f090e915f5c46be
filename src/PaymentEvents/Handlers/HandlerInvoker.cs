using System.Reflection;
using PaymentEvents.Events;

namespace PaymentEvents.Handlers;

/// <summary>Calls a resolved handler instance with an event.</summary>
internal delegate Task HandlerInvoker(object handler, PaymentEvent paymentEvent, CancellationToken cancellationToken);

/// <summary>Builds <see cref="HandlerInvoker"/>s: one closed generic method per event class, made once at startup.</summary>
internal static class HandlerInvokers
{
    private static readonly MethodInfo InvokeDefinition =
        typeof(HandlerInvokers).GetMethod(nameof(InvokeTyped), BindingFlags.NonPublic | BindingFlags.Static)!;

    public static HandlerInvoker For(Type eventClass) =>
        InvokeDefinition.MakeGenericMethod(eventClass).CreateDelegate<HandlerInvoker>();

    // The casts are cheap type checks; contravariance lets a handler of a base class accept a derived event.
    private static Task InvokeTyped<TEvent>(object handler, PaymentEvent paymentEvent, CancellationToken cancellationToken)
        where TEvent : PaymentEvent =>
        ((IPaymentEventHandler<TEvent>)handler).HandleAsync((TEvent)paymentEvent, cancellationToken);
}
