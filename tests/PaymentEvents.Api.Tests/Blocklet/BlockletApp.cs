using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using PaymentEvents.Protocol;
using PaymentEvents.Registration;

namespace PaymentEvents.Api.Tests.Blocklet;

/// <summary>
/// One Blocklet app for a test: its wallets, its components (Payment Kit, this .NET service, a Node component) and the
/// component variables Blocklet Server would give each of them, pointing at a simulator on loopback.
/// </summary>
public sealed class BlockletApp
{
    public AppKey AppKey { get; } = AppKey.Generate();

    public AppKey AccessKey { get; } = AppKey.Generate();

    public string Pid => AppKey.Address;

    public string ServiceComponentDid { get; } = AppKey.Generate().Address;

    public string NodeComponentDid { get; } = AppKey.Generate().Address;

    public const string PaymentKitDid = BlockletComponentEnvironment.PaymentKitDid;

    public const int PaymentKitPort = 8190;

    public string Topic => $"app:{Pid}:eventbus";

    public string MountPoints => JsonSerializer.Serialize(new object[]
    {
        new { title = "Payment Kit", did = PaymentKitDid, name = "payment-kit", mountPoint = "/payment", status = 6, port = PaymentKitPort },
        new { title = "PaymentEvents", did = ServiceComponentDid, name = "payment-events", mountPoint = "/events", status = 6, port = 8191 },
        new { title = "Shop", did = NodeComponentDid, name = "shop", mountPoint = "/", status = 6, port = 8192 },
    });

    /// <summary>The variables Blocklet Server gives a component (docs/protocol.md §6), plus those the SDK checks for.</summary>
    public Dictionary<string, string> ComponentEnvironment(string componentDid, int servicePort) => new(StringComparer.Ordinal)
    {
        ["BLOCKLET_APP_PID"] = Pid,
        ["BLOCKLET_APP_ID"] = Pid,
        ["BLOCKLET_APP_SK"] = AppKey.SecretKeyHex,
        ["BLOCKLET_APP_PK"] = AppKey.PublicKeyHex,
        ["BLOCKLET_APP_ASK"] = AccessKey.SecretKeyHex,
        ["BLOCKLET_APP_NAME"] = "Test Shop",
        ["BLOCKLET_APP_DESCRIPTION"] = "a test app",
        ["BLOCKLET_APP_URL"] = "http://127.0.0.1:8080",
        ["BLOCKLET_APP_EK"] = AccessKey.SecretKeyHex,
        ["BLOCKLET_DID"] = componentDid,
        ["BLOCKLET_COMPONENT_DID"] = componentDid,
        ["BLOCKLET_MOUNT_POINTS"] = MountPoints,
        ["BLOCKLET_HOST"] = "127.0.0.1",
        ["ABT_NODE_SERVICE_PORT"] = servicePort.ToString(CultureInfo.InvariantCulture),
        ["ABT_NODE_PORT"] = "8089",
        ["ABT_NODE_DID"] = AppKey.Generate().Address,
        ["ABT_NODE_PK"] = AppKey.Generate().PublicKeyHex,
    };

    /// <summary>The simulator's configuration: this app, its access key, and the events each component declares in its blocklet.yml.</summary>
    public Dictionary<string, string> SimulatorEnvironment(int port) => new(StringComparer.Ordinal)
    {
        ["SIM_PORT"] = port.ToString(CultureInfo.InvariantCulture),
        ["SIM_APP_PID"] = Pid,
        ["SIM_APP_DIDS"] = AppKey.Address,
        ["SIM_ACCESS_PKS"] = AccessKey.PublicKeyHex,
        ["SIM_DECLARED_EVENTS"] = JsonSerializer.Serialize(new Dictionary<string, IReadOnlyList<string>>
        {
            [PaymentKitDid] = PaymentEvents.Events.EventTypes.All,
            [NodeComponentDid] = PaymentEvents.Events.EventTypes.All,
        }),
    };

    /// <summary>An event as Payment Kit publishes it: <c>publish(type, {id, time, data: {object_type, object_id, object, previous_attributes}})</c>.</summary>
    public static string PublishCommand(JsonObject webhookBody)
    {
        var data = webhookBody["data"]!.AsObject();
        var command = new JsonObject
        {
            ["type"] = webhookBody["type"]!.GetValue<string>(),
            ["event"] = new JsonObject
            {
                ["id"] = webhookBody["id"]!.GetValue<string>(),
                ["time"] = webhookBody["created_at"]?.DeepClone() ?? "2025-02-19T03:46:42.662Z",
                ["data"] = new JsonObject
                {
                    ["object_type"] = webhookBody["object_type"]?.DeepClone(),
                    ["object_id"] = webhookBody["object_id"]?.DeepClone(),
                    ["object"] = data["object"]?.DeepClone(),
                    ["previous_attributes"] = data["previous_attributes"]?.DeepClone(),
                },
            },
        };
        return command.ToJsonString();
    }
}

/// <summary>The simulator process (restartable on the same port) and a Payment Kit component that publishes through it.</summary>
public sealed class SimulatedBlockletServer : IAsyncDisposable
{
    private readonly BlockletApp _app;
    private NodeProcess _simulator;
    private readonly Dictionary<string, NodeProcess> _publishers = new(StringComparer.Ordinal);
    private static readonly HttpClient Http = new();

    private SimulatedBlockletServer(BlockletApp app, NodeProcess simulator, int port)
    {
        _app = app;
        _simulator = simulator;
        Port = port;
    }

    public int Port { get; }

    public NodeProcess Simulator => _simulator;

    public static async Task<SimulatedBlockletServer> StartAsync(BlockletApp app)
    {
        var process = NodeProcess.Start("simulator.js", app.SimulatorEnvironment(0));
        var ready = await process.WaitForAsync(l => l.Has("ready"), what: "simulator ready");
        return new SimulatedBlockletServer(app, process, ready.GetProperty("port").GetInt32());
    }

    /// <summary>Kills the simulator (every socket drops, nothing is kept) and starts a new one on the same port.</summary>
    public async Task RestartAsync()
    {
        await _simulator.DisposeAsync();
        _simulator = NodeProcess.Start("simulator.js", _app.SimulatorEnvironment(Port));
        await _simulator.WaitForAsync(l => l.Has("ready"), what: "simulator ready after restart");
    }

    public async Task SilenceAsync()
    {
        await _simulator.SendAsync("silence");
        await _simulator.WaitForAsync(l => l.Has("silenced"), what: "silenced");
    }

    public async Task<int> SubscribersAsync()
    {
        var answer = await Http.GetFromJsonAsync<JsonElement>($"http://127.0.0.1:{Port}/_sim/subscribers?topic={Uri.EscapeDataString(_app.Topic)}");
        return answer.GetProperty("count").GetInt32();
    }

    /// <summary>Publishes with the real <c>@blocklet/sdk</c> <c>eventbus.publish()</c> as the Payment Kit component.</summary>
    public async Task PublishAsync(JsonObject webhookBody, string? asComponent = null)
    {
        var component = asComponent ?? BlockletApp.PaymentKitDid;
        if (!_publishers.TryGetValue(component, out var publisher))
        {
            publisher = NodeProcess.Start("component.js", _app.ComponentEnvironment(component, Port), "publish");
            _publishers[component] = publisher;
        }

        var id = webhookBody["id"]!.GetValue<string>();
        await publisher.SendAsync(BlockletApp.PublishCommand(webhookBody));
        var answer = await publisher.WaitForAsync(l => l.Text("published") == id || l.Text("id") == id, what: $"publish {id}");
        Assert.True(answer.Has("published"), $"publish failed: {answer}");
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var publisher in _publishers.Values)
        {
            await publisher.DisposeAsync();
        }

        await _simulator.DisposeAsync();
    }
}
