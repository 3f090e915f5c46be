using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CsCheck;
using PaymentEvents.Events;
using PaymentEvents.Events.Json;

namespace PaymentEvents.Tests.Events;

public sealed class ParserRobustnessTests
{
    [Fact]
    public void Unknown_event_type_and_object_type_becomes_untyped_with_the_raw_object()
    {
        const string json = """
            {"id":"evt_x","type":"customer.credit_grant.granted","object_type":"CreditGrant","object_id":"cg_1",
             "data":{"object":{"id":"cg_1","amount":"100","status":"granted"}}}
            """;

        var parsed = Assert.IsType<UntypedPaymentEvent>(EventJson.ParseOk(json));

        Assert.Equal("customer.credit_grant.granted", parsed.Type);
        Assert.Equal("CreditGrant", parsed.ObjectType);
        Assert.Equal("100", parsed.Object.GetProperty("amount").GetString());
    }

    [Theory]
    [InlineData("customer.subscription.past_due", "Subscription", typeof(PaymentEvent<Subscription>))]
    [InlineData("some.future.event", "Subscription", typeof(PaymentEvent<Subscription>))]
    [InlineData("invoice.payment_failed", "Invoice", typeof(PaymentEvent<Invoice>))]
    [InlineData("refund.canceled", "refund", typeof(PaymentEvent<Refund>))]
    [InlineData("checkout.session.expired", "checkout_session", typeof(PaymentEvent<CheckoutSession>))]
    [InlineData("payment_intent.canceled", "PaymentIntent", typeof(PaymentEvent<PaymentIntent>))]
    [InlineData("customer.updated", "Customer", typeof(PaymentEvent<Customer>))]
    [InlineData("customer.subscription.renew_failed", "", typeof(PaymentEvent<Subscription>))]
    [InlineData("invoice.finalized", null, typeof(PaymentEvent<Invoice>))]
    [InlineData("payout.paid", "Payout", typeof(UntypedPaymentEvent))]
    [InlineData("customer.subscription.renewed", "SomethingElse", typeof(SubscriptionRenewed))]
    public void Class_is_chosen_by_type_then_object_type_then_type_prefix(string type, string? objectType, Type expected)
    {
        var body = new JsonObject
        {
            ["id"] = "evt_1",
            ["type"] = type,
            ["object_type"] = objectType,
            ["data"] = new JsonObject { ["object"] = new JsonObject { ["id"] = "x_1", ["status"] = "whatever" } },
        };

        Assert.Equal(expected, EventJson.ParseOk(body).GetType());
    }

    [Fact]
    public void EventClassFor_infers_the_class_from_the_name()
    {
        Assert.Equal(typeof(SubscriptionStarted), PaymentEventParser.EventClassFor(EventTypes.CustomerSubscriptionStarted));
        Assert.Equal(typeof(PaymentEvent<Subscription>), PaymentEventParser.EventClassFor(EventTypes.CustomerSubscriptionPastDue));
        Assert.Equal(typeof(PaymentEvent<Invoice>), PaymentEventParser.EventClassFor(EventTypes.InvoicePaymentFailed));
        Assert.Equal(typeof(PaymentEvent<Customer>), PaymentEventParser.EventClassFor(EventTypes.CustomerCreated));
        Assert.Equal(typeof(UntypedPaymentEvent), PaymentEventParser.EventClassFor(EventTypes.CustomerCreditGrantGranted));
        Assert.Equal(typeof(UntypedPaymentEvent), PaymentEventParser.EventClassFor(EventTypes.InvoiceitemCreated));
        Assert.Equal(typeof(UntypedPaymentEvent), PaymentEventParser.EventClassFor("brand.new.type"));
        Assert.Null(PaymentEventParser.EventClassFor(""));
    }

    [Fact]
    public void Event_without_data_object_is_untyped_with_a_json_null()
    {
        var parsed = Assert.IsType<UntypedPaymentEvent>(EventJson.ParseOk("""{"id":"evt_1","type":"customer.subscription.started"}"""));

        Assert.Equal(JsonValueKind.Null, parsed.Object.ValueKind);
        Assert.Null(parsed.PreviousAttributes);
    }

    [Fact]
    public void Unknown_enum_value_survives_parse_and_reserialization()
    {
        var body = EventJson.Sample(EventTypes.CustomerSubscriptionUpdated);
        body["data"]!["object"]!["status"] = "on_hold_for_review";
        body["data"]!["object"]!["collection_method"] = "direct_debit";

        var parsed = Assert.IsType<SubscriptionUpdated>(EventJson.ParseOk(body));
        Assert.Equal("on_hold_for_review", parsed.Object.Status);

        var again = JsonSerializer.Serialize(parsed.Object, PaymentEventsJsonContext.Default.Subscription);
        var reparsed = JsonSerializer.Deserialize(again, PaymentEventsJsonContext.Default.Subscription)!;
        Assert.Equal("on_hold_for_review", reparsed.Status);
        Assert.Equal("direct_debit", reparsed.CollectionMethod);
    }

    [Fact]
    public void Unknown_fields_land_in_extension_data_at_every_level()
    {
        var body = EventJson.Sample(EventTypes.PaymentIntentSucceeded);
        body["x_envelope"] = 1;
        body["request"]!["x_request"] = "r";
        body["data"]!["object"]!["x_object"] = new JsonArray(1, 2);
        body["data"]!["object"]!["payment_details"]!["arcblock"]!["x_nested"] = true;

        var parsed = Assert.IsType<PaymentIntentSucceeded>(EventJson.ParseOk(body));

        Assert.Equal(1, parsed.ExtensionData!["x_envelope"].GetInt32());
        Assert.Equal("r", parsed.Request!.ExtensionData!["x_request"].GetString());
        Assert.Equal(2, parsed.Object.ExtensionData!["x_object"].GetArrayLength());
        Assert.True(parsed.Object.PaymentDetails!.Arcblock!.ExtensionData!["x_nested"].GetBoolean());
    }

    [Theory]
    [InlineData("\"1000000000000000000000000000000\"")]
    [InlineData("1000000000000000000000000000000")]
    [InlineData("\"123456789012345678901234567890.000000000000000001\"")]
    [InlineData("123456789012345678901234567890.000000000000000001")]
    public void Amounts_stay_exact_at_ten_to_the_thirty(string literal)
    {
        var json = "{\"id\":\"evt_1\",\"type\":\"refund.succeeded\",\"data\":{\"object\":{\"id\":\"re_1\",\"amount\":" + literal
            + ",\"starting_token_balance\":{\"pc_1\":" + literal + "}}}}";
        var expected = literal.Trim('"');

        var refund = Assert.IsType<RefundSucceeded>(EventJson.ParseOk(json));

        Assert.Equal(expected, refund.Object.Amount);
        Assert.Equal(expected, refund.Object.StartingTokenBalance!["pc_1"]);
    }

    [Fact]
    public void Nulls_for_every_member_are_fine()
    {
        var body = EventJson.Sample(EventTypes.CheckoutSessionCompleted);
        var obj = body["data"]!["object"]!.AsObject();
        foreach (var key in obj.Select(p => p.Key).ToList())
        {
            obj[key] = null;
        }

        foreach (var key in new[] { "livemode", "api_version", "object_type", "request", "pending_webhooks", "metadata", "created_at", "updated_at" })
        {
            body[key] = null;
        }

        var parsed = Assert.IsType<CheckoutSessionCompleted>(EventJson.ParseOk(body));

        Assert.Null(parsed.Object.Id);
        Assert.Null(parsed.Object.LineItems);
        Assert.Null(parsed.Livemode);
        Assert.Null(parsed.Metadata);
    }

    [Fact]
    public void Wire_quirks_are_read_leniently()
    {
        const string json = """
            {"id":"evt_1","type":"customer.subscription.updated","livemode":1,"created_at":1739936802662,
             "data":{"object":{"current_period_end":"1742356002","cancel_at_period_end":"false","days_until_due":"7","updated_at":"1739936802",
               "created_at":"not a date","metadata":[{"key":"tenant","value":"acme"}],"description":42,
               "billing_thresholds":{"amount_gte":1.5E+3}}}}
            """;

        var parsed = Assert.IsType<SubscriptionUpdated>(EventJson.ParseOk(json));

        Assert.True(parsed.Livemode);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1739936802662), parsed.CreatedAt);
        Assert.Equal(1742356002, parsed.Object.CurrentPeriodEnd);
        Assert.False(parsed.Object.CancelAtPeriodEnd);
        Assert.Equal(7, parsed.Object.DaysUntilDue);
        Assert.Null(parsed.Object.CreatedAt);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1739936802), parsed.Object.UpdatedAt);
        Assert.Equal("acme", parsed.Object.Metadata!["tenant"].GetString());
        Assert.Equal("42", parsed.Object.Description);
        Assert.Equal("1.5E+3", parsed.Object.BillingThresholds?.AmountGte);
    }

    [Theory]
    [InlineData("{\"id\":\"evt_1\",\"type\":\"invoice.paid\",\"data\":{\"object\":{\"period_end\":\"soon\"}}}")]
    [InlineData("{\"id\":\"evt_1\",\"type\":\"invoice.paid\",\"data\":{\"object\":{\"attempt_count\":1.5}}}")]
    [InlineData("{\"id\":\"evt_1\",\"type\":\"invoice.paid\",\"data\":{\"object\":{\"attempt_count\":1e308}}}")]
    [InlineData("{\"id\":\"evt_1\",\"type\":\"invoice.paid\",\"pending_webhooks\":\"many\"}")]
    [InlineData("{\"id\":\"evt_1\",\"type\":\"invoice.paid\",\"pending_webhooks\":1e308}")]
    public void A_number_that_does_not_fit_the_model_reads_as_null_rather_than_failing_an_acknowledged_event(string json)
    {
        // The receiver acknowledges any object with string id and type; refusing here would leave the event dead.
        Assert.True(PaymentEventParser.TryParse(Encoding.UTF8.GetBytes(json), out var parsed, out var error), error);
        Assert.Equal("evt_1", parsed.Id);
        Assert.Null(parsed.PendingWebhooks);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("not json")]
    [InlineData("[]")]
    [InlineData("[{\"id\":\"evt_1\",\"type\":\"x\"}]")]
    [InlineData("null")]
    [InlineData("42")]
    [InlineData("\"evt\"")]
    [InlineData("{}")]
    [InlineData("{\"id\":\"evt_1\"}")]
    [InlineData("{\"type\":\"invoice.paid\"}")]
    [InlineData("{\"id\":\"\",\"type\":\"invoice.paid\"}")]
    [InlineData("{\"id\":\"evt_1\",\"type\":{}}")]
    [InlineData("{\"id\":\"evt_1\",\"type\":\"invoice.paid\"")]
    [InlineData("{\"id\":\"evt_1\",\"type\":\"invoice.paid\"} trailing")]
    [InlineData("{\"id\":\"evt_1\",\"type\":\"invoice.paid\",\"data\":{\"object\":[1,2]}}")]
    [InlineData("{\"id\":\"evt_1\",\"type\":\"invoice.paid\",\"data\":{\"object\":\"in_1\"}}")]
    [InlineData("{\"id\":\"evt_1\",\"type\":\"invoice.paid\",\"data\":[]}")]
    public void Malformed_input_is_refused_with_an_error_never_an_exception(string json)
    {
        var ok = PaymentEventParser.TryParse(Encoding.UTF8.GetBytes(json), out var parsed, out var error);

        Assert.False(ok);
        Assert.Null(parsed);
        Assert.False(string.IsNullOrWhiteSpace(error));
        var thrown = Assert.Throws<JsonException>(() => PaymentEventParser.Parse(json));
        Assert.Equal(error, thrown.Message);
    }

    [Fact]
    public void A_data_object_the_typed_model_cannot_hold_is_handed_on_untyped()
    {
        // discounts is a list of strings in the model; a genuine event could still carry something else there.
        const string json = "{\"id\":\"evt_odd\",\"type\":\"invoice.paid\",\"data\":{\"object\":{\"id\":\"in_1\",\"discounts\":{\"a\":[1]}}}}";

        Assert.True(PaymentEventParser.TryParse(Encoding.UTF8.GetBytes(json), out var parsed, out var error), error);

        var untyped = Assert.IsType<UntypedPaymentEvent>(parsed);
        Assert.Equal("invoice.paid", untyped.Type);
        Assert.Equal("in_1", untyped.Object.GetProperty("id").GetString());
    }

    [Fact]
    public void Nesting_to_the_limit_parses_to_the_typed_model()
    {
        // root (1) > data (2) > object (3) > metadata (4) > MaxDepth - 4 more levels.
        var levels = PaymentEventParser.MaxDepth - 4;
        var deep = string.Concat(Enumerable.Repeat("{\"l\":", levels - 1)) + "{}" + new string('}', levels - 1);
        var json = "{\"id\":\"evt_deep\",\"type\":\"invoice.paid\",\"data\":{\"object\":{\"id\":\"in_1\",\"metadata\":{\"deep\":" + deep + "}}}}";

        Assert.True(PaymentEventParser.TryParse(Encoding.UTF8.GetBytes(json), out var parsed, out var error), error);

        Assert.IsType<InvoicePaid>(parsed);
    }

    [Fact]
    public void Deep_nesting_and_invalid_utf8_are_refused()
    {
        var deep = "{\"id\":\"evt_1\",\"type\":\"x\",\"data\":{\"object\":" + new string('[', 5000) + new string(']', 5000) + "}}";
        Assert.False(PaymentEventParser.TryParse(Encoding.UTF8.GetBytes(deep), out _, out var deepError));
        Assert.NotNull(deepError);

        byte[] invalidUtf8 = [.. "{\"id\":\"evt_"u8, 0xC3, 0x28, .. "\",\"type\":\"invoice.paid\"}"u8];
        Assert.False(PaymentEventParser.TryParse(invalidUtf8, out _, out var utf8Error));
        Assert.NotNull(utf8Error);
    }

    [Fact]
    public void Random_mutations_of_real_events_never_throw()
    {
        var samples = EventTypes.Documented.Select(t => Encoding.UTF8.GetBytes(EventJson.Sample(t).ToJsonString())).ToArray();
        var mutation = Gen.Select(Gen.Int[0, samples.Length - 1], Gen.Int[0, 100_000], Gen.Byte, Gen.Int[0, 2]);

        mutation.Sample((sample, position, value, kind) =>
        {
            var bytes = samples[sample].ToList();
            var at = position % bytes.Count;
            switch (kind)
            {
                case 0: bytes[at] = value; break;
                case 1: bytes.RemoveAt(at); break;
                default: bytes.Insert(at, value); break;
            }

            var ok = PaymentEventParser.TryParse(bytes.ToArray(), out var parsed, out var error);
            return ok ? parsed is not null && error is null : parsed is null && error is not null;
        }, iter: 3000);
    }
}
