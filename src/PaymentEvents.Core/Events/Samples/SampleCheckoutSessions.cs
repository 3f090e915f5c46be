using System.Text.Json.Nodes;

namespace PaymentEvents.Events.Samples;

/// <summary>Checkout sessions in the state each <c>checkout.session.*</c> event leaves them.</summary>
internal static class SampleCheckoutSessions
{
    public static JsonObject Create(SampleContext c, string verb, out JsonObject previous)
    {
        var (status, paymentStatus) = verb switch
        {
            "created" => (CheckoutSessionStatus.Open, CheckoutPaymentStatus.Unpaid),
            "expired" => (CheckoutSessionStatus.Expired, CheckoutPaymentStatus.Unpaid),
            "async_payment_failed" => (CheckoutSessionStatus.Complete, CheckoutPaymentStatus.Unpaid),
            _ => (CheckoutSessionStatus.Complete, CheckoutPaymentStatus.Paid),
        };
        var minted = verb == "nft_minted";

        var session = new JsonObject
        {
            ["id"] = c.CheckoutSessionId,
            ["livemode"] = c.Livemode,
            ["client_reference_id"] = "order-1042",
            ["currency_id"] = c.CurrencyId,
            ["invoice_id"] = c.InvoiceId,
            ["customer_id"] = c.CustomerId,
            ["customer_did"] = c.Payer,
            ["payment_link_id"] = SampleIds.New("plink"),
            ["subscription_id"] = c.SubscriptionId,
            ["payment_intent_id"] = c.PaymentIntentId,
            ["mode"] = CheckoutSessionMode.Subscription,
            ["status"] = status,
            ["payment_status"] = paymentStatus,
            ["line_items"] = new JsonArray(new JsonObject
            {
                ["price_id"] = c.PriceId,
                ["quantity"] = 1,
                ["price"] = SampleObjects.Price(c),
            }),
            ["amount_subtotal"] = SampleObjects.PlanAmount,
            ["amount_total"] = SampleObjects.PlanAmount,
            ["total_details"] = new JsonObject { ["amount_discount"] = "0", ["amount_shipping"] = "0", ["amount_tax"] = "0" },
            ["url"] = $"https://shop.example/checkout/pay/{c.CheckoutSessionId}",
            ["success_url"] = "https://shop.example/thanks",
            ["cancel_url"] = "https://shop.example/cart",
            ["customer_details"] = new JsonObject
            {
                ["name"] = "Ada Lovelace",
                ["email"] = "ada@example.com",
                ["address"] = SampleObjects.Address(),
            },
            ["customer_creation"] = "always",
            ["allow_promotion_codes"] = false,
            ["expires_at"] = c.Unix + SampleObjects.Days(1),
            ["payment_method_types"] = new JsonArray("arcblock"),
            ["submit_type"] = "pay",
            ["metadata"] = new JsonObject { ["order_id"] = "order-1042" },
            ["billing_address_collection"] = "auto",
            ["subscription_data"] = new JsonObject { ["description"] = "Pro plan", ["trial_period_days"] = 0 },
            ["payment_details"] = verb == "created" || verb == "expired" ? null : SampleObjects.ArcblockPaymentDetails(c, "delegate"),
            ["nft_mint_status"] = minted ? NftMintStatus.Minted : NftMintStatus.Disabled,
            ["nft_mint_settings"] = new JsonObject { ["enabled"] = minted, ["behavior"] = "per_checkout_session" },
            ["created_at"] = SampleObjects.Iso(c.Now.AddMinutes(-5)),
            ["created_via"] = "api",
            ["updated_at"] = SampleObjects.Iso(c.Now),
        };

        if (minted)
        {
            session["nft_mint_settings"]!["factory"] = SampleIds.Address();
            session["nft_mint_details"] = new JsonObject
            {
                ["type"] = "arcblock",
                ["arcblock"] = new JsonObject { ["tx_hash"] = SampleIds.TxHash(), ["address"] = SampleIds.Address(), ["owner"] = c.Payer },
            };
        }

        previous = verb switch
        {
            "completed" or "async_payment_succeeded" => new JsonObject
            {
                ["status"] = CheckoutSessionStatus.Open,
                ["payment_status"] = CheckoutPaymentStatus.Unpaid,
            },
            "nft_minted" => new JsonObject { ["nft_mint_status"] = NftMintStatus.Pending },
            "expired" => new JsonObject { ["status"] = CheckoutSessionStatus.Open },
            _ => new JsonObject(),
        };
        return session;
    }
}
