using System.Text.Json;
using PaymentEvents.Events;

namespace PaymentEvents.Tests.Events;

public sealed class DocumentedEventTests
{
    public static TheoryData<string> Documented() => [.. EventTypes.Documented];

    public static TheoryData<string, Type> DocumentedWithClass() => new()
    {
        { "checkout.session.completed", typeof(CheckoutSessionCompleted) },
        { "checkout.session.nft_minted", typeof(CheckoutSessionNftMinted) },
        { "customer.subscription.created", typeof(SubscriptionCreated) },
        { "customer.subscription.started", typeof(SubscriptionStarted) },
        { "customer.subscription.renewed", typeof(SubscriptionRenewed) },
        { "customer.subscription.upgraded", typeof(SubscriptionUpgraded) },
        { "customer.subscription.updated", typeof(SubscriptionUpdated) },
        { "customer.subscription.deleted", typeof(SubscriptionDeleted) },
        { "customer.subscription.paused", typeof(SubscriptionPaused) },
        { "customer.subscription.resumed", typeof(SubscriptionResumed) },
        { "customer.subscription.trial_start", typeof(SubscriptionTrialStart) },
        { "customer.subscription.trial_will_end", typeof(SubscriptionTrialWillEnd) },
        { "customer.subscription.trial_end", typeof(SubscriptionTrialEnd) },
        { "payment_intent.succeeded", typeof(PaymentIntentSucceeded) },
        { "payment_intent.payment_failed", typeof(PaymentIntentPaymentFailed) },
        { "invoice.paid", typeof(InvoicePaid) },
        { "refund.succeeded", typeof(RefundSucceeded) },
    };

    [Theory]
    [MemberData(nameof(DocumentedWithClass))]
    public void Sample_of_each_documented_type_parses_to_its_sealed_class(string type, Type expected)
    {
        var body = EventJson.Sample(type, livemode: true);

        var parsed = EventJson.ParseOk(body);

        Assert.Equal(expected, parsed.GetType());
        Assert.True(expected.IsSealed);
        Assert.Equal(expected, PaymentEventParser.EventClassFor(type));
        Assert.Equal(body["id"]!.GetValue<string>(), parsed.Id);
        Assert.Equal(type, parsed.Type);
        Assert.True(parsed.Livemode);
        Assert.Equal(body["object_type"]!.GetValue<string>(), parsed.ObjectType);
        Assert.Equal(body["object_id"]!.GetValue<string>(), parsed.ObjectId);
        Assert.Equal(EventJson.Now, parsed.CreatedAt);
        Assert.Equal(EventJson.Now, parsed.UpdatedAt);
        Assert.Equal(1, parsed.PendingWebhooks);
        Assert.Equal("2023-09-05", parsed.ApiVersion);
        Assert.NotNull(parsed.Request?.Id);
        Assert.StartsWith("req_", parsed.Request!.Id, StringComparison.Ordinal);
        Assert.Equal("system", parsed.Request.RequestedBy);
        Assert.Null(parsed.ExtensionData);
        Assert.Equal(JsonValueKind.Object, parsed.PreviousAttributes?.ValueKind);
    }

    [Theory]
    [MemberData(nameof(DocumentedWithClass))]
    public void Event_bus_envelope_of_each_documented_type_parses_to_the_same_class(string type, Type expected)
    {
        var webhook = EventJson.Sample(type);
        var bus = EventJson.ToEventBus(webhook);

        var parsed = EventJson.ParseOk(bus);

        Assert.Equal(expected, parsed.GetType());
        Assert.Equal(webhook["id"]!.GetValue<string>(), parsed.Id);
        Assert.Equal("1.0.0", parsed.SpecVersion);
        Assert.Equal("z8iZpnScvmcPvnBLtWsJaAKvXPqbAfn6c3zi1", parsed.Source);
        Assert.Equal(EventJson.Now, parsed.Time);
        Assert.Null(parsed.CreatedAt);
        Assert.Null(parsed.ExtensionData);
        var objectId = parsed switch
        {
            PaymentEvent<Subscription> e => e.Object.Id,
            PaymentEvent<CheckoutSession> e => e.Object.Id,
            PaymentEvent<PaymentIntent> e => e.Object.Id,
            PaymentEvent<Invoice> e => e.Object.Id,
            PaymentEvent<Refund> e => e.Object.Id,
            _ => null,
        };
        Assert.Equal(webhook["object_id"]!.GetValue<string>(), objectId);
        Assert.Equal(objectId, parsed.ObjectId);
    }

    [Fact]
    public void Event_bus_object_type_may_sit_in_data_as_the_publisher_spreads_it()
    {
        var body = EventJson.ToEventBus(EventJson.Sample(EventTypes.CustomerSubscriptionPastDue));
        var data = body["data"]!.AsObject();
        data["object_type"] = body["object_type"]!.DeepClone();
        body["object_type"] = "";
        body["object_id"] = "";

        var parsed = Assert.IsType<PaymentEvent<Subscription>>(EventJson.ParseOk(body));

        Assert.Equal("Subscription", parsed.ObjectType);
        Assert.Null(parsed.ObjectId);
        Assert.Equal(SubscriptionStatus.PastDue, parsed.Object.Status);
    }

    [Fact]
    public void Documented_list_matches_the_protocol_table_and_has_a_class_each()
    {
        Assert.Equal(17, EventTypes.Documented.Count);
        Assert.Equal(EventTypes.Documented.Order(StringComparer.Ordinal), PaymentEventParser.DocumentedEventClasses.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(DocumentedWithClass().Count, EventTypes.Documented.Count);
        foreach (var (type, clrType) in PaymentEventParser.DocumentedEventClasses)
        {
            Assert.True(clrType.IsSealed, type);
            Assert.True(clrType.BaseType is { IsGenericType: true } b && b.GetGenericTypeDefinition() == typeof(PaymentEvent<>), type);
        }
    }

    [Fact]
    public void Every_sealed_event_class_of_the_library_declares_its_type_once_and_is_parsed_to()
    {
        var sealedEvents = typeof(PaymentEvent).Assembly.GetTypes()
            .Where(t => t.IsSealed && t.IsPublic && typeof(PaymentEvent).IsAssignableFrom(t) && t != typeof(UntypedPaymentEvent))
            .ToList();

        Assert.Equal(17, sealedEvents.Count);
        foreach (var clrType in sealedEvents)
        {
            var declared = Assert.Single(clrType.GetCustomAttributes(typeof(EventTypeAttribute), inherit: false).Cast<EventTypeAttribute>());
            Assert.Same(clrType, PaymentEventParser.DocumentedEventClasses[declared.Type]);
            Assert.Same(clrType, EventJson.ParseOk(EventJson.Sample(declared.Type)).GetType());
        }

        // Declaration order (the docs/protocol.md §2 table order) is kept.
        Assert.Equal(EventTypes.CheckoutSessionCompleted, EventTypes.Documented[0]);
        Assert.Equal(EventTypes.RefundSucceeded, EventTypes.Documented[^1]);
    }

    [Fact]
    public void Subscription_sample_fields_are_typed()
    {
        var body = EventJson.Sample(EventTypes.CustomerSubscriptionRenewed);
        var expected = body["data"]!["object"]!;

        var renewed = Assert.IsType<SubscriptionRenewed>(EventJson.ParseOk(body));
        var sub = renewed.Object;

        Assert.Equal(expected["id"]!.GetValue<string>(), sub.Id);
        Assert.Equal(SubscriptionStatus.Active, sub.Status);
        Assert.Equal(expected["current_period_end"]!.GetValue<long>(), sub.CurrentPeriodEnd);
        Assert.Equal(sub.CurrentPeriodStart + (30 * 86_400), sub.CurrentPeriodEnd);
        Assert.Equal(CollectionMethod.ChargeAutomatically, sub.CollectionMethod);
        Assert.Equal("month", sub.PendingInvoiceItemInterval?.Interval);
        Assert.Equal(1, sub.PendingInvoiceItemInterval?.IntervalCount);
        Assert.Equal(expected["payment_details"]!["arcblock"]!["tx_hash"]!.GetValue<string>(), sub.PaymentDetails?.Arcblock?.TxHash);
        Assert.Equal(new[] { "arcblock" }, sub.PaymentSettings?.PaymentMethodTypes);
        Assert.Equal("pro", sub.Metadata!["plan"].GetString());
        Assert.Equal(5, sub.Metadata["seats"].GetInt32());
        Assert.Equal(EventJson.Now, sub.UpdatedAt);
        Assert.Null(sub.ExtensionData);
        Assert.Equal(sub.CurrentPeriodStart, renewed.PreviousAttributes!.Value.GetProperty("current_period_end").GetInt64());
    }

    [Theory]
    [InlineData("customer.subscription.deleted", "canceled")]
    [InlineData("customer.subscription.paused", "paused")]
    [InlineData("customer.subscription.trial_start", "trialing")]
    [InlineData("customer.subscription.trial_will_end", "trialing")]
    [InlineData("customer.subscription.created", "incomplete")]
    [InlineData("customer.subscription.resumed", "active")]
    [InlineData("customer.subscription.past_due", "past_due")]
    public void Subscription_status_matches_the_event(string type, string status)
    {
        var parsed = Assert.IsAssignableFrom<PaymentEvent<Subscription>>(EventJson.ParseOk(EventJson.Sample(type)));

        Assert.Equal(status, parsed.Object.Status);
    }

    [Fact]
    public void Deleted_subscription_carries_cancelation_details()
    {
        var deleted = Assert.IsType<SubscriptionDeleted>(EventJson.ParseOk(EventJson.Sample(EventTypes.CustomerSubscriptionDeleted)));

        Assert.Equal(EventJson.Now.ToUnixTimeSeconds(), deleted.Object.CanceledAt);
        Assert.Equal(CancelationReason.CancellationRequested, deleted.Object.CancelationDetails?.Reason);
        Assert.Equal("active", deleted.PreviousAttributes!.Value.GetProperty("status").GetString());
    }

    [Fact]
    public void Checkout_sample_fields_are_typed()
    {
        var completed = Assert.IsType<CheckoutSessionCompleted>(EventJson.ParseOk(EventJson.Sample(EventTypes.CheckoutSessionCompleted)));
        var session = completed.Object;

        Assert.Equal(CheckoutSessionStatus.Complete, session.Status);
        Assert.Equal(CheckoutPaymentStatus.Paid, session.PaymentStatus);
        Assert.Equal(CheckoutSessionMode.Subscription, session.Mode);
        Assert.Equal("9990000000000000000", session.AmountTotal);
        var item = Assert.Single(session.LineItems!);
        Assert.Equal(1, item.Quantity);
        Assert.Equal(item.PriceId, item.Price?.Id);
        Assert.Equal("9990000000000000000", item.Price?.UnitAmount);
        Assert.Equal("GB", session.CustomerDetails?.Address?.Country);
        Assert.Equal(EventJson.Now.ToUnixTimeSeconds() + 86_400, session.ExpiresAt);
    }

    [Fact]
    public void Nft_minted_sample_carries_mint_details()
    {
        var minted = Assert.IsType<CheckoutSessionNftMinted>(EventJson.ParseOk(EventJson.Sample(EventTypes.CheckoutSessionNftMinted)));

        Assert.Equal(NftMintStatus.Minted, minted.Object.NftMintStatus);
        Assert.Equal("arcblock", minted.Object.NftMintDetails?.Type);
        Assert.Equal(minted.Object.CustomerDid, minted.Object.NftMintDetails?.Arcblock?.Owner);
    }

    [Fact]
    public void Payment_failed_sample_carries_the_error()
    {
        var failed = Assert.IsType<PaymentIntentPaymentFailed>(EventJson.ParseOk(EventJson.Sample(EventTypes.PaymentIntentPaymentFailed)));

        Assert.Equal(PaymentIntentStatus.RequiresPaymentMethod, failed.Object.Status);
        Assert.Equal(PaymentErrorType.CardError, failed.Object.LastPaymentError?.Type);
        Assert.Equal("0", failed.Object.AmountReceived);
    }

    [Fact]
    public void Invoice_and_refund_samples_are_consistent()
    {
        var paid = Assert.IsType<InvoicePaid>(EventJson.ParseOk(EventJson.Sample(EventTypes.InvoicePaid)));
        Assert.True(paid.Object.Paid);
        Assert.Equal(InvoiceStatus.Paid, paid.Object.Status);
        Assert.Equal(paid.Object.Total, paid.Object.AmountPaid);
        Assert.Equal("0", paid.Object.AmountRemaining);
        Assert.Equal(EventJson.Now.ToUnixTimeSeconds(), paid.Object.StatusTransitions?.PaidAt);

        var refund = Assert.IsType<RefundSucceeded>(EventJson.ParseOk(EventJson.Sample(EventTypes.RefundSucceeded)));
        Assert.Equal(RefundStatus.Succeeded, refund.Object.Status);
        Assert.Equal("500000000000000000", refund.Object.Amount);
        Assert.Equal(RefundType.Refund, refund.Object.Type);
    }
}
