namespace PaymentEvents.Registration;

/// <summary>
/// Configuration section <c>PaymentKit</c> (every key: docs/configuration.md). Inside a Blocklet app the component
/// variables supply what is not configured; bad values stop the start naming the key.
/// </summary>
public sealed class PaymentKitOptions
{
    /// <summary>Configuration section: <c>PaymentKit</c>.</summary>
    public const string SectionName = "PaymentKit";

    /// <summary>Metadata key/value that marks an endpoint as ours (with <c>instance</c> = <see cref="InstanceName"/>).</summary>
    public const string ManagedByKey = "managed_by";

    /// <summary>Value of <see cref="ManagedByKey"/> on endpoints this service registered.</summary>
    public const string ManagedByValue = "payment-events";

    /// <summary>Metadata key holding <see cref="InstanceName"/>.</summary>
    public const string InstanceKey = "instance";

    /// <summary>Payment Kit's app public key (0x hex) used to verify deliveries.</summary>
    public string? AppPk { get; set; }

    /// <summary>Extra trusted public keys, for rotation.</summary>
    public IList<string> TrustedKeys { get; } = [];

    /// <summary><c>arcblock</c> (default) or <c>ethereum</c>.</summary>
    public string WalletType { get; set; } = "arcblock";

    /// <summary>App secret key (0x hex) used to sign calls to Payment Kit; AppPk is derived from it when unset.</summary>
    public string? AppSk { get; set; }

    /// <summary>Sent as <c>x-component-did</c> on calls to Payment Kit.</summary>
    public string? ComponentDid { get; set; }

    /// <summary>Payment Kit's base URL, possibly with a mount path. Unset: no registration.</summary>
    public Uri? BaseUrl { get; set; }

    /// <summary>The public URL Payment Kit calls.</summary>
    public Uri? CallbackUrl { get; set; }

    /// <summary><c>PaymentKit:Livemode</c>: sent as <c>livemode</c> on calls to Payment Kit (registration).</summary>
    public bool Livemode { get; set; }

    /// <summary>Register (create or update) our webhook endpoint at startup when <see cref="BaseUrl"/> is set. Default true.</summary>
    public bool Register { get; set; } = true;

    /// <summary>
    /// Names this deployment in the endpoint's metadata marker, so several deployments (staging, a second
    /// service) of one app each manage only their own endpoint. Default <c>default</c>.
    /// </summary>
    public string InstanceName { get; set; } = "default";

    /// <summary>Event types to subscribe to in addition to the ones handlers handle.</summary>
    public IList<string> ExtraEvents { get; } = [];

    /// <summary>
    /// Subscribe to every event (<c>["*"]</c>) when a catch-all handler exists. Off by default: the
    /// endpoint then lists the handled types explicitly.
    /// </summary>
    public bool SubscribeAll { get; set; }

    /// <summary>
    /// After registering, check the endpoint again this often (re-enabling or re-creating it if someone disabled
    /// or deleted it). Default 1 h; <c>00:00:00</c> turns re-checks off.
    /// </summary>
    public TimeSpan RecheckInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// The wallet type parsed from <see cref="WalletType"/> by <see cref="Protocol.WalletTypes.Parse"/>, the one parser
    /// the receiver's key ring uses too; throws <see cref="FormatException"/> naming the key (validated at startup).
    /// </summary>
    public Protocol.WalletType ParsedWalletType => Protocol.WalletTypes.Parse(WalletType, $"{SectionName}:WalletType");

    /// <summary>True when registration should run: enabled and a <see cref="BaseUrl"/> is configured.</summary>
    public bool RegistrationEnabled => Register && BaseUrl is not null;
}
