namespace PaymentEvents.Handlers;

/// <summary>One handler class as it runs for one event type. Made by <see cref="HandlerRegistry"/>.</summary>
internal sealed class HandlerDescriptor
{
    internal HandlerDescriptor(Type handlerType, Type eventClass, HandlerInvoker invoke)
    {
        HandlerType = handlerType;
        EventClass = eventClass;
        Name = handlerType.FullName ?? handlerType.Name;
        Invoke = invoke;
    }

    /// <summary>
    /// Stable name: the class's full name. The store records per-handler success under it, so a
    /// handler that already succeeded for an event never runs again for it; renaming the class makes
    /// it a new handler.
    /// </summary>
    public string Name { get; }

    /// <summary>The handler class, resolved from the event's DI scope.</summary>
    public Type HandlerType { get; }

    /// <summary>The <c>TEvent</c> of the <see cref="IPaymentEventHandler{TEvent}"/> it is called through.</summary>
    public Type EventClass { get; }

    /// <summary>Calls the handler; built once per (handler, event class), so no reflection per event.</summary>
    internal HandlerInvoker Invoke { get; }

    public override string ToString() => $"{Name} ({EventClass.Name})";
}
