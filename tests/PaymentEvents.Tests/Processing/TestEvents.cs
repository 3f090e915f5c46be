using System.Text;
using PaymentEvents.Events;

namespace PaymentEvents.Tests;

/// <summary>Webhook bodies shaped like Payment Kit's (docs/protocol.md §2), for dispatch tests.</summary>
internal static class TestEvents
{
    public static string Json(string id, string type, string objectId, string status = "active")
    {
        var objectType = type.Split('.')[0] switch
        {
            "customer" => "Subscription",
            "checkout" => "CheckoutSession",
            "payment_intent" => "PaymentIntent",
            "invoice" => "Invoice",
            "refund" => "Refund",
            _ => "Unknown",
        };
        return $$$"""
            {"id":"{{{id}}}","livemode":false,"type":"{{{type}}}","api_version":"2025-02-19","object_type":"{{{objectType}}}","object_id":"{{{objectId}}}",
             "data":{"object":{"id":"{{{objectId}}}","status":"{{{status}}}","currency_id":"pc_test","current_period_end":1700000000},"previous_attributes":{"status":"trialing"}},
             "request":{"id":null,"idempotency_key":""},"pending_webhooks":1,"metadata":{},
             "created_at":"2025-02-19T03:46:42.662Z","updated_at":"2025-02-19T03:46:42.662Z"}
            """;
    }

    public static PaymentEvent Parse(string json) =>
        PaymentEventParser.TryParse(Encoding.UTF8.GetBytes(json), out var paymentEvent, out var error)
            ? paymentEvent
            : throw new InvalidOperationException("test payload did not parse: " + error);
}
