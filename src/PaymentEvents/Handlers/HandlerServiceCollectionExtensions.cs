using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace PaymentEvents.Handlers;

/// <summary>Registers handler classes and the <see cref="HandlerRegistry"/>.</summary>
internal static class HandlerServiceCollectionExtensions
{
    /// <summary>
    /// Finds every handler class in <paramref name="assemblies"/> (the entry assembly when none are
    /// given), registers each as scoped (one instance per event, docs/protocol.md §2 handlers may use scoped
    /// services such as a DbContext) and the registry as a singleton. Calling it again adds more.
    /// </summary>
    public static IServiceCollection AddPaymentEventHandlers(this IServiceCollection services, params Assembly[] assemblies)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(assemblies);
        if (assemblies.Length == 0 && Assembly.GetEntryAssembly() is { } entry)
        {
            assemblies = [entry];
        }

        return services.AddPaymentEventHandlers(HandlerRegistry.FindHandlerTypes(assemblies));
    }

    /// <summary>Registers exactly these handler classes (plus any added by other calls).</summary>
    public static IServiceCollection AddPaymentEventHandlers(this IServiceCollection services, IEnumerable<Type> handlerTypes)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(handlerTypes);
        foreach (var handlerType in handlerTypes)
        {
            services.TryAddScoped(handlerType);
            services.AddSingleton(new HandlerTypeRegistration(handlerType));
        }

        services.TryAddSingleton(sp => HandlerRegistry.Create(sp.GetServices<HandlerTypeRegistration>().Select(r => r.HandlerType)));
        return services;
    }
}

/// <summary>One handler class named by a registration call; the registry is built from all of them.</summary>
internal sealed record HandlerTypeRegistration(Type HandlerType);
