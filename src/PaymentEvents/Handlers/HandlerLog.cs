using Microsoft.Extensions.Logging;

namespace PaymentEvents.Handlers;

/// <summary>Startup summary of the registry, so an operator can see what runs for what.</summary>
internal static partial class HandlerLog
{
    public static void LogRegistry(this ILogger logger, HandlerRegistry registry)
    {
        if (!logger.IsEnabled(LogLevel.Information))
        {
            return;
        }

        if (registry.HandlerTypes.Count == 0)
        {
            NoHandlers(logger);
            return;
        }

        foreach (var eventType in registry.HandledEventTypes.Order(StringComparer.Ordinal))
        {
            var handlers = string.Join(", ", registry.GetHandlers(eventType).Select(h => h.Name));
            HandlersForType(logger, eventType, handlers);
        }

        if (registry.HasCatchAll)
        {
            var catchAlls = string.Join(", ", registry.CatchAllHandlers.Select(h => h.Name));
            CatchAlls(logger, catchAlls);
        }
    }

    [LoggerMessage(EventId = 1100, Level = LogLevel.Information, Message = "Payment event type {EventType} is handled by {Handlers}")]
    private static partial void HandlersForType(ILogger logger, string eventType, string handlers);

    [LoggerMessage(EventId = 1101, Level = LogLevel.Information, Message = "Every other payment event type is handled by the catch-all handlers {Handlers}")]
    private static partial void CatchAlls(ILogger logger, string handlers);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Warning, Message = "No payment event handlers are registered: stored events will be marked ignored. Pass the assembly holding your IPaymentEventHandler<TEvent> classes to builder.AddPaymentEvents(typeof(MyHandler).Assembly)")]
    private static partial void NoHandlers(ILogger logger);
}
