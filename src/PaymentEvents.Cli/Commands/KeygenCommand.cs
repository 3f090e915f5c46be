using System.ComponentModel;
using System.Text.Json;
using PaymentEvents.Cli.Infrastructure;
using PaymentEvents.Protocol;
using Spectre.Console;
using Spectre.Console.Cli;

namespace PaymentEvents.Cli.Commands;

/// <summary><c>keygen</c>: a new app key pair as configuration lines (env-var form) or JSON.</summary>
internal sealed class KeygenCommand(CliEnvironment environment) : Command<KeygenCommand.Settings>
{
    internal sealed class Settings : CommandSettings
    {
        [CommandOption("-t|--type <TYPE>")]
        [Description("arcblock (Ed25519 + SHA3, default) or ethereum (secp256k1 + Keccak)")]
        public string? Type { get; init; }

        [CommandOption("--json")]
        [Description("Print JSON instead of configuration lines")]
        public bool Json { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var type = Keys.ParseWalletType(settings.Type);
        var key = AppKey.Generate(type);
        var typeName = type.ToString().ToLowerInvariant();
        if (settings.Json)
        {
            environment.Out.WriteLine(JsonSerializer.Serialize(new
            {
                wallet_type = typeName,
                did = key.Address,
                app_sk = key.SecretKeyHex,
                app_pk = key.PublicKeyHex,
            }));
            return 0;
        }

        if (environment.IsTerminal)
        {
            environment.Console.MarkupLine($"[grey]# {typeName} key pair, DID [bold]{Markup.Escape(key.Address)}[/]. Keep AppSk secret; give AppPk to the receiver.[/]");
        }
        else
        {
            environment.Out.WriteLine($"# {typeName} key pair, DID {key.Address}");
        }

        // Lines in the env-var form of the configuration keys (docs/configuration.md), ready for a .env file.
        environment.Out.WriteLine($"PaymentKit__WalletType={typeName}");
        environment.Out.WriteLine($"PaymentKit__AppSk={key.SecretKeyHex}");
        environment.Out.WriteLine($"PaymentKit__AppPk={key.PublicKeyHex}");
        return 0;
    }
}
