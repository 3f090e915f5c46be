using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using PaymentEvents.Protocol;
using PaymentEvents.Receiver.Health;
using PaymentEvents.Receiver.Metrics;
using PaymentEvents.Registration;

namespace PaymentEvents.Receiver;

/// <summary>Service registration of the webhook receiver, health and metrics endpoints.</summary>
public static class ReceiverServiceCollectionExtensions
{
    /// <summary>Adds the callback's verifier, options (validated at startup), metrics and the Prometheus exporter.</summary>
    public static IServiceCollection AddWebhookReceiver(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<WebhookOptions>()
            .Bind(configuration.GetSection(WebhookOptions.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<WebhookOptions>, WebhookOptionsValidator>());

        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.TryAddSingleton<ReceiverMetrics>();
        services.TryAddSingleton<PrometheusExporter>();
        services.TryAddSingleton<ProcessorWakeUp>();
        services.TryAddSingleton<ReadinessRegistration>();

        services.TryAddSingleton(sp => VerifierFactory.CreateKeyRing(
            sp.GetRequiredService<IOptions<PaymentKitOptions>>().Value,
            sp.GetRequiredService<IHostEnvironment>()));
        services.TryAddSingleton(sp => VerifierFactory.CreateVerifier(
            sp.GetRequiredService<KeyRing>(),
            sp.GetRequiredService<IOptions<WebhookOptions>>().Value,
            sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<ReceiverContext>();
        services.AddHostedService<ReceiverStartupCheck>();
        return services;
    }
}
