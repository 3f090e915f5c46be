using System.Text.Json;
using PaymentEvents.Events;

namespace PaymentEvents.Tests.Events;

/// <summary>Bodies written by hand from the .d.ts shapes (not by SampleEvents), with the quirks the wire can carry.</summary>
public sealed class HandWrittenEventTests
{
    private const string SubscriptionRenewed = """
        {
          "id": "evt_T2UiJ2VHUxVo3J6BuULkrp15",
          "livemode": true,
          "type": "customer.subscription.renewed",
          "api_version": "2023-09-05",
          "object_type": "Subscription",
          "object_id": "sub_hmL7FQTmMbYVELkH6uVo6m9P",
          "data": {
            "object": {
              "id": "sub_hmL7FQTmMbYVELkH6uVo6m9P",
              "livemode": true,
              "currency_id": "pc_9Ra2ZsLVT4wA1mHqS6tKxY7B",
              "customer_id": "cus_4hGvX9sQn2KpL7mR3tYwZ8cB",
              "current_period_start": 1739936802,
              "current_period_end": 1742356002,
              "default_payment_method_id": "pm_Jk2sL9dF4gH7jK1mN5pQ8rS3",
              "description": "Team plan",
              "latest_invoice_id": "in_Xy7zA2bC5dE8fG1hJ4kL6mN9",
              "metadata": { "tenant": "acme", "seats": 12 },
              "pending_update": null,
              "status": "active",
              "cancel_at_period_end": false,
              "cancel_at": 0,
              "canceled_at": null,
              "cancelation_details": null,
              "billing_cycle_anchor": 1737258402,
              "billing_thresholds": { "amount_gte": 0, "stake_gte": 0, "reset_billing_cycle_anchor": false },
              "collection_method": "charge_automatically",
              "days_until_due": null,
              "pause_collection": null,
              "payment_settings": {
                "payment_method_options": { "arcblock": { "payer": "z1ewYeWM7cLu1ouHoHfgmJxUd4yNVzAQ7Jn" } },
                "payment_method_types": ["arcblock"]
              },
              "pending_invoice_item_interval": { "interval": "month", "interval_count": 1 },
              "start_date": 1737258402,
              "payment_details": {
                "arcblock": {
                  "tx_hash": "4B9C1C6F0A7E4D2B9E5F3A1C8D7E6F5A4B3C2D1E0F9A8B7C6D5E4F3A2B1C0D9E",
                  "payer": "z1ewYeWM7cLu1ouHoHfgmJxUd4yNVzAQ7Jn",
                  "type": "delegate",
                  "staking": { "tx_hash": "0xabc", "address": "zrjh1" }
                }
              },
              "slippage_config": { "mode": "percent", "percent": "0.5", "updated_at_ms": 1739936802123 },
              "service_actions": [
                { "type": "notification", "triggerEvents": ["customer.subscription.renewed"], "text": { "en": "Renewed", "zh": "已续订" }, "link": "https://shop.example/sub" }
              ],
              "credit_schedule_state": { "price_1": { "enabled": true, "schedule_anchor_at": 1737258402, "next_grant_at": 1742356002, "last_grant_seq": 2, "grants_in_current_period": 1 } },
              "created_at": "2025-01-19T03:46:42.662Z",
              "updated_at": "2025-02-19T03:46:42.662Z",
              "a_field_from_the_future": { "nested": [1, 2, 3] }
            },
            "previous_attributes": { "current_period_start": 1737258402, "current_period_end": 1739936802 }
          },
          "request": { "id": "req_Qw3eR5tY7uI9oP1aS3dF5gH7", "idempotency_key": "renew-sub_hmL7FQTmMbYVELkH6uVo6m9P-1739936802" },
          "pending_webhooks": 2,
          "metadata": {},
          "created_at": "2025-02-19T03:46:42.662Z",
          "updated_at": "2025-02-19T03:46:42.662Z"
        }
        """;

    private const string CheckoutCompleted = """
        {
          "id": "evt_8fKx2Lm9Qp4Rs7Tv1Wx3Yz5A",
          "livemode": false,
          "type": "checkout.session.completed",
          "api_version": "2023-09-05",
          "object_type": "CheckoutSession",
          "object_id": "cs_Ab3De6Gh9Jk2Mn5Pq8St1Vw4",
          "data": {
            "object": {
              "id": "cs_Ab3De6Gh9Jk2Mn5Pq8St1Vw4",
              "livemode": false,
              "currency_id": "pc_9Ra2ZsLVT4wA1mHqS6tKxY7B",
              "customer_id": "cus_4hGvX9sQn2KpL7mR3tYwZ8cB",
              "customer_did": "z1ewYeWM7cLu1ouHoHfgmJxUd4yNVzAQ7Jn",
              "mode": "payment",
              "status": "complete",
              "payment_status": "paid",
              "line_items": [
                { "price_id": "price_Gh5Jk8Lm2Np4Qr7St9Vw1Xy3", "quantity": 2, "adjustable_quantity": { "enabled": true, "maximum": 99, "minimum": 1 }, "custom_amount": "1500000000000000000" }
              ],
              "amount_subtotal": "3000000000000000000",
              "amount_total": "2700000000000000000",
              "total_details": { "amount_discount": "300000000000000000", "amount_tax": "0", "breakdown": { "discounts": [{ "amount": "300000000000000000", "discount": "di_1" }] } },
              "currency_conversion": { "amount_subtotal": "3", "amount_total": "2.7", "fx_rate": "1", "source_currency": "USD" },
              "customer_creation": "if_required",
              "customer_update": { "address": "auto", "name": "never", "shipping": "never" },
              "consent": { "terms_of_service": "accepted" },
              "custom_fields": [{ "key": "team", "label": "Team", "type": "dropdown", "optional": false, "dropdown": { "options": [{ "label": "Red", "value": "red" }] } }],
              "expires_at": 1740023202,
              "payment_method_types": ["arcblock", "ethereum"],
              "submit_type": "pay",
              "payment_details": { "ethereum": { "tx_hash": "0xdeadbeef", "payer": "0xAbC", "block_height": "21000000", "gas_used": "21000", "gas_price": "30000000000", "type": "transfer" } },
              "nft_mint_status": "disabled",
              "discounts": [{ "promotion_code": "promo_1", "discount_amount": "300000000000000000" }],
              "fulfillment_status": "shipped_by_drone",
              "vendor_info": [{ "vendor_id": "v1", "vendor_key": "launcher", "vendor_type": "launcher", "order_id": "o1", "status": "completed", "amount": "100", "lastAttemptAt": "2025-02-19T03:46:42.662Z", "commissionAmount": "10", "returnRequest": { "reason": "unused", "requestedAt": "2025-02-20T00:00:00Z", "status": "pending" } }],
              "created_at": "2025-02-19T03:40:00.000Z",
              "created_via": "portal",
              "updated_at": "2025-02-19T03:46:42.662Z"
            },
            "previous_attributes": { "status": "open", "payment_status": "unpaid" }
          },
          "request": { "id": "req_1", "idempotency_key": "k1", "requested_by": "admin" },
          "pending_webhooks": 1,
          "metadata": { "source": "storefront" },
          "created_at": "2025-02-19T03:46:42.662Z",
          "updated_at": "2025-02-19T03:46:42.662Z",
          "delivery_hint": "new-envelope-field"
        }
        """;

    [Fact]
    public void Subscription_renewed_reads_every_modelled_field_and_keeps_unknown_ones()
    {
        var renewed = Assert.IsType<SubscriptionRenewed>(EventJson.ParseOk(SubscriptionRenewed));
        var sub = renewed.Object;

        Assert.Equal("evt_T2UiJ2VHUxVo3J6BuULkrp15", renewed.Id);
        Assert.Equal("renew-sub_hmL7FQTmMbYVELkH6uVo6m9P-1739936802", renewed.Request?.IdempotencyKey);
        Assert.Null(renewed.Request?.RequestedBy);
        Assert.Equal(2, renewed.PendingWebhooks);
        Assert.Empty(renewed.Metadata!);
        Assert.Equal(1739936802, renewed.PreviousAttributes!.Value.GetProperty("current_period_end").GetInt64());

        Assert.Equal(1742356002, sub.CurrentPeriodEnd);
        Assert.Equal(0, sub.CancelAt);
        Assert.Null(sub.CanceledAt);
        Assert.Null(sub.CancelationDetails);
        Assert.Null(sub.PendingUpdate);
        Assert.Equal("0", sub.BillingThresholds?.AmountGte);
        Assert.False(sub.BillingThresholds?.ResetBillingCycleAnchor);
        Assert.Equal("z1ewYeWM7cLu1ouHoHfgmJxUd4yNVzAQ7Jn", sub.PaymentSettings?.PaymentMethodOptions?.Arcblock?.Payer);
        Assert.Equal("zrjh1", sub.PaymentDetails?.Arcblock?.Staking?.Address);
        Assert.Equal(0.5m, sub.SlippageConfig?.Percent);
        Assert.Equal(1739936802123, sub.SlippageConfig?.UpdatedAtMs);
        var action = Assert.Single(sub.ServiceActions!);
        Assert.Equal(["customer.subscription.renewed"], action.TriggerEvents!);
        Assert.Equal("已续订", action.Text!["zh"]);
        Assert.Equal(1742356002, sub.CreditScheduleState!["price_1"].NextGrantAt);
        Assert.Equal(12, sub.Metadata!["seats"].GetInt32());
        Assert.Equal(new DateTimeOffset(2025, 1, 19, 3, 46, 42, 662, TimeSpan.Zero), sub.CreatedAt);

        var future = Assert.Contains("a_field_from_the_future", sub.ExtensionData!);
        Assert.Equal(3, future.GetProperty("nested").GetArrayLength());
    }

    [Fact]
    public void Checkout_completed_reads_nested_shapes_unknown_enum_values_and_envelope_extras()
    {
        var completed = Assert.IsType<CheckoutSessionCompleted>(EventJson.ParseOk(CheckoutCompleted));
        var s = completed.Object;

        Assert.Equal("storefront", completed.Metadata!["source"].GetString());
        Assert.Equal("admin", completed.Request?.RequestedBy);
        Assert.Equal("new-envelope-field", completed.ExtensionData!["delivery_hint"].GetString());

        Assert.Equal(CheckoutSessionMode.Payment, s.Mode);
        Assert.Equal("2700000000000000000", s.AmountTotal);
        Assert.Equal("300000000000000000", s.TotalDetails?.AmountDiscount);
        Assert.Equal("di_1", Assert.Single(s.TotalDetails!.Breakdown!.Discounts!).Discount);
        var item = Assert.Single(s.LineItems!);
        Assert.Equal(2, item.Quantity);
        Assert.Equal(99, item.AdjustableQuantity?.Maximum);
        Assert.Equal("1500000000000000000", item.CustomAmount);
        Assert.Equal("2.7", s.CurrencyConversion?.AmountTotal);
        Assert.Equal("never", s.CustomerUpdate?.Name);
        Assert.Equal("accepted", s.Consent?.TermsOfService);
        Assert.Equal("red", s.CustomFields![0].Dropdown!.Options![0].Value);
        Assert.Equal(["arcblock", "ethereum"], s.PaymentMethodTypes!);
        Assert.Equal("21000000", s.PaymentDetails?.Ethereum?.BlockHeight);
        Assert.Equal("shipped_by_drone", s.FulfillmentStatus);
        var vendor = Assert.Single(s.VendorInfo!);
        Assert.Equal("10", vendor.CommissionAmount);
        Assert.Equal("2025-02-19T03:46:42.662Z", vendor.LastAttemptAt);
        Assert.Equal("2025-02-20T00:00:00Z", vendor.ReturnRequest?.RequestedAt);
        Assert.Equal("portal", s.CreatedVia);
        Assert.Null(s.ExtensionData);
    }

    [Fact]
    public void Payment_intent_invoice_and_refund_bodies_parse_to_their_classes()
    {
        const string intent = """
            {"id":"evt_1","type":"payment_intent.succeeded","object_type":"PaymentIntent","object_id":"pi_1",
             "data":{"object":{"id":"pi_1","amount":"5000000000000000000","amount_received":"5000000000000000000",
               "amount_details":{"tip":"0"},"status":"succeeded","last_payment_error":null,"capture_method":"automatic",
               "quote_locked_at":"2025-02-19T03:46:40.000Z","beneficiaries":[{"address":"z1","share":"100","name":"Shop"}],
               "payment_details":{"bitcoin":{"tx_hash":"ab","payer":"bc1q","block_height":880000,"confirmations":6}}}}}
            """;
        var succeeded = Assert.IsType<PaymentIntentSucceeded>(EventJson.ParseOk(intent));
        Assert.Equal("5000000000000000000", succeeded.Object.AmountReceived);
        Assert.Equal("0", succeeded.Object.AmountDetails?.Tip);
        Assert.Null(succeeded.Object.LastPaymentError);
        Assert.Equal(880000, succeeded.Object.PaymentDetails?.Bitcoin?.BlockHeight);
        Assert.Equal("Shop", Assert.Single(succeeded.Object.Beneficiaries!).Name);
        Assert.Equal(new DateTimeOffset(2025, 2, 19, 3, 46, 40, TimeSpan.Zero), succeeded.Object.QuoteLockedAt);
        Assert.Null(succeeded.PreviousAttributes);

        const string invoice = """
            {"id":"evt_2","type":"invoice.paid","object_type":"Invoice","object_id":"in_1",
             "data":{"object":{"id":"in_1","number":"ACME-0001","status":"paid","paid":true,"billing_reason":"stake_overdraft_protection",
               "total":"1","amount_paid":"1","starting_token_balance":{"pc_1":"10"},"ending_token_balance":{"pc_1":"9"},
               "total_discount_amounts":[{"amount":"2","coupon":"co_1"}],"customer_shipping":{"name":"A","phone":"1","address":{"city":"Berlin"}},
               "status_transitions":{"paid_at":1739936802},"subscription_details":{"whatever":true}},
               "previous_attributes":null}}
            """;
        var paid = Assert.IsType<InvoicePaid>(EventJson.ParseOk(invoice));
        Assert.Equal(InvoiceBillingReason.StakeOverdraftProtection, paid.Object.BillingReason);
        Assert.Equal("9", paid.Object.EndingTokenBalance!["pc_1"]);
        Assert.Equal("co_1", paid.Object.TotalDiscountAmounts![0].Coupon);
        Assert.Equal("Berlin", paid.Object.CustomerShipping?.Address?.City);
        Assert.True(paid.Object.SubscriptionDetails!.Value.GetProperty("whatever").GetBoolean());
        Assert.Null(paid.PreviousAttributes);

        const string refund = """
            {"id":"evt_3","type":"refund.succeeded","object_type":"Refund","object_id":"re_1",
             "data":{"object":{"id":"re_1","amount":"1","status":"succeeded","type":"stake_return","reason":"requested_by_admin",
               "failure_reason":null,"last_attempt_error":{"type":"api_error","message":"retry"},"attempt_count":2,"attempted":true}}}
            """;
        var refunded = Assert.IsType<RefundSucceeded>(EventJson.ParseOk(refund));
        Assert.Equal(RefundType.StakeReturn, refunded.Object.Type);
        Assert.Equal("retry", refunded.Object.LastAttemptError?.Message);
        Assert.Equal(2, refunded.Object.AttemptCount);
    }

    [Fact]
    public void Event_bus_envelope_of_the_same_event_parses_to_the_same_class()
    {
        const string bus = """
            {
              "id": "evt_T2UiJ2VHUxVo3J6BuULkrp15",
              "source": "z8iZpnScvmcPvnBLtWsJaAKvXPqbAfn6c3zi1",
              "type": "customer.subscription.renewed",
              "time": "2025-02-19T03:46:42.662Z",
              "spec_version": "1.0.0",
              "object_type": "Subscription",
              "object_id": "sub_hmL7FQTmMbYVELkH6uVo6m9P",
              "data": {
                "type": "application/json",
                "object": { "id": "sub_hmL7FQTmMbYVELkH6uVo6m9P", "status": "active", "current_period_end": 1742356002 },
                "previous_attributes": {}
              }
            }
            """;
        var renewed = Assert.IsType<SubscriptionRenewed>(EventJson.ParseOk(bus));

        Assert.Equal("z8iZpnScvmcPvnBLtWsJaAKvXPqbAfn6c3zi1", renewed.Source);
        Assert.Equal("1.0.0", renewed.SpecVersion);
        Assert.Equal(new DateTimeOffset(2025, 2, 19, 3, 46, 42, 662, TimeSpan.Zero), renewed.Time);
        Assert.Equal("sub_hmL7FQTmMbYVELkH6uVo6m9P", renewed.ObjectId);
        Assert.Equal(1742356002, renewed.Object.CurrentPeriodEnd);
        Assert.Equal(JsonValueKind.Object, renewed.PreviousAttributes?.ValueKind);
        Assert.Null(renewed.ExtensionData);
        Assert.Null(renewed.Livemode);
    }
}
