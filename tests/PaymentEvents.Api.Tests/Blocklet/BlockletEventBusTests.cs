using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using PaymentEvents.Blocklet;
using PaymentEvents.Events;
using PaymentEvents.Events.Samples;
using PaymentEvents.Protocol;
using PaymentEvents.Registration;

namespace PaymentEvents.Api.Tests.Blocklet;

/// <summary>
/// The connector against a simulated Blocklet Server made of the real packages (tests/eventbus: @arcblock/ws WsServer,
/// @arcblock/jwt verify), with Payment Kit publishing through the real @blocklet/sdk eventbus.publish().
/// </summary>
[Trait("Category", "EventBus")]
public sealed class BlockletEventBusTests
{
    private static JsonObject Sample(string type = EventTypes.InvoicePaid) => SampleEvents.Create(type, TimeProvider.System);

    private static string IdOf(JsonObject e) => e["id"]!.GetValue<string>();

    [Fact]
    public async Task Every_documented_type_arrives_is_stored_and_handled_and_a_node_subscriber_gets_the_same_events()
    {
        var app = new BlockletApp();
        await using var server = await SimulatedBlockletServer.StartAsync(app);
        await using var nodeSubscriber = NodeProcess.Start("component.js", app.ComponentEnvironment(app.NodeComponentDid, server.Port), "subscribe");
        using var host = EventBusHost.Start(app, server);
        await host.UntilJoinedAsync(server, subscribers: 2);

        var events = EventTypes.Documented.Select(t => Sample(t)).ToList();
        foreach (var e in events)
        {
            await host.PublishUntilStoredAsync(server, e);
        }

        var deliveries = host.Services.GetRequiredService<BusDeliveries>();
        foreach (var e in events)
        {
            var id = IdOf(e);
            await host.UntilHandledAsync(id);
            var stored = await host.Store.GetAsync(id, CancellationToken.None);
            Assert.Equal(e["type"]!.GetValue<string>(), stored!.Type);
            Assert.Equal(e["livemode"]!.GetValue<bool>(), stored.Livemode); // from data.object: publish() has no top-level livemode
            Assert.Equal(1, host.Counts()[id]);
            await Poll.UntilAsync(() => Task.FromResult(deliveries[id] == 1), what: $"in-process subscriber got {id}");

            // The real SDK subscriber of another component got the same event, byte for byte what we stored.
            var seen = await nodeSubscriber.WaitForAsync(l => l.Has("event") && l.GetProperty("event").Text("id") == id, what: $"node subscriber got {id}");
            Assert.True(JsonNode.DeepEquals(JsonNode.Parse(seen.GetProperty("event").GetRawText()), JsonNode.Parse(stored.Payload)));
            Assert.Equal(BlockletApp.PaymentKitDid, seen.GetProperty("event").Text("source"));

            // The event-bus envelope parses to the documented class with its data.object.
            var parsed = PaymentEventParser.Parse(stored.Payload);
            Assert.Equal(PaymentEventParser.DocumentedEventClasses[stored.Type], parsed.GetType());
        }

        Assert.Equal(events.Count, host.BusState().EventsStored); // a re-published copy is a duplicate, never stored twice
    }

    [Fact]
    public async Task A_token_made_in_csharp_is_byte_for_byte_what_arcblock_jwt_makes_and_passes_its_verify()
    {
        var key = AppKey.Generate();
        var at = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000);
        await using var tool = NodeProcess.Start("jwt.js", new Dictionary<string, string>());
        await tool.SendAsync(JsonSerializer.Serialize(new { sign = true, sk = key.SecretKeyHex, now = at.ToUnixTimeSeconds() }));
        var made = await tool.WaitForAsync(l => l.Has("token"), what: "node token");
        Assert.Equal(made.Text("token"), EventBusJwt.Sign(key, at));
        Assert.Equal(key.PublicKeyHex, made.Text("pk"));

        var now = EventBusJwt.Sign(key, DateTimeOffset.UtcNow);
        await tool.SendAsync(JsonSerializer.Serialize(new { verify = now, pk = key.PublicKeyHex }));
        var verdict = await tool.WaitForAsync(l => l.Has("valid") && l.GetProperty("body").Text("iat") is not null, what: "verify");
        Assert.True(verdict.GetProperty("valid").GetBoolean());
        Assert.Equal("did:abt:" + key.Address, verdict.GetProperty("body").Text("iss"));
        Assert.Equal("JWT", verdict.GetProperty("header").Text("type"));

        await tool.SendAsync(JsonSerializer.Serialize(new { verify = now, pk = AppKey.Generate().PublicKeyHex }));
        await tool.WaitForAsync(l => l.Has("valid") && !l.GetProperty("valid").GetBoolean(), what: "verify with another key fails");
    }

    [Fact]
    public async Task A_wrong_access_key_is_refused_at_join_and_nothing_is_stored()
    {
        var app = new BlockletApp();
        await using var server = await SimulatedBlockletServer.StartAsync(app);
        var wrong = AppKey.Generate();
        using var host = EventBusHost.Start(app, server, s => s["EventBus:AccessSk"] = wrong.SecretKeyHex); // explicit config wins

        var refused = await server.Simulator.WaitForAsync(l => l.Has("join") && l.GetProperty("join").Text("topic") == app.Topic && !l.GetProperty("join").GetProperty("ok").GetBoolean(), what: "join refused");
        Assert.Contains("access key", refused.GetProperty("join").Text("message"), StringComparison.Ordinal);
        await Poll.UntilAsync(() => Task.FromResult(host.BusState().Reconnects >= 2), what: "keeps retrying");
        Assert.Contains("join refused", host.BusState().LastError, StringComparison.Ordinal);
        Assert.NotEqual(EventBusStatus.Joined, host.BusState().Status);
        Assert.Equal(0, await server.SubscribersAsync());

        var health = await host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync(c => c.Tags.Contains("ready"));
        Assert.Equal(HealthStatus.Degraded, health.Entries["eventbus"].Status);
    }

    [Fact]
    public async Task After_the_simulator_restarts_mid_stream_the_connector_rejoins_with_a_fresh_token_and_receives_later_events()
    {
        var app = new BlockletApp();
        await using var server = await SimulatedBlockletServer.StartAsync(app);
        using var host = EventBusHost.Start(app, server);
        await host.UntilJoinedAsync(server);
        var before = Sample(EventTypes.CustomerSubscriptionStarted);
        await host.PublishUntilStoredAsync(server, before);
        await host.UntilHandledAsync(IdOf(before));
        var restartedAt = DateTimeOffset.UtcNow.ToUnixTimeSeconds();

        await server.RestartAsync();
        await Poll.UntilAsync(() => Task.FromResult(host.BusState().Reconnects >= 1), what: "connection loss noticed");
        await host.UntilJoinedAsync(server);
        // Our rejoin presents a token signed after the restart (the SDK's own clients rejoin with their cached one).
        await server.Simulator.WaitForAsync(
            l => l.Has("join") && l.GetProperty("join").Text("topic") == app.Topic && l.GetProperty("join").GetProperty("ok").GetBoolean()
                && long.Parse(l.GetProperty("join").Text("iat")!, System.Globalization.CultureInfo.InvariantCulture) >= restartedAt,
            what: "rejoined with a fresh token");

        var after = Sample(EventTypes.CustomerSubscriptionRenewed);
        await host.PublishUntilStoredAsync(server, after);
        await host.UntilHandledAsync(IdOf(after));
        Assert.Equal(1, host.Counts()[IdOf(before)]);
        Assert.Equal(1, host.Counts()[IdOf(after)]);
    }

    [Fact]
    public async Task A_silent_socket_is_detected_by_the_heartbeat_and_replaced()
    {
        var app = new BlockletApp();
        await using var server = await SimulatedBlockletServer.StartAsync(app);
        using var host = EventBusHost.Start(app, server, s => s["EventBus:HeartbeatInterval"] = "00:00:00.500");
        await host.UntilJoinedAsync(server);
        var firstSocket = server.Simulator.Lines(l => l.Has("join") && l.GetProperty("join").Text("topic") == app.Topic).Single().GetProperty("join").Text("socket");

        // The socket stays open but nothing comes back: only the missing heartbeat reply can reveal it.
        await server.SilenceAsync();
        var secondJoin = await server.Simulator.WaitForAsync(
            l => l.Has("join") && l.GetProperty("join").Text("topic") == app.Topic && l.GetProperty("join").Text("socket") != firstSocket,
            what: "a new socket joined");
        Assert.NotNull(secondJoin.GetProperty("join").Text("socket"));
        await Poll.UntilAsync(() => Task.FromResult(host.BusState().Status == EventBusStatus.Joined && host.BusState().Reconnects >= 1), what: "joined again");

        var e = Sample(EventTypes.PaymentIntentSucceeded);
        await host.PublishUntilStoredAsync(server, e);
        await host.UntilHandledAsync(IdOf(e));
    }

    [Fact]
    public async Task The_same_event_id_by_webhook_and_by_bus_is_handled_once_whichever_comes_first()
    {
        var app = new BlockletApp();
        await using var server = await SimulatedBlockletServer.StartAsync(app);
        using var host = EventBusHost.Start(app, server);
        await host.UntilJoinedAsync(server);
        var client = host.CreateClient();
        // Payment Kit signs webhooks with the app's wallet; BLOCKLET_APP_PK is trusted with no configuration.
        var signer = new RequestSigner(app.AppKey, TimeProvider.System);

        var webhookFirst = Sample(EventTypes.InvoicePaid);
        var delivered = await client.SendAsync(host.SignedDelivery(webhookFirst.ToJsonString(), signer: signer));
        Assert.Equal(HttpStatusCode.OK, delivered.StatusCode);
        await host.PublishUntilAsync(server, webhookFirst, () => Task.FromResult(host.BusState().EventsDuplicate >= 1));

        var busFirst = Sample(EventTypes.RefundSucceeded);
        await host.PublishUntilStoredAsync(server, busFirst);
        await host.UntilHandledAsync(IdOf(busFirst));
        var second = await client.SendAsync(host.SignedDelivery(busFirst.ToJsonString(), signer: signer));
        Assert.Contains("\"duplicate\":true", await second.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        await host.UntilHandledAsync(IdOf(webhookFirst));
        Assert.Equal(1, host.Counts()[IdOf(webhookFirst)]);
        Assert.Equal(1, host.Counts()[IdOf(busFirst)]);
    }

    [Fact]
    public async Task An_event_from_an_untrusted_component_is_counted_as_rejected_and_not_stored()
    {
        var app = new BlockletApp();
        await using var server = await SimulatedBlockletServer.StartAsync(app);
        using var host = EventBusHost.Start(app, server);
        await host.UntilJoinedAsync(server);

        var forged = Sample(EventTypes.CheckoutSessionCompleted);
        await host.PublishUntilAsync(server, forged, () => Task.FromResult(host.BusState().EventsRejected >= 1), asComponent: app.NodeComponentDid);

        // The trusted one published after it arrives; the forged one was never stored (and cannot pre-empt a genuine delivery).
        var genuine = Sample(EventTypes.CheckoutSessionCompleted);
        await host.PublishUntilStoredAsync(server, genuine);
        await host.UntilHandledAsync(IdOf(genuine));
        Assert.Null(await host.Store.GetAsync(IdOf(forged), CancellationToken.None));
        Assert.Equal(1, host.Counts()[IdOf(genuine)]);
    }

    [Fact]
    public async Task Zero_configuration_start_from_a_component_environment()
    {
        var app = new BlockletApp();
        await using var server = await SimulatedBlockletServer.StartAsync(app);
        using var host = EventBusHost.Start(app, server);
        await host.UntilJoinedAsync(server);

        var paymentKit = host.Services.GetRequiredService<IOptions<PaymentKitOptions>>().Value;
        Assert.Equal(app.AppKey.PublicKeyHex, paymentKit.AppPk);
        Assert.Equal(app.AppKey.SecretKeyHex, paymentKit.AppSk);
        Assert.Equal(app.ServiceComponentDid, paymentKit.ComponentDid);
        Assert.Equal(new Uri($"http://127.0.0.1:{BlockletApp.PaymentKitPort}/"), paymentKit.BaseUrl);
        Assert.Equal(new Uri("http://127.0.0.1:8080/events/api/payment/callback"), paymentKit.CallbackUrl);
        var bus = host.Services.GetRequiredService<IOptions<BlockletEventBusOptions>>().Value;
        Assert.True(bus.Enabled);
        Assert.Equal([BlockletApp.PaymentKitDid], bus.TrustedSources);
        Assert.Equal(new Uri($"ws://127.0.0.1:{server.Port}/.well-known/service/websocket"), bus.Url);

        var e = Sample(EventTypes.CustomerSubscriptionDeleted);
        await host.PublishUntilStoredAsync(server, e);
        await host.UntilHandledAsync(IdOf(e));

        var health = await host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync(c => c.Tags.Contains("ready"));
        var entry = health.Entries["eventbus"];
        Assert.Equal(HealthStatus.Healthy, entry.Status);
        Assert.Equal("joined", entry.Data["status"]);
        Assert.Equal(IdOf(e), entry.Data["last_event_id"]);
        Assert.Equal(app.Topic, entry.Data["topic"]);
    }

    [Fact]
    public async Task Stopping_the_host_leaves_the_channel_and_closes_the_socket_normally()
    {
        var app = new BlockletApp();
        await using var server = await SimulatedBlockletServer.StartAsync(app);
        var host = EventBusHost.Start(app, server);
        await host.UntilJoinedAsync(server);
        var ours = server.Simulator.Lines(l => l.Has("join") && l.GetProperty("join").Text("topic") == app.Topic).Single().GetProperty("join").Text("socket");
        var state = host.Services.GetRequiredService<EventBusState>();

        var metrics = await host.CreateClient().GetStringAsync("/metrics");
        Assert.Contains("paymentevents_eventbus_joined", metrics, StringComparison.Ordinal);

        host.Dispose();
        var closed = await server.Simulator.WaitForAsync(l => l.Has("closed") && l.Text("socket") == ours, what: "socket closed");
        Assert.Equal(1000, closed.GetProperty("closed").GetInt32());
        Assert.Equal(EventBusStatus.Stopped, state.Current.Status);
        Assert.Equal(0, await server.SubscribersAsync());
    }
}
