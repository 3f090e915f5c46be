namespace PaymentEvents.Events;

/// <summary>
/// Names the documented event type a sealed event class stands for (docs/protocol.md §2 table). Declared once, on the classes
/// in <c>DocumentedEvents.cs</c>; <see cref="EventTypes.Documented"/> and
/// <see cref="PaymentEventParser.DocumentedEventClasses"/> are read from it. Only the library's own classes count.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class EventTypeAttribute(string type) : Attribute
{
    /// <summary>The event type name, e.g. <c>invoice.paid</c>.</summary>
    public string Type { get; } = type;
}
