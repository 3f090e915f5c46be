using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using PaymentEvents.Registration;

namespace PaymentEvents.Blocklet;

/// <summary>DI entry point of the Blocklet event-bus connector.</summary>
internal static class BlockletEventBusServiceCollectionExtensions
{
    /// <summary>
    /// Binds and validates <c>EventBus:*</c>; inside a Blocklet app fills what is not configured from the component
    /// variables (the <c>PaymentKit:*</c> defaults are registration's: <c>AddWebhookRegistration</c>), falling back to
    /// <c>PaymentKit:AppSk</c> and <c>ComponentDid</c>; adds the connector, its <c>eventbus</c> readiness check and its
    /// metrics. Needs the shared services (<c>AddPaymentEventsShared</c>), storage and processing.
    /// </summary>
    public static IServiceCollection AddBlockletEventBus(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        // The component environment, and the PaymentKit:* defaults this falls back to (registration's, idempotent).
        services.AddBlockletPaymentKitDefaults(configuration);
        services.AddOptions<BlockletEventBusOptions>()
            .Bind(configuration.GetSection(BlockletEventBusOptions.SectionName))
            .PostConfigure<BlockletComponentEnvironment, IOptions<PaymentKitOptions>>((o, env, paymentKit) => ApplyDefaults(o, env, paymentKit.Value))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<BlockletEventBusOptions>, BlockletEventBusOptionsValidator>());

        services.TryAddSingleton<EventBusState>();
        services.TryAddSingleton<EventBusMetrics>();
        services.TryAddSingleton<EventBusIntake>();
        services.AddHostedService<BlockletEventBusConnector>();
        services.AddHealthChecks().AddCheck<BlockletEventBusHealthCheck>("eventbus", tags: ["ready"]);
        return services;
    }

    internal static void ApplyDefaults(BlockletEventBusOptions o, BlockletComponentEnvironment env, PaymentKitOptions paymentKit)
    {
        o.Enabled ??= env.IsPresent;
        o.Url ??= env.EventBusUrl;
        o.AppPid = Blank(o.AppPid) ? env.AppPid : o.AppPid;
        o.AccessSk = Blank(o.AccessSk) ? env.AppAsk ?? env.AppSk ?? paymentKit.AppSk : o.AccessSk;
        o.ComponentDid = Blank(o.ComponentDid) ? paymentKit.ComponentDid ?? env.ComponentDid : o.ComponentDid;
        if (o.TrustedSources.Count == 0 && env.PaymentKit is { } kit)
        {
            o.TrustedSources.Add(kit.Did);
        }
    }

    private static bool Blank(string? value) => string.IsNullOrWhiteSpace(value);
}
