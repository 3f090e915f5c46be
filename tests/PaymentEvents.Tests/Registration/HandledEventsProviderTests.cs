using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PaymentEvents.Handlers;
using PaymentEvents.Hosting;
using PaymentEvents.Registration;
using PaymentEvents.Tests.Handlers;

namespace PaymentEvents.Tests.Registration;

public sealed class HandledEventsProviderTests
{
    [Fact]
    public void Default_provider_reads_the_handler_registry()
    {
        var services = new ServiceCollection().AddLogging();
        services.AddPaymentEventHandlers([typeof(StartedOnly), typeof(Everything)]);
        services.AddWebhookRegistration(new ConfigurationBuilder().Build());
        using var provider = services.BuildServiceProvider();

        var handled = provider.GetRequiredService<HandledEventsProvider>()();

        Assert.Contains("customer.subscription.started", handled.Types);
        Assert.True(handled.HasCatchAll);
        Assert.Equal(provider.GetRequiredService<HandlerRegistry>().HandledEventTypes.Order(), handled.Types.Order());
    }

    [Fact]
    public void Without_handlers_the_default_is_none()
    {
        var services = new ServiceCollection().AddLogging();
        services.AddWebhookRegistration(new ConfigurationBuilder().Build());
        using var provider = services.BuildServiceProvider();

        Assert.Same(HandledEvents.None, provider.GetRequiredService<HandledEventsProvider>()());
    }

    [Theory]
    [InlineData(true, true, new[] { "*" })]
    [InlineData(false, true, new[] { "a.b", "c.d", "x.extra" })]
    [InlineData(true, false, new[] { "a.b", "c.d", "x.extra" })]
    public void Enabled_events_are_handled_plus_extras_or_star(bool subscribeAll, bool catchAll, string[] expected)
    {
        var options = new PaymentKitOptions { SubscribeAll = subscribeAll };
        options.ExtraEvents.Add("x.extra");
        options.ExtraEvents.Add("a.b");

        var events = WebhookRegistrationService.ComputeEnabledEvents(new HandledEvents(["c.d", "a.b"], catchAll), options);

        Assert.Equal(expected, events);
    }

    [Fact]
    public void Registering_twice_keeps_one_signing_handler_and_one_hosted_service()
    {
        // The client's retries run on the shared clock (AddPaymentEvents registers it before any feature).
        var services = new ServiceCollection().AddLogging().AddPaymentEventsShared();
        var configuration = new ConfigurationBuilder().Build();
        services.AddWebhookRegistration(configuration);
        services.AddWebhookRegistration(configuration);

        Assert.Single(services, d => d.ServiceType == typeof(ComponentCallSigningHandler));
        Assert.Single(services, d => d.ImplementationType == typeof(WebhookRegistrationService));
        using var provider = services.BuildServiceProvider();
        Assert.NotNull(provider.GetRequiredService<PaymentKitClient>());
    }
}
