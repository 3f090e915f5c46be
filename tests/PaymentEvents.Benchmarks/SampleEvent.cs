using System.Text;

namespace PaymentEvents.Benchmarks;

/// <summary>A realistic Payment Kit webhook body (~3 KB): a renewed subscription with one item and its price.</summary>
internal static class SampleEvent
{
    public static byte[] Create()
    {
        const string json = """
        {"id":"evt_T2UiJ2VHUxVo3J6BuULkrp15","livemode":true,"type":"customer.subscription.renewed","api_version":"2023-09-05","object_type":"Subscription","object_id":"sub_hmL7FQTmMbYVELkH6uVo6m9P",
         "data":{"object":{"id":"sub_hmL7FQTmMbYVELkH6uVo6m9P","object":"subscription","livemode":true,"currency_id":"pc_9nIhXa3Jk3pG","customer_id":"cus_Nh2d7kLq1JpQ8wXz","status":"active",
           "description":"Pro plan — monthly","collection_method":"charge_automatically","billing_cycle_anchor":1739936802,"current_period_start":1739936802,"current_period_end":1742356002,
           "cancel_at_period_end":false,"cancel_at":0,"canceled_at":0,"ended_at":0,"start_date":1737258402,"trial_start":0,"trial_end":0,"days_until_due":0,
           "latest_invoice_id":"in_kd83JdkQ0pLmN2xS","default_payment_method_id":"pm_Q2l9dKx8VbN3mT","pending_update":null,"pause_collection":null,
           "payment_settings":{"payment_method_types":["arcblock","ethereum"],"payment_method_options":{"arcblock":{"payer":"z1Zk2rVYaR3nK6QFzKzT8p7mXbHvE1JdPqW"}}},
           "payment_details":{"arcblock":{"tx_hash":"0x9f0c2d6f7d0a4b3c8e1f2a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f","payer":"z1Zk2rVYaR3nK6QFzKzT8p7mXbHvE1JdPqW"}},
           "items":[{"id":"si_7HqP2mXv9KdL","subscription_id":"sub_hmL7FQTmMbYVELkH6uVo6m9P","quantity":1,"metadata":{},
             "price":{"id":"price_L8dK2pQm7XvN","object":"price","active":true,"type":"recurring","currency_id":"pc_9nIhXa3Jk3pG","unit_amount":"25000000000000000000",
               "recurring":{"interval":"month","interval_count":1,"usage_type":"licensed","aggregate_usage":null},"nickname":"Pro monthly","lookup_key":"pro_monthly",
               "product_id":"prod_2kQ9dLx7VmP3","metadata":{"tier":"pro","seats":"5"},"currency_options":[{"currency_id":"pc_9nIhXa3Jk3pG","unit_amount":"25000000000000000000","custom_unit_amount":null,"tiers":null}],
               "created_at":"2025-01-19T03:46:42.662Z","updated_at":"2025-01-19T03:46:42.662Z"},
             "created_at":"2025-01-19T03:46:42.662Z","updated_at":"2025-02-19T03:46:42.662Z"}],
           "discount":null,"metadata":{"order":"A-10293","source":"checkout","note":"Renewal for café München 😀 <team> & co"},
           "proration_behavior":"create_prorations","recovered_from":null,"service_actions":[],"cancelation_details":null,
           "created_at":"2025-01-19T03:46:42.662Z","updated_at":"2025-02-19T03:46:42.662Z"},
          "previous_attributes":{"current_period_start":1737258402,"current_period_end":1739936802,"latest_invoice_id":"in_a9Dk2LmQ7pXv3N"}},
         "request":{"id":"req_8dK2mQ9pXvL3","idempotency_key":"renew-sub_hmL7FQTmMbYVELkH6uVo6m9P-1739936802","requested_by":"z2qaCNvKMv5GjouKdcDWexv6WqtHbpNPQDnAk"},
         "pending_webhooks":1,"metadata":{},"created_at":"2025-02-19T03:46:42.662Z","updated_at":"2025-02-19T03:46:42.662Z",
         "padding":["mrr 25.00","arr 300.00","seats 5","region eu-central-1","plan pro","cycle 2","retries 0","gateway arcblock","chain main","confirmations 12","fee 0.0001","rate 1.0000",
                    "coupon none","tax 0.00","country DE","vat DE123456789","po none","ref 7c1f8a2e-3b4d-4e5f-8a9b-0c1d2e3f4a5b","agent payment-kit/1.27.2","sdk @blocklet/sdk 1.17.12"]}
        """;
        return Encoding.UTF8.GetBytes(json);
    }
}
