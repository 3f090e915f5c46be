using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PaymentEvents.Admin;
using PaymentEvents.Protocol;
using PaymentEvents.Registration;
using PaymentEvents.Rejections;
using PaymentEvents.Storage;

namespace PaymentEvents.Receiver;

/// <summary>Service registration of the webhook receiver, health and metrics endpoints.</summary>
internal static class ReceiverServiceCollectionExtensions
{
    /// <summary>Adds the callback's verifier, options (validated at startup), and the startup check (metrics, clock and inbox signal: AddPaymentEventsShared).</summary>
    public static IServiceCollection AddWebhookReceiver(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<WebhookOptions>()
            .Bind(configuration.GetSection(WebhookOptions.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<WebhookOptions>, WebhookOptionsValidator>());

        services.TryAddSingleton(sp =>
        {
            var paymentKit = sp.GetRequiredService<IOptions<PaymentKitOptions>>().Value;
            var environment = sp.GetRequiredService<IHostEnvironment>();
            return VerifierFactory.CreateKeyRing(paymentKit, environment, () => DevelopmentKey(sp, paymentKit, environment));
        });
        services.TryAddSingleton(sp => VerifierFactory.CreateVerifier(
            sp.GetRequiredService<KeyRing>(),
            sp.GetRequiredService<IOptions<WebhookOptions>>().Value,
            sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<HeavyBodyLane>();
        // The callback's refusals, which the admin API and the dashboard read; sized by the operators' Admin:RejectionLogSize.
        services.TryAddSingleton(sp => new RejectionLog(sp.GetRequiredService<IOptions<AdminOptions>>().Value.RejectionLogSize));
        services.TryAddSingleton<RejectionRecorder>();
        services.TryAddSingleton<ReceiverContext>();
        services.AddHostedService<ReceiverStartupCheck>();
        return services;
    }

    /// <summary>
    /// Development only, without AppPk/AppSk: trust the key pair in {Storage:DataDir}/dev-key.json
    /// (generated once; <c>paymentevents trigger</c> signs with it).
    /// </summary>
    private static TrustedKey? DevelopmentKey(IServiceProvider services, PaymentKitOptions paymentKit, IHostEnvironment environment)
    {
        if (!DevelopmentKeyStore.ShouldUse(environment, paymentKit))
        {
            return null;
        }

        var dataDir = services.GetRequiredService<IOptions<StorageOptions>>().Value.DataDir;
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DevelopmentKeyStore).FullName!);
        return DevelopmentKeyStore.GetOrCreate(dataDir, logger).Key.ToTrustedKey("development key (" + DevelopmentKeyStore.PathFor(dataDir) + ")");
    }
}
