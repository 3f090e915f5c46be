using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using PaymentEvents.Events;
using PaymentEvents.Events.Samples;

namespace PaymentEvents.Tests.Events;

public sealed partial class SampleEventsTests
{
    [GeneratedRegex("^evt_[1-9A-HJ-NP-Za-km-z]{24}$")]
    private static partial Regex EventId();

    [GeneratedRegex("^[0-9]+$")]
    private static partial Regex Integer();

    [Fact]
    public void Every_event_type_has_a_sample_that_parses_to_the_class_its_name_implies()
    {
        foreach (var type in EventTypes.All)
        {
            var body = EventJson.Sample(type);

            var parsed = EventJson.ParseOk(body);

            Assert.Equal(PaymentEventParser.EventClassFor(type), parsed.GetType());
            Assert.Equal(type, parsed.Type);
            Assert.Matches(EventId(), parsed.Id);
            Assert.Equal(body["data"]!["object"]!["id"]!.GetValue<string>(), parsed.ObjectId);
            Assert.False(string.IsNullOrEmpty(parsed.ObjectType), type);
        }
    }

    [Fact]
    public void Ids_are_fresh_and_timestamps_come_from_the_time_provider()
    {
        var clock = EventJson.Clock();
        var first = SampleEvents.Create(EventTypes.InvoicePaid, clock);
        clock.Advance(TimeSpan.FromHours(1));
        var second = SampleEvents.Create(EventTypes.InvoicePaid, clock);

        Assert.NotEqual(first["id"]!.GetValue<string>(), second["id"]!.GetValue<string>());
        Assert.NotEqual(first["object_id"]!.GetValue<string>(), second["object_id"]!.GetValue<string>());
        Assert.Equal("2025-02-19T03:46:42.662Z", first["created_at"]!.GetValue<string>());
        Assert.Equal("2025-02-19T04:46:42.662Z", second["created_at"]!.GetValue<string>());
        Assert.Equal(EventJson.Now.AddHours(1).ToUnixTimeSeconds(), second["data"]!["object"]!["status_transitions"]!["paid_at"]!.GetValue<long>());
    }

    [Fact]
    public void Amounts_are_integer_strings_in_18_decimal_units()
    {
        var intent = EventJson.Sample(EventTypes.PaymentIntentSucceeded)["data"]!["object"]!;
        var amount = intent["amount"]!.GetValue<string>();

        Assert.Matches(Integer(), amount);
        Assert.True(amount.Length > 18, amount);
        Assert.Equal(amount, intent["amount_received"]!.GetValue<string>());
    }

    [Fact]
    public void Livemode_flag_is_carried_into_the_object()
    {
        var body = EventJson.Sample(EventTypes.CustomerSubscriptionStarted, livemode: true);

        Assert.True(body["livemode"]!.GetValue<bool>());
        Assert.True(body["data"]!["object"]!["livemode"]!.GetValue<bool>());
    }

    [Fact]
    public void ApplySet_sets_json_literals_or_strings_and_creates_missing_objects()
    {
        var body = EventJson.Sample(EventTypes.CustomerSubscriptionRenewed);

        SampleEvents.ApplySet(body, "data.object.status=past_due");
        SampleEvents.ApplySet(body, "data.object.cancel_at_period_end=true");
        SampleEvents.ApplySet(body, "data.object.days_until_due=7");
        SampleEvents.ApplySet(body, "data.object.metadata={\"plan\":\"team\"}");
        SampleEvents.ApplySet(body, "data.object.description=null");
        SampleEvents.ApplySet(body, "data.object.pause_collection.behavior=void");
        SampleEvents.ApplySet(body, "data.object.payment_settings.payment_method_types.0=ethereum");
        SampleEvents.ApplySet(body, "data.object.latest_invoice_id=a=b");
        SampleEvents.ApplySet(body, "livemode=false");

        var parsed = Assert.IsType<SubscriptionRenewed>(EventJson.ParseOk(body));
        Assert.Equal(SubscriptionStatus.PastDue, parsed.Object.Status);
        Assert.True(parsed.Object.CancelAtPeriodEnd);
        Assert.Equal(7, parsed.Object.DaysUntilDue);
        Assert.Equal("team", parsed.Object.Metadata!["plan"].GetString());
        Assert.Null(parsed.Object.Description);
        Assert.Equal(PauseCollectionBehavior.Void, parsed.Object.PauseCollection?.Behavior);
        Assert.Equal(["ethereum"], parsed.Object.PaymentSettings!.PaymentMethodTypes!);
        Assert.Equal("a=b", parsed.Object.LatestInvoiceId);
        Assert.False(parsed.Livemode);
    }

    [Theory]
    [InlineData("no-equals")]
    [InlineData("=value")]
    [InlineData("data..object=1")]
    [InlineData("id.inner=1")]
    [InlineData("data.object.payment_method_types.7=x")]
    [InlineData("data.object.id.deeper.still=1")]
    public void ApplySet_refuses_paths_it_cannot_follow(string assignment)
    {
        var body = EventJson.Sample(EventTypes.PaymentIntentSucceeded);
        var before = body.ToJsonString();

        Assert.Throws<ArgumentException>(() => SampleEvents.ApplySet(body, assignment));
        Assert.Equal(before, body.ToJsonString());
    }

    [Fact]
    public void Unknown_type_gets_a_generic_object_named_after_its_resource()
    {
        var body = EventJson.Sample("customer.credit_grant.granted");

        Assert.Equal("CreditGrant", body["object_type"]!.GetValue<string>());
        Assert.StartsWith("cg_", body["object_id"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.IsType<UntypedPaymentEvent>(EventJson.ParseOk(body));
        Assert.IsType<JsonObject>(body["data"]!["previous_attributes"]);
    }
}
