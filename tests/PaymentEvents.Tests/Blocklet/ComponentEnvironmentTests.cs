using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PaymentEvents.Blocklet;
using PaymentEvents.Protocol;
using PaymentEvents.Registration;

namespace PaymentEvents.Tests.Blocklet;

/// <summary>What the component variables supply (docs/protocol.md §6), and that explicit configuration always wins.</summary>
public sealed class ComponentEnvironmentTests
{
    private const string PaymentKit = BlockletComponentEnvironment.PaymentKitDid;
    private static readonly AppKey App = AppKey.Generate();
    private static readonly AppKey Access = AppKey.Generate();
    private static readonly string Self = AppKey.Generate().Address;

    private static Dictionary<string, string?> Component(string? mountPoints = null) => new()
    {
        ["BLOCKLET_APP_PID"] = App.Address,
        ["BLOCKLET_APP_SK"] = App.SecretKeyHex,
        ["BLOCKLET_APP_PK"] = App.PublicKeyHex,
        ["BLOCKLET_APP_ASK"] = Access.SecretKeyHex,
        ["BLOCKLET_APP_URL"] = "https://shop.example",
        ["BLOCKLET_COMPONENT_DID"] = Self,
        ["ABT_NODE_SERVICE_PORT"] = "40404",
        ["BLOCKLET_HOST"] = "172.17.0.1",
        ["BLOCKLET_MOUNT_POINTS"] = mountPoints ?? JsonSerializer.Serialize(new object[]
        {
            new { did = PaymentKit, name = "payment-kit", mountPoint = "/payment", port = 8190, containerPort = 3030 },
            new { did = Self, name = "payment-events", mountPoint = "/events/", port = 8191 },
        }),
    };

    private static (PaymentKitOptions PaymentKit, BlockletEventBusOptions Bus) Resolve(Dictionary<string, string?> settings)
    {
        using var provider = Build(settings);
        return (provider.GetRequiredService<IOptions<PaymentKitOptions>>().Value, provider.GetRequiredService<IOptions<BlockletEventBusOptions>>().Value);
    }

    private static OptionsValidationException StartupFailure(Dictionary<string, string?> settings)
    {
        using var provider = Build(settings);
        return Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<BlockletEventBusOptions>>().Value);
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddOptions<PaymentKitOptions>().Bind(configuration.GetSection("PaymentKit"));
        services.AddBlockletEventBus(configuration);
        return services.BuildServiceProvider();
    }

    [Fact]
    public void Inside_a_blocklet_app_the_variables_supply_every_default()
    {
        var (paymentKit, bus) = Resolve(Component());

        Assert.Equal(App.PublicKeyHex, paymentKit.AppPk);
        Assert.Equal(App.SecretKeyHex, paymentKit.AppSk);
        Assert.Equal(Self, paymentKit.ComponentDid);
        Assert.Equal(new Uri("http://127.0.0.1:8190/"), paymentKit.BaseUrl);
        Assert.Equal(new Uri("https://shop.example/events/api/payment/callback"), paymentKit.CallbackUrl);
        Assert.True(paymentKit.Register);

        Assert.True(bus.Enabled);
        Assert.Equal(new Uri("ws://172.17.0.1:40404/.well-known/service/websocket"), bus.Url);
        Assert.Equal(App.Address, bus.AppPid);
        Assert.Equal(Access.SecretKeyHex, bus.AccessSk); // BLOCKLET_APP_ASK before BLOCKLET_APP_SK, as getAccessWallet
        Assert.Equal(Self, bus.ComponentDid);
        Assert.Equal([PaymentKit], bus.TrustedSources);
    }

    [Fact]
    public void Explicit_configuration_wins_over_every_variable()
    {
        var other = AppKey.Generate();
        var settings = Component();
        settings["PaymentKit:AppPk"] = other.PublicKeyHex;
        settings["PaymentKit:BaseUrl"] = "https://pay.example/payment-kit";
        settings["PaymentKit:CallbackUrl"] = "https://shop.example/hooks";
        settings["PaymentKit:ComponentDid"] = "zExplicit";
        settings["EventBus:Enabled"] = "false";
        settings["EventBus:TrustedSources:0"] = "zSomeoneElse";
        settings["EventBus:AccessSk"] = other.SecretKeyHex;
        var (paymentKit, bus) = Resolve(settings);

        Assert.Equal(other.PublicKeyHex, paymentKit.AppPk);
        Assert.Equal(new Uri("https://pay.example/payment-kit"), paymentKit.BaseUrl);
        Assert.Equal(new Uri("https://shop.example/hooks"), paymentKit.CallbackUrl);
        Assert.Equal("zExplicit", paymentKit.ComponentDid);
        Assert.False(bus.Enabled);
        Assert.Equal(["zSomeoneElse"], bus.TrustedSources);
        Assert.Equal(other.SecretKeyHex, bus.AccessSk);
        Assert.Equal("zExplicit", bus.ComponentDid);
    }

    [Fact]
    public void Outside_a_blocklet_app_nothing_changes_and_the_bus_is_off()
    {
        var (paymentKit, bus) = Resolve([]);

        Assert.Null(paymentKit.AppPk);
        Assert.Null(paymentKit.BaseUrl);
        Assert.False(bus.Enabled);
        Assert.Empty(bus.TrustedSources);
    }

    [Fact]
    public void Without_payment_kit_among_the_components_no_source_is_trusted_and_nothing_is_registered()
    {
        var (paymentKit, bus) = Resolve(Component(JsonSerializer.Serialize(new object[] { new { did = Self, mountPoint = "/", port = 8191 } })));

        Assert.True(bus.Enabled);
        Assert.Empty(bus.TrustedSources);
        Assert.Null(paymentKit.BaseUrl);
    }

    [Fact]
    public void Without_the_app_url_the_callback_cannot_be_derived_so_the_default_base_url_does_not_register()
    {
        var settings = Component();
        settings.Remove("BLOCKLET_APP_URL");
        var (paymentKit, _) = Resolve(settings);
        Assert.Equal(new Uri("http://127.0.0.1:8190/"), paymentKit.BaseUrl);
        Assert.Null(paymentKit.CallbackUrl);
        Assert.False(paymentKit.Register);

        settings["PaymentKit:Register"] = "true"; // said explicitly: kept, and startup validation names CallbackUrl
        Assert.True(Resolve(settings).PaymentKit.Register);
    }

    [Fact]
    public void A_docker_network_rewrites_payment_kits_endpoint_as_the_sdk_does()
    {
        var settings = Component();
        settings["BLOCKLET_DOCKER_NETWORK"] = "docker-network-zApp1";
        var (paymentKit, _) = Resolve(settings);

        // parseDockerComponentEndpoint: host "{network}-{name}" made DNS-safe, "docker-network-" -> "blocklet-", container port.
        Assert.Equal(new Uri("http://blocklet-zapp1-payment-kit:3030/"), paymentKit.BaseUrl);
    }

    [Fact]
    public void The_apps_config_file_lists_the_components_before_the_mount_points_variable()
    {
        var dataDir = Directory.CreateTempSubdirectory("paymentevents-blocklet-");
        try
        {
            Directory.CreateDirectory(Path.Combine(dataDir.FullName, ".config"));
            File.WriteAllText(Path.Combine(dataDir.FullName, ".config", "config.json"), JsonSerializer.Serialize(new
            {
                components = new object[] { new { did = PaymentKit, name = "payment-kit", port = 9999 } },
            }));
            var settings = Component();
            settings["BLOCKLET_APP_DATA_DIR"] = dataDir.FullName;

            Assert.Equal(new Uri("http://127.0.0.1:9999/"), Resolve(settings).PaymentKit.BaseUrl);
        }
        finally
        {
            dataDir.Delete(recursive: true);
        }
    }

    [Fact]
    public void Enabled_without_the_variables_fails_at_startup_naming_each_missing_key()
    {
        var error = StartupFailure(new Dictionary<string, string?> { ["EventBus:Enabled"] = "true" });
        Assert.Contains(error.Failures, f => f.StartsWith("EventBus:Enabled is true but EventBus:Url is not set", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.Contains("EventBus:AppPid", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.Contains("EventBus:AccessSk", StringComparison.Ordinal));
    }

    [Fact]
    public void A_bad_access_key_and_interval_are_named()
    {
        var settings = Component();
        settings["EventBus:AccessSk"] = "0x1234";
        settings["EventBus:HeartbeatInterval"] = "00:00:00";
        var error = StartupFailure(settings);
        Assert.Contains(error.Failures, f => f.StartsWith("EventBus:AccessSk is not an Ed25519 secret key", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.StartsWith("EventBus:HeartbeatInterval", StringComparison.Ordinal));
    }
}
