using System.Text.Json;

namespace PaymentEvents.Api.Tests.Infrastructure;

/// <summary>Payment Kit event bodies (docs/protocol.md §2) for deliveries.</summary>
public static class TestEvents
{
    public static string NewId() => "evt_" + Guid.NewGuid().ToString("N");

    public static string Json(string? id = null, string type = "customer.subscription.renewed", string? objectId = null, bool livemode = false) =>
        JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["id"] = id ?? NewId(),
            ["livemode"] = livemode,
            ["type"] = type,
            ["api_version"] = "2023-09-05",
            ["object_type"] = "Subscription",
            ["object_id"] = objectId ?? "sub_" + Guid.NewGuid().ToString("N")[..20],
            ["data"] = new Dictionary<string, object?>
            {
                ["object"] = new Dictionary<string, object?> { ["id"] = objectId ?? "sub_x", ["status"] = "active", ["amount"] = "1000000000000000000", ["note"] = "café ☕ <&>" },
                ["previous_attributes"] = new Dictionary<string, object?> { ["current_period_end"] = 1700000000 },
            },
            ["pending_webhooks"] = 1,
            ["metadata"] = new Dictionary<string, object?>(),
            ["created_at"] = "2025-02-19T03:46:42.662Z",
            ["updated_at"] = "2025-02-19T03:46:42.662Z",
        });
}
