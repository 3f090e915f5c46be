using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using PaymentEvents.Handlers;
using PaymentEvents.Telemetry;

namespace PaymentEvents.Processing;

/// <summary>Registers the processor, dispatcher, event bus and inbox signal.</summary>
internal static class ProcessingServiceCollectionExtensions
{
    /// <summary>
    /// Adds event processing: binds and validates <c>Processing:*</c> (startup fails on a bad value, naming
    /// the key), the background <c>EventProcessor</c>, <see cref="IPaymentEventBus"/> and <see cref="InboxSignal"/>.
    /// Needs an <c>IEventStore</c> (<c>AddEventStorage</c>); handlers come from <c>AddPaymentEvents</c>
    /// (which fails the start when it finds none while processing is on).
    /// </summary>
    public static IServiceCollection AddEventProcessing(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<ProcessingOptions>()
            .Bind(configuration.GetSection(ProcessingOptions.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ProcessingOptions>, ProcessingOptionsValidator>());

        services.AddPaymentEventsMetrics();
        services.AddPaymentEventHandlers(Array.Empty<Type>());

        services.TryAddSingleton<InboxSignal>();
        services.TryAddSingleton<InboxEntry>();
        services.TryAddSingleton<EventFinishedSignal>();
        services.TryAddSingleton<RetryBackoff>();
        services.TryAddSingleton<EventDispatcher>();
        services.TryAddSingleton<PaymentEventBus>();
        services.TryAddSingleton<IPaymentEventBus>(sp => sp.GetRequiredService<PaymentEventBus>());
        services.AddHostedService<EventProcessor>();
        return services;
    }
}
