using System.Text.Json.Nodes;

namespace PaymentEvents.Events.Samples;

/// <summary>Payment intents, invoices and refunds in the state their events leave them.</summary>
internal static class SamplePayments
{
    public static JsonObject PaymentIntent(SampleContext c, string verb, out JsonObject previous)
    {
        var status = verb switch
        {
            "succeeded" => PaymentIntentStatus.Succeeded,
            "payment_failed" or "created" => PaymentIntentStatus.RequiresPaymentMethod,
            "canceled" => PaymentIntentStatus.Canceled,
            "requires_action" => PaymentIntentStatus.RequiresAction,
            "amount_capturable_updated" => PaymentIntentStatus.RequiresCapture,
            _ => PaymentIntentStatus.Processing,
        };
        var succeeded = status == PaymentIntentStatus.Succeeded;
        var intent = new JsonObject
        {
            ["id"] = c.PaymentIntentId,
            ["livemode"] = c.Livemode,
            ["description"] = "Subscription update",
            ["amount"] = SampleObjects.PlanAmount,
            ["amount_received"] = succeeded ? SampleObjects.PlanAmount : "0",
            ["amount_capturable"] = "0",
            ["currency_id"] = c.CurrencyId,
            ["customer_id"] = c.CustomerId,
            ["payment_method_id"] = c.PaymentMethodId,
            ["invoice_id"] = c.InvoiceId,
            ["last_payment_error"] = verb == "payment_failed"
                ? new JsonObject
                {
                    ["type"] = PaymentErrorType.CardError,
                    ["code"] = "insufficient_funds",
                    ["message"] = "The payer's balance is too low for this payment.",
                    ["payment_method_id"] = c.PaymentMethodId,
                    ["payment_method_type"] = "arcblock",
                }
                : null,
            ["metadata"] = new JsonObject { ["subscription_id"] = c.SubscriptionId },
            ["receipt_email"] = "ada@example.com",
            ["statement_descriptor"] = "SHOP EXAMPLE",
            ["status"] = status,
            ["capture_method"] = "automatic",
            ["confirmation_method"] = "automatic",
            ["payment_method_types"] = new JsonArray("arcblock"),
            ["payment_details"] = succeeded ? SampleObjects.ArcblockPaymentDetails(c, "transfer") : null,
            ["beneficiaries"] = new JsonArray(new JsonObject { ["address"] = SampleIds.Address(), ["share"] = SampleObjects.PlanAmount }),
            ["created_at"] = SampleObjects.Iso(c.Now.AddMinutes(-1)),
            ["updated_at"] = SampleObjects.Iso(c.Now),
        };
        if (status == PaymentIntentStatus.Canceled)
        {
            intent["canceled_at"] = c.Unix;
            intent["cancellation_reason"] = PaymentIntentCancellationReason.Abandoned;
        }

        previous = verb is "succeeded" or "payment_failed" or "canceled"
            ? new JsonObject { ["status"] = PaymentIntentStatus.Processing }
            : new JsonObject();
        return intent;
    }

    public static JsonObject Invoice(SampleContext c, string verb, out JsonObject previous)
    {
        var status = verb switch
        {
            "paid" or "payment_succeeded" => InvoiceStatus.Paid,
            "created" or "deleted" => InvoiceStatus.Draft,
            "voided" => InvoiceStatus.Void,
            "marked_uncollectible" => InvoiceStatus.Uncollectible,
            _ => InvoiceStatus.Open,
        };
        var paid = status == InvoiceStatus.Paid;
        var periodStart = c.Unix - SampleObjects.Days(1);
        var invoice = new JsonObject
        {
            ["id"] = c.InvoiceId,
            ["number"] = "ADA0-0003",
            ["livemode"] = c.Livemode,
            ["description"] = "Subscription cycle",
            ["statement_descriptor"] = "SHOP EXAMPLE",
            ["period_start"] = periodStart,
            ["period_end"] = periodStart + SampleObjects.Days(30),
            ["auto_advance"] = true,
            ["paid"] = paid,
            ["paid_out_of_band"] = false,
            ["status"] = status,
            ["collection_method"] = CollectionMethod.ChargeAutomatically,
            ["billing_reason"] = InvoiceBillingReason.SubscriptionCycle,
            ["currency_id"] = c.CurrencyId,
            ["customer_id"] = c.CustomerId,
            ["payment_intent_id"] = c.PaymentIntentId,
            ["subscription_id"] = c.SubscriptionId,
            ["subtotal"] = SampleObjects.PlanAmount,
            ["subtotal_excluding_tax"] = SampleObjects.PlanAmount,
            ["tax"] = "0",
            ["total"] = SampleObjects.PlanAmount,
            ["amount_due"] = SampleObjects.PlanAmount,
            ["amount_paid"] = paid ? SampleObjects.PlanAmount : "0",
            ["amount_remaining"] = paid ? "0" : SampleObjects.PlanAmount,
            ["amount_shipping"] = "0",
            ["starting_balance"] = "0",
            ["ending_balance"] = "0",
            ["starting_token_balance"] = new JsonObject { [c.CurrencyId] = "0" },
            ["ending_token_balance"] = new JsonObject { [c.CurrencyId] = "0" },
            ["attempt_count"] = verb == "created" ? 0 : 1,
            ["attempted"] = verb != "created",
            ["customer_email"] = "ada@example.com",
            ["customer_name"] = "Ada Lovelace",
            ["customer_address"] = SampleObjects.Address(),
            ["discounts"] = new JsonArray(),
            ["total_discount_amounts"] = new JsonArray(),
            ["due_date"] = periodStart + SampleObjects.Days(7),
            ["effective_at"] = periodStart,
            ["payment_settings"] = SampleObjects.PaymentSettings(c),
            ["default_payment_method_id"] = c.PaymentMethodId,
            ["status_transitions"] = paid
                ? new JsonObject { ["finalized_at"] = periodStart, ["paid_at"] = c.Unix }
                : new JsonObject { ["finalized_at"] = periodStart },
            ["metadata"] = new JsonObject(),
            ["created_at"] = SampleObjects.Iso(c.Now.AddDays(-1)),
            ["updated_at"] = SampleObjects.Iso(c.Now),
        };
        if (verb == "payment_failed")
        {
            invoice["next_payment_attempt"] = c.Unix + SampleObjects.Days(1);
        }

        previous = paid
            ? new JsonObject { ["status"] = InvoiceStatus.Open, ["paid"] = false, ["amount_paid"] = "0", ["amount_remaining"] = SampleObjects.PlanAmount }
            : verb is "finalized" ? new JsonObject { ["status"] = InvoiceStatus.Draft }
            : verb is "voided" or "marked_uncollectible" ? new JsonObject { ["status"] = InvoiceStatus.Open }
            : new JsonObject();
        return invoice;
    }

    public static JsonObject Refund(SampleContext c, string verb, out JsonObject previous)
    {
        var status = verb switch
        {
            "succeeded" => RefundStatus.Succeeded,
            "canceled" => RefundStatus.Canceled,
            "created" => RefundStatus.Pending,
            _ => RefundStatus.Processing,
        };
        var refund = new JsonObject
        {
            ["id"] = SampleIds.New("re"),
            ["livemode"] = c.Livemode,
            ["description"] = "Partial refund for unused days",
            ["amount"] = SampleObjects.RefundAmount,
            ["payment_details"] = status == RefundStatus.Succeeded ? SampleObjects.ArcblockPaymentDetails(c, "transfer") : null,
            ["currency_id"] = c.CurrencyId,
            ["customer_id"] = c.CustomerId,
            ["payment_intent_id"] = c.PaymentIntentId,
            ["payment_method_id"] = c.PaymentMethodId,
            ["invoice_id"] = c.InvoiceId,
            ["subscription_id"] = c.SubscriptionId,
            ["metadata"] = new JsonObject { ["ticket"] = "SUP-77" },
            ["status"] = status,
            ["reason"] = RefundReason.RequestedByCustomer,
            ["attempt_count"] = status == RefundStatus.Pending ? 0 : 1,
            ["attempted"] = status != RefundStatus.Pending,
            ["starting_balance"] = "0",
            ["ending_balance"] = "0",
            ["type"] = RefundType.Refund,
            ["created_at"] = SampleObjects.Iso(c.Now.AddMinutes(-2)),
            ["updated_at"] = SampleObjects.Iso(c.Now),
        };
        previous = verb is "succeeded" or "canceled" ? new JsonObject { ["status"] = RefundStatus.Pending } : new JsonObject();
        return refund;
    }
}
