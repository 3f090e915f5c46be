using System.Text.Json.Nodes;

namespace PaymentEvents.Events.Samples;

/// <summary>Subscriptions in the state each <c>customer.subscription.*</c> event leaves them.</summary>
internal static class SampleSubscriptions
{
    public static JsonObject Create(SampleContext c, string verb, out JsonObject previous)
    {
        var now = c.Unix;
        var periodStart = now - SampleObjects.Days(3);
        var trial = verb is "trial_start" or "trial_will_end";
        var status = verb switch
        {
            "created" => SubscriptionStatus.Incomplete,
            "deleted" => SubscriptionStatus.Canceled,
            "paused" => SubscriptionStatus.Paused,
            "past_due" or "renew_failed" => SubscriptionStatus.PastDue,
            _ when trial => SubscriptionStatus.Trialing,
            _ => SubscriptionStatus.Active,
        };

        var sub = new JsonObject
        {
            ["id"] = c.SubscriptionId,
            ["livemode"] = c.Livemode,
            ["currency_id"] = c.CurrencyId,
            ["customer_id"] = c.CustomerId,
            ["current_period_start"] = periodStart,
            ["current_period_end"] = periodStart + SampleObjects.Days(30),
            ["default_payment_method_id"] = c.PaymentMethodId,
            ["description"] = "Pro plan",
            ["latest_invoice_id"] = c.InvoiceId,
            ["metadata"] = new JsonObject { ["plan"] = "pro", ["seats"] = 5 },
            ["status"] = status,
            ["cancel_at_period_end"] = false,
            ["billing_cycle_anchor"] = periodStart,
            ["collection_method"] = CollectionMethod.ChargeAutomatically,
            ["days_until_due"] = 0,
            ["days_until_cancel"] = 0,
            ["payment_settings"] = SampleObjects.PaymentSettings(c),
            ["pending_invoice_item_interval"] = SampleObjects.Monthly(),
            ["start_date"] = now - SampleObjects.Days(63),
            ["payment_details"] = SampleObjects.ArcblockPaymentDetails(c, "delegate"),
            ["proration_behavior"] = ProrationBehavior.None,
            ["payment_behavior"] = PaymentBehavior.AllowIncomplete,
            ["service_actions"] = new JsonArray(),
            ["created_at"] = SampleObjects.Iso(c.Now.AddDays(-63)),
            ["updated_at"] = SampleObjects.Iso(c.Now),
        };

        if (trial || verb == "trial_end")
        {
            sub["trial_start"] = now - SampleObjects.Days(verb == "trial_start" ? 0 : 11);
            sub["trial_end"] = now + SampleObjects.Days(verb == "trial_end" ? 0 : 3);
            sub["trial_settings"] = new JsonObject
            {
                ["end_behavior"] = new JsonObject { ["missing_payment_method"] = MissingPaymentMethodBehavior.Cancel },
            };
        }

        previous = verb switch
        {
            "started" => new JsonObject { ["status"] = SubscriptionStatus.Incomplete },
            "renewed" => new JsonObject
            {
                ["current_period_start"] = periodStart - SampleObjects.Days(30),
                ["current_period_end"] = periodStart,
                ["latest_invoice_id"] = SampleIds.New("in"),
            },
            "upgraded" => new JsonObject { ["description"] = "Basic plan", ["latest_invoice_id"] = SampleIds.New("in") },
            "updated" => new JsonObject { ["metadata"] = new JsonObject { ["plan"] = "pro", ["seats"] = 3 } },
            "deleted" or "paused" or "past_due" or "renew_failed" => new JsonObject { ["status"] = SubscriptionStatus.Active },
            "resumed" => new JsonObject { ["status"] = SubscriptionStatus.Paused },
            "recovered" => new JsonObject { ["status"] = SubscriptionStatus.PastDue },
            "trial_start" => new JsonObject { ["status"] = SubscriptionStatus.Incomplete },
            "trial_end" => new JsonObject { ["status"] = SubscriptionStatus.Trialing },
            _ => new JsonObject(),
        };

        switch (verb)
        {
            case "deleted":
                sub["canceled_at"] = now;
                sub["ended_at"] = now;
                sub["cancelation_details"] = new JsonObject
                {
                    ["comment"] = "Moving to a yearly plan",
                    ["feedback"] = CancelationFeedback.SwitchedService,
                    ["reason"] = CancelationReason.CancellationRequested,
                    ["refund"] = CancelationRefund.None,
                    ["requested_by"] = c.CustomerId,
                };
                break;
            case "paused":
                sub["pause_collection"] = new JsonObject
                {
                    ["behavior"] = PauseCollectionBehavior.KeepAsDraft,
                    ["resumes_at"] = now + SampleObjects.Days(14),
                };
                break;
            case "updated":
                sub["cancel_at_period_end"] = true;
                sub["cancel_at"] = periodStart + SampleObjects.Days(30);
                break;
        }

        return sub;
    }
}
