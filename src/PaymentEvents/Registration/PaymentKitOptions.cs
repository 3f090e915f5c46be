namespace PaymentEvents.Registration;

// CONTRACT (skeleton): keys from shared INTERFACE.md; the registration helper adds validation.

/// <summary>Configuration section <c>PaymentKit</c>.</summary>
public sealed class PaymentKitOptions
{
    public const string SectionName = "PaymentKit";

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

    public bool Livemode { get; set; }
}
