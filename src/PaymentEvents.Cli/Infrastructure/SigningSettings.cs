using System.ComponentModel;
using Spectre.Console.Cli;

namespace PaymentEvents.Cli.Infrastructure;

/// <summary>Options shared by commands that sign: where the secret key comes from.</summary>
internal class SigningSettings : CommandSettings
{
    [CommandOption("-k|--key <SK>")]
    [Description("App secret key (0x hex). Default: PaymentKit__AppSk, else the receiver's development key in --data-dir")]
    public string? Key { get; init; }

    [CommandOption("--data-dir <DIR>")]
    [Description("Where the receiver keeps dev-key.json (Storage:DataDir). Default: $Storage__DataDir, ./data, then ./src/PaymentEvents.Api/data")]
    public string? DataDir { get; init; }

    [CommandOption("--wallet-type <TYPE>")]
    [Description("arcblock (default) or ethereum, for --key")]
    public string? WalletType { get; init; }

    [CommandOption("--v0")]
    [Description("Sign the old V0 way (body only, no expiry); the receiver must allow it (Webhooks:AllowV0Signatures)")]
    public bool V0 { get; init; }

    [CommandOption("--json")]
    [Description("Machine-readable output")]
    public bool Json { get; init; }
}
