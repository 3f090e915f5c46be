using Microsoft.Extensions.DependencyInjection;
using PaymentEvents.Events;
using PaymentEvents.Handlers;

namespace PaymentEvents.Tests.Handlers;

public sealed class HandlerRegistryTests
{
    // docs/protocol.md §2 table: the documented subscription and trial types (data.object is a Subscription).
    private static readonly string[] SpecSubscriptionTypes =
    [
        "customer.subscription.created", "customer.subscription.started", "customer.subscription.renewed",
        "customer.subscription.upgraded", "customer.subscription.updated", "customer.subscription.deleted",
        "customer.subscription.paused", "customer.subscription.resumed",
        "customer.subscription.trial_start", "customer.subscription.trial_will_end", "customer.subscription.trial_end",
    ];

    private static readonly string[] SpecAllTypes =
    [
        .. SpecSubscriptionTypes,
        "checkout.session.completed", "checkout.session.nft_minted",
        "payment_intent.succeeded", "payment_intent.payment_failed", "invoice.paid", "refund.succeeded",
    ];

    private static string[] NamesFor(HandlerRegistry registry, string type) => registry.GetHandlers(type).Select(h => h.Name).ToArray();

    [Fact]
    public void Typed_handler_covers_exactly_its_type()
    {
        var registry = HandlerRegistry.Create([typeof(StartedOnly)]);

        Assert.Equal(["customer.subscription.started"], registry.HandledEventTypes);
        Assert.Equal([typeof(StartedOnly).FullName!], NamesFor(registry, "customer.subscription.started"));
        Assert.Empty(registry.GetHandlers("customer.subscription.renewed"));
        Assert.False(registry.HasCatchAll);
    }

    [Fact]
    public void Group_handler_covers_every_documented_subscription_type_through_contravariance()
    {
        var registry = HandlerRegistry.Create([typeof(AnySubscription)]);

        Assert.Equal(SpecSubscriptionTypes.Order(StringComparer.Ordinal), registry.HandledEventTypes.Order(StringComparer.Ordinal));
        Assert.Empty(registry.GetHandlers("checkout.session.completed"));

        // Undocumented subscription types need the attribute (opt-in), so they are not covered.
        Assert.Empty(registry.GetHandlers("customer.subscription.past_due"));
    }

    [Fact]
    public void Catch_all_covers_documented_and_unknown_types()
    {
        var registry = HandlerRegistry.Create([typeof(Everything)]);

        Assert.True(registry.HasCatchAll);
        foreach (var type in SpecAllTypes.Append("customer.credit_grant.granted").Append("something.nobody.documented"))
        {
            var handler = Assert.Single(registry.GetHandlers(type));
            Assert.Equal(typeof(Everything), handler.HandlerType);
        }
    }

    [Fact]
    public void Attribute_restricts_a_group_handler_to_the_listed_types()
    {
        var registry = HandlerRegistry.Create([typeof(SubscriptionButOnlyStarted)]);

        Assert.Equal(["customer.subscription.started"], registry.HandledEventTypes);
        Assert.Empty(registry.GetHandlers("customer.subscription.renewed"));
    }

    [Fact]
    public void Attribute_opts_into_undocumented_types()
    {
        var registry = HandlerRegistry.Create([typeof(Dunning), typeof(PastDueAudit)]);

        Assert.Equal(["customer.subscription.past_due", "customer.subscription.recovered"], registry.HandledEventTypes.Order(StringComparer.Ordinal));
        Assert.Equal(
            [typeof(Dunning).FullName!, typeof(PastDueAudit).FullName!],
            NamesFor(registry, "customer.subscription.past_due"));
        Assert.Equal([typeof(Dunning).FullName!], NamesFor(registry, "customer.subscription.recovered"));
        Assert.Empty(registry.GetHandlers("customer.subscription.started"));

        // Restricted catch-all-shaped handlers are not catch-alls.
        Assert.False(registry.HasCatchAll);
    }

    [Fact]
    public void Handlers_of_a_type_run_most_specific_first_and_catch_alls_also_join_attribute_types()
    {
        var registry = HandlerRegistry.Create([typeof(Everything), typeof(AnySubscription), typeof(StartedOnly), typeof(Dunning)]);

        Assert.Equal(
            [typeof(StartedOnly).FullName!, typeof(AnySubscription).FullName!, typeof(Everything).FullName!],
            NamesFor(registry, "customer.subscription.started"));
        Assert.Equal(
            [typeof(Dunning).FullName!, typeof(Everything).FullName!],
            NamesFor(registry, "customer.subscription.past_due"));
        Assert.Equal([typeof(Everything).FullName!], NamesFor(registry, "refund.canceled"));
    }

    [Fact]
    public async Task A_handler_with_two_matching_interfaces_runs_once_through_the_most_specific()
    {
        var registry = HandlerRegistry.Create([typeof(TwoWays)]);
        var started = Assert.Single(registry.GetHandlers("customer.subscription.started"));
        var renewed = Assert.Single(registry.GetHandlers("customer.subscription.renewed"));
        Assert.Equal(typeof(SubscriptionStarted), started.EventClass);
        Assert.Equal(typeof(PaymentEvent<Subscription>), renewed.EventClass);

        var handler = new TwoWays();
        await started.Invoke(handler, TestEvents.Parse(TestEvents.Json("evt_1", "customer.subscription.started", "sub_1")), CancellationToken.None);
        await renewed.Invoke(handler, TestEvents.Parse(TestEvents.Json("evt_2", "customer.subscription.renewed", "sub_1")), CancellationToken.None);

        Assert.Equal(["specific", "group"], handler.Calls);
    }

    [Fact]
    public void Listing_a_type_the_handler_cannot_accept_fails_at_startup_naming_both()
    {
        var error = Assert.Throws<InvalidOperationException>(() => HandlerRegistry.Create([typeof(ListsATypeItCannotAccept)]));

        Assert.Contains(nameof(ListsATypeItCannotAccept), error.Message);
        Assert.Contains("checkout.session.completed", error.Message);
    }

    [Fact]
    public void A_handler_no_type_reaches_fails_at_startup()
    {
        var error = Assert.Throws<InvalidOperationException>(() => HandlerRegistry.Create([typeof(WouldNeverRun)]));

        Assert.Contains(nameof(WouldNeverRun), error.Message);
        Assert.Contains("PaymentEventType", error.Message);
    }

    [Fact]
    public void Scanning_finds_concrete_closed_handler_classes_only()
    {
        var found = HandlerRegistry.FindHandlerTypes(typeof(HandlerRegistryTests).Assembly);

        Assert.Contains(typeof(StartedOnly), found);
        Assert.Contains(typeof(Dunning), found);
        Assert.DoesNotContain(typeof(AbstractHandler), found);
        Assert.DoesNotContain(found, t => t.IsGenericTypeDefinition);
        Assert.DoesNotContain(typeof(HandlerRegistryTests), found);
    }

    [Fact]
    public void Registration_adds_scoped_handlers_and_one_registry_across_calls()
    {
        var services = new ServiceCollection();
        services.AddPaymentEventHandlers([typeof(StartedOnly)]);
        services.AddPaymentEventHandlers([typeof(Everything), typeof(StartedOnly)]);
        using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });

        var registry = provider.GetRequiredService<HandlerRegistry>();
        Assert.Equal([typeof(Everything), typeof(StartedOnly)], registry.HandlerTypes.OrderBy(t => t.Name));
        Assert.Same(registry, provider.GetRequiredService<HandlerRegistry>());

        using var scope1 = provider.CreateScope();
        using var scope2 = provider.CreateScope();
        var a = scope1.ServiceProvider.GetRequiredService<StartedOnly>();
        Assert.Same(a, scope1.ServiceProvider.GetRequiredService<StartedOnly>());
        Assert.NotSame(a, scope2.ServiceProvider.GetRequiredService<StartedOnly>());
    }
}
