using System.Collections.Frozen;
using System.Reflection;
using PaymentEvents.Events;

namespace PaymentEvents.Handlers;

/// <summary>
/// Which handler classes run for which event type; built once at startup from the handler classes
/// found by <see cref="HandlerServiceCollectionExtensions.AddPaymentEventHandlers(Microsoft.Extensions.DependencyInjection.IServiceCollection, Assembly[])"/>.
/// </summary>
/// <remarks>
/// Coverage rules:
/// <list type="bullet">
/// <item>A handler without <see cref="PaymentEventTypeAttribute"/> covers every documented type
/// (<see cref="PaymentEventParser.DocumentedEventClasses"/>) whose event class is assignable to one of
/// its <c>TEvent</c>s: <c>IPaymentEventHandler&lt;SubscriptionStarted&gt;</c> covers one type,
/// <c>IPaymentEventHandler&lt;PaymentEvent&lt;Subscription&gt;&gt;</c> all eleven subscription types.</item>
/// <item>A handler with the attribute covers exactly the listed types, documented or not.</item>
/// <item>A handler of <see cref="PaymentEvent"/> without the attribute is a catch-all: every type,
/// including ones nobody has heard of yet.</item>
/// </list>
/// Per type, handlers run in a fixed order: most specific event class first, then by name, so
/// catch-alls (audit, forwarding) run last.
/// </remarks>
internal sealed class HandlerRegistry
{
    private readonly FrozenDictionary<string, HandlerDescriptor[]> _byType;
    private readonly HandlerDescriptor[] _catchAlls;

    private HandlerRegistry(FrozenDictionary<string, HandlerDescriptor[]> byType, HandlerDescriptor[] catchAlls, IReadOnlyList<Type> handlerTypes)
    {
        _byType = byType;
        _catchAlls = catchAlls;
        HandlerTypes = handlerTypes;
        HandledEventTypes = byType.Keys.ToFrozenSet(StringComparer.Ordinal);
    }

    /// <summary>Every event type some handler covers by name (what to ask Payment Kit for as <c>enabled_events</c>).</summary>
    public IReadOnlySet<string> HandledEventTypes { get; }

    /// <summary>True when a catch-all handler exists: then every event type is wanted, known or not.</summary>
    public bool HasCatchAll => _catchAlls.Length > 0;

    /// <summary>The catch-all handlers: what runs for a type no handler names.</summary>
    public IReadOnlyList<HandlerDescriptor> CatchAllHandlers => _catchAlls;

    /// <summary>The handler classes, in name order.</summary>
    public IReadOnlyList<Type> HandlerTypes { get; }

    /// <summary>The handlers for <paramref name="eventType"/>, in run order; empty when none (the event is ignored).</summary>
    public IReadOnlyList<HandlerDescriptor> GetHandlers(string eventType) =>
        _byType.TryGetValue(eventType, out var handlers) ? handlers : _catchAlls;

    /// <summary>Non-abstract, closed classes in <paramref name="assemblies"/> that implement <see cref="IPaymentEventHandler{TEvent}"/>.</summary>
    public static IReadOnlyList<Type> FindHandlerTypes(params Assembly[] assemblies)
    {
        ArgumentNullException.ThrowIfNull(assemblies);
        return assemblies
            .Distinct()
            .SelectMany(LoadableTypes)
            .Where(t => t is { IsClass: true, IsAbstract: false, ContainsGenericParameters: false } && EventClassesOf(t).Length > 0)
            .ToArray();
    }

    /// <summary>
    /// Builds the registry. Throws <see cref="InvalidOperationException"/> for a handler that could never
    /// run (no type matches) or that lists a type whose events it cannot accept.
    /// </summary>
    public static HandlerRegistry Create(IEnumerable<Type> handlerTypes)
    {
        ArgumentNullException.ThrowIfNull(handlerTypes);
        var types = handlerTypes.Distinct().OrderBy(t => t.FullName, StringComparer.Ordinal).ToArray();
        var invokers = new Dictionary<Type, HandlerInvoker>();
        HandlerDescriptor Describe(Type handler, Type eventClass)
        {
            if (!invokers.TryGetValue(eventClass, out var invoke))
            {
                invoke = HandlerInvokers.For(eventClass);
                invokers.Add(eventClass, invoke);
            }

            return new HandlerDescriptor(handler, eventClass, invoke);
        }

        var documented = PaymentEventParser.DocumentedEventClasses;
        var byType = new Dictionary<string, List<HandlerDescriptor>>(StringComparer.Ordinal);
        var catchAlls = new List<HandlerDescriptor>();
        var unrestricted = new List<(Type Handler, Type[] EventClasses)>();

        void Add(string eventType, HandlerDescriptor descriptor)
        {
            if (!byType.TryGetValue(eventType, out var list))
            {
                byType[eventType] = list = [];
            }

            list.Add(descriptor);
        }

        foreach (var handler in types)
        {
            var eventClasses = EventClassesOf(handler);
            if (handler is not { IsClass: true, IsAbstract: false, ContainsGenericParameters: false } || eventClasses.Length == 0)
            {
                throw new InvalidOperationException($"{handler.FullName} is not a payment event handler: it must be a non-abstract, non-generic class implementing IPaymentEventHandler<TEvent>.");
            }

            var listed = handler.GetCustomAttributes<PaymentEventTypeAttribute>(inherit: false).Select(a => a.Type).Distinct(StringComparer.Ordinal).ToArray();
            if (listed.Length > 0)
            {
                foreach (var eventType in listed)
                {
                    var arrivesAs = PaymentEventParser.EventClassFor(eventType) ?? typeof(UntypedPaymentEvent);
                    var through = MostSpecific(eventClasses, arrivesAs)
                        ?? throw new InvalidOperationException(
                            $"{handler.FullName} is marked [PaymentEventType(\"{eventType}\")], but events of that type arrive as {Pretty(arrivesAs)}, "
                            + $"which none of its IPaymentEventHandler<...> interfaces accepts. Implement IPaymentEventHandler<{Pretty(arrivesAs)}> (or a base class of it, such as PaymentEvent).");
                    Add(eventType, Describe(handler, through));
                }

                continue;
            }

            unrestricted.Add((handler, eventClasses));
        }

        // Unrestricted handlers cover documented types by assignability, and catch-alls also every type
        // another handler listed by name, so all handlers of a type are in one list.
        var namedTypes = documented.Keys.Concat(byType.Keys).Distinct(StringComparer.Ordinal).ToArray();
        foreach (var (handler, eventClasses) in unrestricted)
        {
            var isCatchAll = eventClasses.Contains(typeof(PaymentEvent));
            var covered = 0;
            foreach (var eventType in namedTypes)
            {
                var arrivesAs = documented.TryGetValue(eventType, out var documentedClass) ? documentedClass : PaymentEventParser.EventClassFor(eventType) ?? typeof(UntypedPaymentEvent);
                if (!isCatchAll && documentedClass is null)
                {
                    continue;
                }

                if (MostSpecific(eventClasses, arrivesAs) is { } through)
                {
                    Add(eventType, Describe(handler, through));
                    covered++;
                }
            }

            if (isCatchAll)
            {
                catchAlls.Add(Describe(handler, typeof(PaymentEvent)));
            }
            else if (covered == 0)
            {
                throw new InvalidOperationException(
                    $"{handler.FullName} handles {string.Join(", ", eventClasses.Select(Pretty))}, which no documented event type arrives as, so it would never run. "
                    + "List the event types it is for with [PaymentEventType(\"...\")].");
            }
        }

        var frozen = byType.ToFrozenDictionary(p => p.Key, p => Order(p.Value), StringComparer.Ordinal);
        return new HandlerRegistry(frozen, Order(catchAlls), types);
    }

    /// <summary>The <c>TEvent</c>s of every <see cref="IPaymentEventHandler{TEvent}"/> a class implements.</summary>
    internal static Type[] EventClassesOf(Type handler) =>
        handler.GetInterfaces()
            .Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IPaymentEventHandler<>))
            .Select(i => i.GetGenericArguments()[0])
            .ToArray();

    /// <summary>
    /// The most derived of <paramref name="eventClasses"/> that accepts <paramref name="arrivesAs"/>.
    /// Event classes are classes, so the candidates form one inheritance chain and the answer is unique.
    /// </summary>
    private static Type? MostSpecific(Type[] eventClasses, Type arrivesAs) =>
        eventClasses.Where(c => c.IsAssignableFrom(arrivesAs)).OrderByDescending(Depth).FirstOrDefault();

    private static HandlerDescriptor[] Order(List<HandlerDescriptor> handlers) =>
        handlers.OrderByDescending(h => Depth(h.EventClass)).ThenBy(h => h.Name, StringComparer.Ordinal).ToArray();

    private static int Depth(Type type)
    {
        var depth = 0;
        for (var t = type.BaseType; t is not null; t = t.BaseType)
        {
            depth++;
        }

        return depth;
    }

    internal static string Pretty(Type type) =>
        type.IsGenericType
            ? $"{type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)]}<{string.Join(", ", type.GetGenericArguments().Select(Pretty))}>"
            : type.Name;

    private static IEnumerable<Type> LoadableTypes(Assembly assembly)
    {
        try
        {
            return assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException e)
        {
            return e.Types.OfType<Type>();
        }
    }
}
