using System.ComponentModel;
using System.Text;
using System.Text.Json;
using PaymentEvents.Cli.Infrastructure;
using Spectre.Console;
using Spectre.Console.Cli;

namespace PaymentEvents.Cli.Commands;

/// <summary><c>sign</c>: signature headers for a JSON file, and a curl command that sends it.</summary>
internal sealed class SignCommand(CliEnvironment environment) : Command<SignCommand.Settings>
{
    internal sealed class Settings : SigningSettings
    {
        [CommandArgument(0, "<FILE>")]
        [Description("The JSON body to sign")]
        public string File { get; init; } = "";

        [CommandOption("-u|--url <URL>")]
        [Description("The URL it will be sent to (its path and query are signed)")]
        public string? Url { get; init; }

        [CommandOption("-X|--method <METHOD>")]
        [Description("HTTP method (default POST)")]
        public string Method { get; init; } = "POST";
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var url = Keys.ParseUrl(settings.Url, "--url");
        if (!System.IO.File.Exists(settings.File))
        {
            throw new CliException($"{settings.File} does not exist.");
        }

        var body = System.IO.File.ReadAllBytes(settings.File);
        try
        {
            using var _ = JsonDocument.Parse(body);
        }
        catch (JsonException ex)
        {
            throw new CliException($"{settings.File} is not JSON: {ex.Message}");
        }

        var signing = Keys.ResolveSigningKey(settings.Key, settings.DataDir, settings.WalletType, environment);
        signing.Announce(environment);
        var key = signing.Key;
        var headers = Signing.ToList(Signing.Sign(key, environment.TimeProvider, url, body, settings.V0, settings.Method));
        if (settings.Json)
        {
            environment.Out.WriteLine(JsonSerializer.Serialize(new
            {
                method = settings.Method.ToUpperInvariant(),
                url = url.AbsoluteUri,
                headers = headers.ToDictionary(h => h.Key, h => h.Value, StringComparer.Ordinal),
            }));
            return 0;
        }

        foreach (var (name, value) in headers)
        {
            environment.Out.WriteLine($"{name}: {value}");
        }

        var curl = new StringBuilder($"curl -sS -X {settings.Method.ToUpperInvariant()} '{url.AbsoluteUri}' -H 'content-type: application/json'");
        foreach (var (name, value) in headers)
        {
            curl.Append($" -H '{name}: {value}'");
        }

        curl.Append($" --data-binary @'{settings.File}'");
        if (environment.IsTerminal)
        {
            environment.Console.MarkupLine("[grey]# V1 signatures expire after 300 s[/]");
        }

        environment.Out.WriteLine();
        environment.Out.WriteLine(curl.ToString());
        return 0;
    }
}
