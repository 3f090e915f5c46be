using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PaymentEvents.Admin;
using PaymentEvents.Blocklet;
using PaymentEvents.Dashboard;
using PaymentEvents.Processing;
using PaymentEvents.Receiver;
using PaymentEvents.Registration;
using PaymentEvents.Storage;
using PaymentEvents.Telemetry;

namespace PaymentEvents.Api.Tests.Hosting;

/// <summary>
/// What more than one feature uses is registered once, by <c>AddPaymentEvents</c> (<c>AddPaymentEventsShared</c>),
/// and no feature adds it again: a feature that did would hide a missing shared registration in every host that
/// happens to include it.
/// </summary>
public sealed class SharedServicesTests
{
    private static readonly Type[] Shared =
    [
        typeof(PaymentEventsMetrics), typeof(InboxStatsCache), typeof(InboxSignal), typeof(InboxEntry), typeof(RegistrationState),
        typeof(SignatureFailureCounts),
    ];

    [Fact]
    public void No_feature_registers_a_shared_service_itself()
    {
        var configuration = new ConfigurationBuilder().Build();
        var services = new ServiceCollection();
        services.AddWebhookRegistration(configuration);
        services.AddEventStorage(configuration);
        services.AddPaymentEventsTelemetry(configuration);
        services.AddWebhookReceiver(configuration);
        services.AddAdminApi(configuration);
        services.AddDashboard(configuration);
        services.AddEventProcessing(configuration);
        services.AddBlockletEventBus(configuration);

        Assert.All(Shared, type => Assert.DoesNotContain(services, d => d.ServiceType == type));
    }

    [Fact]
    public void AddPaymentEvents_registers_each_shared_service_once()
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.AddPaymentEvents(typeof(SharedServicesTests).Assembly);

        Assert.All(Shared, type => Assert.Single(builder.Services, d => d.ServiceType == type));
        Assert.Single(builder.Services, d => d.ServiceType == typeof(TimeProvider));
        Assert.Single(builder.Services, d => d.ServiceType == typeof(IProblemDetailsService));
        // The Blocklet defaults of PaymentKit:* are registration's; the event bus reuses them rather than adding its own.
        Assert.Single(builder.Services, d => d.ServiceType == typeof(BlockletComponentEnvironment));
        Assert.Single(builder.Services, d => d.ServiceType == typeof(IPostConfigureOptions<PaymentKitOptions>));
    }

    [Fact]
    public void The_Blocklet_callback_default_is_the_receivers_path_default()
    {
        Assert.Equal(BlockletPaymentKitDefaults.DefaultCallbackPath, new WebhookOptions().Path);
    }
}
