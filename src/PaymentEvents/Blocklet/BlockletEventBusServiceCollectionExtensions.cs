using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using PaymentEvents.Receiver;
using PaymentEvents.Registration;
using PaymentEvents.Telemetry;

namespace PaymentEvents.Blocklet;

/// <summary>DI entry point of the event-bus connector and of the component-environment defaults.</summary>
internal static class EventBusServiceCollectionExtensions
{
    /// <summary>
    /// Binds and validates <c>EventBus:*</c>; inside a Blocklet app fills what is not configured from the component
    /// variables (<c>EventBus:*</c> and <c>PaymentKit:AppPk</c>, <c>AppSk</c>, <c>ComponentDid</c>, <c>BaseUrl</c>,
    /// <c>CallbackUrl</c>); adds the connector, its <c>eventbus</c> readiness check and its metrics.
    /// Needs storage and processing (<c>AddEventStorage</c>, <c>AddEventProcessing</c>).
    /// </summary>
    public static IServiceCollection AddEventBus(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        // Read lazily from the host's configuration, where environment variables are keys of the same name.
        services.TryAddSingleton(sp => BlockletComponentEnvironment.From(sp.GetRequiredService<IConfiguration>()));
        services.AddOptions<PaymentKitOptions>()
            .PostConfigure<BlockletComponentEnvironment, IConfiguration, IOptions<WebhookOptions>>((o, env, cfg, webhooks) => ApplyDefaults(o, env, cfg, webhooks.Value));
        services.AddOptions<EventBusOptions>()
            .Bind(configuration.GetSection(EventBusOptions.SectionName))
            .PostConfigure<BlockletComponentEnvironment, IOptions<PaymentKitOptions>>((o, env, paymentKit) => ApplyDefaults(o, env, paymentKit.Value))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<EventBusOptions>, EventBusOptionsValidator>());

        services.AddMetrics();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<EventBusState>();
        services.AddPaymentEventsMetrics();
        services.TryAddSingleton<EventBusMetrics>();
        services.TryAddSingleton<EventBusIntake>();
        services.AddHostedService<EventBusConnector>();
        services.AddHealthChecks().AddCheck<EventBusHealthCheck>("eventbus", tags: ["ready"]);
        return services;
    }

    /// <summary>Component variables as defaults of <c>PaymentKit:*</c>: only what is not configured is filled.</summary>
    internal static void ApplyDefaults(PaymentKitOptions o, BlockletComponentEnvironment env, IConfiguration configuration, WebhookOptions webhooks)
    {
        // Payment Kit signs its webhooks with the app's wallet (BLOCKLET_APP_SK), so its public key is BLOCKLET_APP_PK.
        o.AppPk = Blank(o.AppPk) ? env.AppPk : o.AppPk;
        o.AppSk = Blank(o.AppSk) ? env.AppSk : o.AppSk;
        o.ComponentDid = Blank(o.ComponentDid) ? env.ComponentDid : o.ComponentDid;
        if (o.BaseUrl is null && env.PaymentKitUrl is { } paymentKit)
        {
            o.BaseUrl = paymentKit;
            o.CallbackUrl ??= env.PublicUrl(webhooks.Path);
            if (o.CallbackUrl is null && configuration[$"{PaymentKitOptions.SectionName}:Register"] is null)
            {
                // Registration needs our public URL; without BLOCKLET_APP_URL it cannot be derived, so do not let the
                // default BaseUrl turn a zero-configuration start into a startup error.
                o.Register = false;
            }
        }
    }

    internal static void ApplyDefaults(EventBusOptions o, BlockletComponentEnvironment env, PaymentKitOptions paymentKit)
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
