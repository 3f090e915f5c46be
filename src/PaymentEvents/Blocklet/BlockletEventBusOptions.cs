namespace PaymentEvents.Blocklet;

/// <summary>
/// Configuration section <c>EventBus</c>: the connector to the Blocklet app's event bus (docs/protocol.md §6).
/// Inside a Blocklet app every value that is not set comes from the component environment
/// (<see cref="Registration.BlockletComponentEnvironment"/>); explicit configuration always wins.
/// </summary>
public sealed class BlockletEventBusOptions
{
    /// <summary>Configuration section: <c>EventBus</c>.</summary>
    public const string SectionName = "EventBus";

    /// <summary>Connect to the bus. Unset: on exactly when the Blocklet component variables are present.</summary>
    public bool? Enabled { get; set; }

    /// <summary>
    /// Component DIDs whose events are accepted (the bus does not sign events; its <c>source</c> names the
    /// publisher). Unset: the app's Payment Kit component when the environment's mount points name it.
    /// </summary>
    public IList<string> TrustedSources { get; } = [];

    /// <summary>
    /// Blocklet Server's websocket, without query. Unset:
    /// <c>ws://{BLOCKLET_HOST}:{ABT_NODE_SERVICE_PORT}/.well-known/service/websocket</c>.
    /// </summary>
    public Uri? Url { get; set; }

    /// <summary>The app's permanent DID, which names the channel <c>app:{AppPid}:eventbus</c>. Unset: <c>BLOCKLET_APP_PID</c>.</summary>
    public string? AppPid { get; set; }

    /// <summary>
    /// 0x-hex secret key of the app's access wallet that signs the connection token.
    /// Unset: <c>BLOCKLET_APP_ASK</c>, then <c>BLOCKLET_APP_SK</c>, then <c>PaymentKit:AppSk</c> (as the SDK falls back).
    /// </summary>
    public string? AccessSk { get; set; }

    /// <summary>This component's DID; its own events are skipped (as the SDK does). Unset: <c>PaymentKit:ComponentDid</c>.</summary>
    public string? ComponentDid { get; set; }

    /// <summary>Heartbeat period; a heartbeat not answered by the next one means the socket is dead (phoenix's rule). Default 10 s, as the SDK.</summary>
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long connecting and joining may take before the attempt counts as failed. Default 10 s.</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>First wait before reconnecting; grows exponentially with jitter (Polly) up to <see cref="ReconnectMaxDelay"/>. Default 1 s.</summary>
    public TimeSpan ReconnectBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest wait between reconnect attempts. Default 30 s.</summary>
    public TimeSpan ReconnectMaxDelay { get; set; } = TimeSpan.FromSeconds(30);
}
