using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PaymentEvents.Processing;
using PaymentEvents.Registration;
using PaymentEvents.Telemetry;

namespace PaymentEvents.Hosting;

/// <summary>The services more than one feature uses, registered once by <c>AddPaymentEvents</c> before any feature.</summary>
internal static class SharedServiceCollectionExtensions
{
    /// <summary>
    /// Registers what the features share, so none of them re-adds another's: the clock, the instruments every feature
    /// records into (and the inbox gauges' cache), the one way into the inbox and its signal (the callback, the
    /// Blocklet event bus and <see cref="IPaymentEventBus"/> store through <see cref="InboxEntry"/>, which wakes the processor),
    /// the signature-failure counts, webhook registration's state (registration
    /// writes it; readiness, the dashboard and the metrics read it) and problem details for errors. A feature method
    /// called on its own (a test composing a few features) needs this first.
    /// </summary>
    public static IServiceCollection AddPaymentEventsShared(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);

        // A host or test that registered its own clock keeps it.
        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.TryAddSingleton<InboxStatsCache>();
        services.TryAddSingleton<PaymentEventsMetrics>();
        services.TryAddSingleton<InboxSignal>();
        services.TryAddSingleton<InboxEntry>();
        // Recorded by the receiver; read by the admin API's stats and the dashboard's overview.
        services.TryAddSingleton<SignatureFailureCounts>();
        services.TryAddSingleton<RegistrationState>();
        services.AddProblemDetails();
        return services;
    }
}
