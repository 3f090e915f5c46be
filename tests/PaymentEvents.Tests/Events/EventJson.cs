using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using PaymentEvents.Events;
using PaymentEvents.Events.Samples;

namespace PaymentEvents.Tests.Events;

/// <summary>Helpers shared by the event tests.</summary>
internal static class EventJson
{
    public static readonly DateTimeOffset Now = new(2025, 2, 19, 3, 46, 42, 662, TimeSpan.Zero);

    public static FakeTimeProvider Clock() => new(Now);

    public static PaymentEvent ParseOk(string json)
    {
        Assert.True(PaymentEventParser.TryParse(Encoding.UTF8.GetBytes(json), out var paymentEvent, out var error), error);
        Assert.Null(error);
        return paymentEvent;
    }

    public static PaymentEvent ParseOk(JsonNode json) => ParseOk(json.ToJsonString());

    public static JsonObject Sample(string type, bool livemode = false) => SampleEvents.Create(type, Clock(), livemode);

    /// <summary>The event-bus envelope (@blocklet/sdk validators/event.js) of the same event a webhook body describes.</summary>
    public static JsonObject ToEventBus(JsonObject webhook) => new()
    {
        ["id"] = webhook["id"]!.DeepClone(),
        ["source"] = "z8iZpnScvmcPvnBLtWsJaAKvXPqbAfn6c3zi1",
        ["type"] = webhook["type"]!.DeepClone(),
        ["time"] = "2025-02-19T03:46:42.662Z",
        ["spec_version"] = "1.0.0",
        ["object_type"] = webhook["object_type"]!.DeepClone(),
        ["object_id"] = webhook["object_id"]!.DeepClone(),
        ["data"] = new JsonObject
        {
            ["type"] = "application/json",
            ["object"] = webhook["data"]!["object"]!.DeepClone(),
            ["previous_attributes"] = webhook["data"]!["previous_attributes"]!.DeepClone(),
        },
    };
}
