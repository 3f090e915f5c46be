using PaymentEvents.Protocol;
using PaymentEvents.Registration;

namespace PaymentEvents.Cli.Infrastructure;

/// <summary>Parsing of wallet types and keys given on the command line, with messages naming the option.</summary>
internal static class Keys
{
    public static WalletType ParseWalletType(string? value, string option = "--type")
    {
        try
        {
            return WalletTypes.Parse(value, option);
        }
        catch (FormatException ex)
        {
            throw new CliException(ex.Message);
        }
    }

    public static AppKey ParseSecretKey(string hex, WalletType walletType, string option)
    {
        try
        {
            return AppKey.FromSecretKeyHex(hex.Trim(), walletType);
        }
        catch (FormatException ex)
        {
            throw new CliException($"{option} is not a valid {walletType.ToString().ToLowerInvariant()} secret key: {ex.Message} Expected 0x followed by hex (e.g. the PaymentKit__AppSk line of 'paymentevents keygen').");
        }
    }

    public static TrustedKey ParsePublicKey(string hex, WalletType walletType, string option)
    {
        try
        {
            return TrustedKey.FromHex(option, hex.Trim(), walletType);
        }
        catch (FormatException ex)
        {
            throw new CliException($"{option} is not a valid {walletType.ToString().ToLowerInvariant()} public key: {ex.Message} Expected 0x followed by hex.");
        }
    }

    /// <summary>
    /// The signing key and where it came from: <c>--key</c>, else <c>PaymentKit__AppSk</c>, else the receiver's
    /// development key in the data directory.
    /// </summary>
    public static SigningKey ResolveSigningKey(string? key, string? dataDir, string? walletType, CliEnvironment environment)
    {
        var type = ParseWalletType(walletType, "--wallet-type");
        if (!string.IsNullOrWhiteSpace(key))
        {
            return new SigningKey(ParseSecretKey(key, type, "--key"), "--key", DevelopmentKeyFile: null);
        }

        var fromEnv = environment.GetEnvironmentVariable("PaymentKit__AppSk");
        if (dataDir is null && !string.IsNullOrWhiteSpace(fromEnv))
        {
            return new SigningKey(ParseSecretKey(fromEnv, type, "PaymentKit__AppSk"), "the PaymentKit__AppSk environment variable", DevelopmentKeyFile: null);
        }

        // No --data-dir: the places a receiver started with defaults keeps its development key. `dotnet run
        // --project src/PaymentEvents.Api` runs in the project directory, so a repo checkout has it there.
        string[] candidates = dataDir is not null
            ? [dataDir]
            : [.. new[] { environment.GetEnvironmentVariable("Storage__DataDir"), "./data", "./src/PaymentEvents.Api/data" }.OfType<string>()];
        foreach (var dir in candidates)
        {
            try
            {
                if (DevelopmentKeyStore.TryLoad(dir) is { } devKey)
                {
                    return new SigningKey(devKey.Key, $"the development key {devKey.FilePath}", devKey.FilePath);
                }
            }
            catch (InvalidDataException ex)
            {
                throw new CliException(ex.Message);
            }
        }

        throw new CliException(
            $"No signing key: no dev-key.json in {string.Join(", ", candidates.Select(DevelopmentKeyStore.PathFor))}. Pass --key 0x<secret key>, set PaymentKit__AppSk, " +
            "or start the receiver once in Development (it creates dev-key.json in Storage:DataDir) and point --data-dir at that directory.");
    }

    public static Uri ParseUrl(string? value, string option)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new CliException($"{option} is required.");
        }

        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw new CliException($"{option} must be an absolute http(s) URL (got '{value}').");
        }

        return uri;
    }
}

/// <summary>A resolved signing key, where it was found, and the development key file when it is one.</summary>
internal sealed record SigningKey(AppKey Key, string Source, string? DevelopmentKeyFile)
{
    /// <summary>
    /// Said on stderr before anything is signed, so a key left over from development is never used unnoticed
    /// (stdout stays the command's output, JSON included).
    /// </summary>
    public void Announce(CliEnvironment environment)
    {
        var trusted = DevelopmentKeyFile is null
            ? "the receiver must trust this public key (PaymentKit:AppPk or PaymentKit:TrustedKeys)"
            : "a receiver trusts it only in Development without PaymentKit:AppPk; pass --key or set PaymentKit__AppSk for any other";
        environment.Error.WriteLine($"Signing with {Key.Address} (public key {Key.PublicKeyHex}) from {Source}: {trusted}.");
    }
}
