using System.Reflection;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Hosting;

namespace PaymentEvents;

// SKELETON: the receiver helper owns this file; each feature folder contributes its own AddX/MapX.

/// <summary>Entry points a host calls: <c>builder.AddPaymentEvents()</c> and <c>app.MapPaymentEvents()</c>.</summary>
public static class PaymentEventsHostingExtensions
{
    /// <summary>
    /// Registers the receiver, storage, processing, handlers found in <paramref name="handlerAssemblies"/>
    /// (the entry assembly when none are named), the event bus and webhook registration.
    /// </summary>
    public static IHostApplicationBuilder AddPaymentEvents(this IHostApplicationBuilder builder, params Assembly[] handlerAssemblies)
    {
        ArgumentNullException.ThrowIfNull(builder);
        _ = handlerAssemblies;
        return builder;
    }

    /// <summary>Maps the callback, health, metrics and admin routes.</summary>
    public static IEndpointRouteBuilder MapPaymentEvents(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        return endpoints;
    }
}
