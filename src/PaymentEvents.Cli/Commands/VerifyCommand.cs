using System.ComponentModel;
using System.Text.Json;
using PaymentEvents.Cli.Infrastructure;
using PaymentEvents.Protocol;
using Spectre.Console;
using Spectre.Console.Cli;

namespace PaymentEvents.Cli.Commands;

/// <summary><c>verify</c>: runs the receiver's verifier over a captured request and says why it is (not) valid.</summary>
internal sealed class VerifyCommand(CliEnvironment environment) : Command<VerifyCommand.Settings>
{
    internal sealed class Settings : CommandSettings
    {
        [CommandOption("--headers <FILE>")]
        [Description("Request headers: 'Name: value' lines (curl -D / raw HTTP) or a JSON object")]
        public string? Headers { get; init; }

        [CommandOption("--body <FILE>")]
        [Description("The raw request body")]
        public string? Body { get; init; }

        [CommandOption("-u|--url <URL>")]
        [Description("The URL the sender called (its path and query are part of a V1 signature)")]
        public string? Url { get; init; }

        [CommandOption("--pk <HEX>")]
        [Description("The sender's app public key (0x hex)")]
        public string? PublicKey { get; init; }

        [CommandOption("--wallet-type <TYPE>")]
        [Description("arcblock (default) or ethereum")]
        public string? WalletType { get; init; }

        [CommandOption("-X|--method <METHOD>")]
        [Description("HTTP method (default POST)")]
        public string Method { get; init; } = "POST";

        [CommandOption("--allow-v0")]
        [Description("Accept V0 (body-only) signatures")]
        public bool AllowV0 { get; init; }

        [CommandOption("--at <UNIX_SECONDS>")]
        [Description("Judge expiry as of this time instead of now (for old captures)")]
        public long? At { get; init; }

        [CommandOption("--json")]
        [Description("Machine-readable output")]
        public bool Json { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var url = Keys.ParseUrl(settings.Url, "--url");
        if (string.IsNullOrWhiteSpace(settings.PublicKey))
        {
            throw new CliException("--pk is required (the sender's app public key, 0x hex).");
        }

        var walletType = Keys.ParseWalletType(settings.WalletType, "--wallet-type");
        var key = Keys.ParsePublicKey(settings.PublicKey, walletType, "--pk");
        var headers = ReadHeaders(settings.Headers ?? throw new CliException("--headers is required."));
        var body = ReadFile(settings.Body ?? throw new CliException("--body is required."), "--body");

        var time = settings.At is { } at ? new FixedTimeProvider(DateTimeOffset.FromUnixTimeSeconds(at)) : environment.TimeProvider;
        var verifier = new SignatureVerifier(new KeyRing([key]), new SignatureVerifierOptions { AllowV0 = settings.AllowV0 }, time);
        var request = new SignedRequest(settings.Method, url.AbsolutePath, url.Query.Length > 1 ? url.Query[1..] : null, body, headers);
        var result = verifier.Verify(request);

        if (settings.Json)
        {
            environment.Out.WriteLine(JsonSerializer.Serialize(new
            {
                status = result.Status.ToString(),
                valid = result.IsValid,
                version = result.Version?.ToString(),
                matched_path = result.MatchedPath,
                reason = result.Reason,
            }));
        }
        else
        {
            var colour = result.IsValid ? "green" : "red";
            environment.Console.MarkupLine($"[{colour}]{result.Status}[/] {Markup.Escape(result.Reason)}");
        }

        return result.IsValid ? 0 : CliApp.Failure;
    }

    private static byte[] ReadFile(string path, string option)
        => File.Exists(path) ? File.ReadAllBytes(path) : throw new CliException($"{option}: {path} does not exist.");

    /// <summary>Reads the x-component-* headers from 'Name: value' lines or a JSON object; other headers are ignored.</summary>
    internal static SignatureHeaders ReadHeaders(string path)
    {
        var text = System.Text.Encoding.UTF8.GetString(ReadFile(path, "--headers")).Trim();
        var map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (text.StartsWith('{'))
        {
            try
            {
                using var doc = JsonDocument.Parse(text);
                foreach (var property in doc.RootElement.EnumerateObject())
                {
                    map[property.Name] = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString()! : property.Value.GetRawText();
                }
            }
            catch (JsonException ex)
            {
                throw new CliException($"--headers: {path} looks like JSON but is not: {ex.Message}");
            }
        }
        else
        {
            foreach (var line in text.Split('\n'))
            {
                var colon = line.IndexOf(':', StringComparison.Ordinal);
                if (colon > 0)
                {
                    map[line[..colon].Trim()] = line[(colon + 1)..].Trim();
                }
            }
        }

        return new SignatureHeaders(
            map.GetValueOrDefault(SignatureHeaders.SignatureHeader),
            map.GetValueOrDefault(SignatureHeaders.IssuedAtHeader),
            map.GetValueOrDefault(SignatureHeaders.ExpiresAtHeader),
            map.GetValueOrDefault(SignatureHeaders.VersionHeader),
            map.GetValueOrDefault(SignatureHeaders.ComponentDidHeader));
    }

    /// <summary>A clock stopped at one instant, for judging an old capture.</summary>
    private sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
