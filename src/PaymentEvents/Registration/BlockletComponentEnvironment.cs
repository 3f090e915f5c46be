using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;

namespace PaymentEvents.Registration;

/// <summary>
/// The variables Blocklet Server gives every component (<c>node</c>, <c>binary</c> and <c>docker</c> engines alike),
/// read from configuration (environment variables are configuration keys of the same name), and what follows
/// from them: the event-bus endpoint and channel, and Payment Kit's URL found the way <c>@blocklet/payment-js</c>
/// finds it (<c>component.call({ name: PAYMENT_KIT_DID })</c>: the entry of the app's component list with Payment
/// Kit's DID, its <c>webEndpoint</c> <c>http://127.0.0.1:{port}</c>, rewritten for a docker network as
/// <c>@blocklet/sdk</c> <c>util/parse-docker-endpoint.js</c> does).
/// </summary>
internal sealed partial class BlockletComponentEnvironment
{
    /// <summary>Payment Kit's blocklet DID, the same in every app (<c>@blocklet/payment-js</c> <c>lib/resource.js</c>).</summary>
    public const string PaymentKitDid = "z2qaCNvKMv5GjouKdcDWexv6WqtHbpNPQDnAk";

    /// <summary>Blocklet Server's service prefix (<c>@blocklet/sdk</c> <c>util/constants.js</c>).</summary>
    public const string ServicePrefix = "/.well-known/service";

    private BlockletComponentEnvironment(IConfiguration configuration)
    {
        AppPid = Value(configuration, "BLOCKLET_APP_PID");
        AppSk = Value(configuration, "BLOCKLET_APP_SK");
        AppAsk = Value(configuration, "BLOCKLET_APP_ASK");
        AppPk = Value(configuration, "BLOCKLET_APP_PK");
        AppUrl = Value(configuration, "BLOCKLET_APP_URL");
        ComponentDid = Value(configuration, "BLOCKLET_COMPONENT_DID");
        ServicePort = Value(configuration, "ABT_NODE_SERVICE_PORT");
        Host = Value(configuration, "BLOCKLET_HOST") ?? "127.0.0.1";
        DockerNetwork = Value(configuration, "BLOCKLET_DOCKER_NETWORK");
        Components = ReadComponents(Value(configuration, "BLOCKLET_APP_DATA_DIR"), Value(configuration, "BLOCKLET_MOUNT_POINTS"));
    }

    public string? AppPid { get; }

    public string? AppSk { get; }

    public string? AppAsk { get; }

    public string? AppPk { get; }

    public string? AppUrl { get; }

    public string? ComponentDid { get; }

    public string? ServicePort { get; }

    /// <summary><c>BLOCKLET_HOST</c>, default <c>127.0.0.1</c> (a docker component gets the host's address).</summary>
    public string Host { get; }

    public string? DockerNetwork { get; }

    /// <summary>The app's components (mount points), from the app's config file or <c>BLOCKLET_MOUNT_POINTS</c>.</summary>
    public IReadOnlyList<BlockletComponent> Components { get; }

    /// <summary>True when this process runs as a component of a Blocklet app: the variables the event bus needs are all set.</summary>
    public bool IsPresent =>
        AppPid is not null && (AppAsk ?? AppSk) is not null && ComponentDid is not null && ServicePort is not null;

    /// <summary>The Payment Kit component of this app, when the component list names it.</summary>
    public BlockletComponent? PaymentKit => Components.FirstOrDefault(c => c.Did == PaymentKitDid);

    /// <summary><c>ws://{BLOCKLET_HOST}:{ABT_NODE_SERVICE_PORT}/.well-known/service/websocket</c>, or null without a port.</summary>
    public Uri? EventBusUrl =>
        ServicePort is not null && int.TryParse(ServicePort, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is > 0 and < 65536
            ? new UriBuilder("ws", Host, port, ServicePrefix + "/websocket").Uri
            : null;

    /// <summary>Payment Kit's base URL as <c>@blocklet/payment-js</c> would call it; null when the app has no Payment Kit with a port.</summary>
    public Uri? PaymentKitUrl => PaymentKit is { } kit ? WebEndpoint(kit) : null;

    /// <summary>The public URL of <paramref name="path"/> on this component: <c>BLOCKLET_APP_URL</c> + its mount point + path.</summary>
    public Uri? PublicUrl(string path)
    {
        if (AppUrl is null || !Uri.TryCreate(AppUrl, UriKind.Absolute, out var app) || Components.FirstOrDefault(c => c.Did == ComponentDid) is not { } self)
        {
            return null;
        }

        var mount = (self.MountPoint ?? "/").Trim('/');
        var full = app.AbsoluteUri.TrimEnd('/') + (mount.Length > 0 ? "/" + mount : string.Empty) + "/" + path.TrimStart('/');
        return Uri.TryCreate(full, UriKind.Absolute, out var url) ? url : null;
    }

    /// <summary>Reads the component variables from <paramref name="configuration"/>.</summary>
    public static BlockletComponentEnvironment From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return new BlockletComponentEnvironment(configuration);
    }

    // @blocklet/sdk config.js _fillWebEndpoint + parse-docker-endpoint.js parseDockerComponentEndpoint.
    private Uri? WebEndpoint(BlockletComponent component)
    {
        if (component.Port is not { } port)
        {
            return null;
        }

        if (DockerNetwork is not null && DockerNetwork != "host")
        {
            var host = DockerHost($"{DockerNetwork}-{component.Name ?? component.Did}{(component.IsGreen ? "-green" : string.Empty)}");
            return new UriBuilder("http", host, component.ContainerPort ?? port).Uri;
        }

        return new UriBuilder("http", "127.0.0.1", port).Uri;
    }

    private static string DockerHost(string input)
    {
        var replaced = NotDockerHostCharacter().Replace(input, "-");
        var index = replaced.IndexOf("docker-network-", StringComparison.Ordinal);
        if (index >= 0)
        {
            replaced = string.Concat(replaced.AsSpan(0, index), "blocklet-", replaced.AsSpan(index + "docker-network-".Length));
        }

        return replaced.ToLowerInvariant();
    }

    [GeneratedRegex("[^a-zA-Z0-9_-]")]
    private static partial Regex NotDockerHostCharacter();

    private static string? Value(IConfiguration configuration, string key) =>
        configuration[key] is { } value && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    // As the SDK: {BLOCKLET_APP_DATA_DIR}/.config/config.json's components when the file exists, else BLOCKLET_MOUNT_POINTS.
    private static List<BlockletComponent> ReadComponents(string? appDataDir, string? mountPoints)
    {
        if (appDataDir is not null)
        {
            var file = Path.Combine(appDataDir, ".config", "config.json");
            if (File.Exists(file))
            {
                try
                {
                    using var document = JsonDocument.Parse(File.ReadAllBytes(file));
                    if (document.RootElement.ValueKind == JsonValueKind.Object
                        && document.RootElement.TryGetProperty("components", out var fromDisk))
                    {
                        return Parse(fromDisk);
                    }
                }
                catch (Exception ex) when (ex is JsonException or IOException or UnauthorizedAccessException)
                {
                    // The SDK logs and carries on with the environment's list; so do we.
                }
            }
        }

        if (mountPoints is null)
        {
            return [];
        }

        try
        {
            using var document = JsonDocument.Parse(mountPoints);
            return Parse(document.RootElement);
        }
        catch (JsonException)
        {
            return [];
        }
    }

    private static List<BlockletComponent> Parse(JsonElement list)
    {
        var components = new List<BlockletComponent>();
        if (list.ValueKind != JsonValueKind.Array)
        {
            return components;
        }

        foreach (var item in list.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.Object && Text(item, "did") is { } did)
            {
                components.Add(new BlockletComponent(did, Text(item, "name"), Text(item, "title"), Text(item, "mountPoint"), Port(item, "port"), Port(item, "containerPort"),
                    item.TryGetProperty("isGreen", out var green) && green.ValueKind == JsonValueKind.True));
            }
        }

        return components;

        static string? Text(JsonElement item, string name) =>
            item.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text ? text : null;

        static int? Port(JsonElement item, string name) =>
            item.TryGetProperty(name, out var value) switch
            {
                true when value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var n) && n is > 0 and < 65536 => n,
                true when value.ValueKind == JsonValueKind.String && int.TryParse(value.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is > 0 and < 65536 => n,
                _ => null,
            };
    }
}

/// <summary>One entry of the app's component list (<c>BLOCKLET_MOUNT_POINTS</c>).</summary>
internal sealed record BlockletComponent(string Did, string? Name, string? Title, string? MountPoint, int? Port, int? ContainerPort, bool IsGreen);
