using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PaymentEvents.Protocol;

namespace PaymentEvents.Registration;

/// <summary>A development key pair and where it is stored.</summary>
/// <param name="Key">The key pair; its public key verifies deliveries signed by <c>paymentevents trigger</c>.</param>
/// <param name="FilePath">The <c>dev-key.json</c> file.</param>
/// <param name="Created">True when this call generated it.</param>
internal sealed record DevelopmentKey(AppKey Key, string FilePath, bool Created);

/// <summary>
/// In the Development environment without <c>PaymentKit:AppPk</c>/<c>AppSk</c>, the receiver trusts a key pair
/// generated once into <c>{Storage:DataDir}/dev-key.json</c> (mode 0600), so <c>paymentevents trigger</c> can sign
/// test deliveries with no setup. Never used outside Development.
/// </summary>
internal static partial class DevelopmentKeyStore
{
    /// <summary>File name inside the data directory.</summary>
    public const string FileName = "dev-key.json";

    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true };

    /// <summary>Path of the key file in <paramref name="dataDir"/>.</summary>
    public static string PathFor(string dataDir) => Path.GetFullPath(Path.Combine(dataDir, FileName));

    /// <summary>True in Development when neither <c>PaymentKit:AppPk</c> nor <c>PaymentKit:AppSk</c> is configured.</summary>
    public static bool ShouldUse(IHostEnvironment environment, PaymentKitOptions options)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(options);
        return environment.IsDevelopment() && string.IsNullOrWhiteSpace(options.AppPk) && string.IsNullOrWhiteSpace(options.AppSk);
    }

    /// <summary>Loads the key from <paramref name="dataDir"/>, generating it first when missing; logs its public key.</summary>
    public static DevelopmentKey GetOrCreate(string dataDir, ILogger? logger = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dataDir);
        var path = PathFor(dataDir);
        var existing = TryLoadFile(path);
        if (existing is not null)
        {
            if (logger is not null)
            {
                LogLoaded(logger, path, existing.Key.PublicKeyHex);
            }

            return existing;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var key = AppKey.Generate();
        var json = JsonSerializer.SerializeToUtf8Bytes(new KeyFile(key.WalletType.ToString().ToLowerInvariant(), key.SecretKeyHex, key.PublicKeyHex, key.Address), JsonOptions);
        try
        {
            var streamOptions = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
            if (!OperatingSystem.IsWindows())
            {
                // The secret key signs test deliveries: readable by the owner only.
                streamOptions.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            using (var stream = new FileStream(path, streamOptions))
            {
                stream.Write(json);
            }
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another process (a second replica, the CLI) created it first: use theirs.
            return TryLoadFile(path) ?? throw new InvalidDataException($"{path} exists but is not a development key file; delete it to generate a new one.");
        }

        if (logger is not null)
        {
            LogCreated(logger, path, key.PublicKeyHex, Path.GetDirectoryName(path)!);
        }

        return new DevelopmentKey(key, path, Created: true);
    }

    /// <summary>The key stored in <paramref name="dataDir"/>, or null when there is none.</summary>
    public static DevelopmentKey? TryLoad(string dataDir)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dataDir);
        return TryLoadFile(PathFor(dataDir));
    }

    private static DevelopmentKey? TryLoadFile(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        KeyFile? file;
        try
        {
            file = JsonSerializer.Deserialize<KeyFile>(File.ReadAllBytes(path), JsonOptions);
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{path} is not a development key file ({ex.Message}); delete it to generate a new one.", ex);
        }

        if (file?.SecretKey is null)
        {
            throw new InvalidDataException($"{path} has no secret_key; delete it to generate a new one.");
        }

        var walletType = string.Equals(file.WalletType, "ethereum", StringComparison.OrdinalIgnoreCase) ? WalletType.Ethereum : WalletType.Arcblock;
        return new DevelopmentKey(AppKey.FromSecretKeyHex(file.SecretKey, walletType), path, Created: false);
    }

    private sealed record KeyFile(
        [property: JsonPropertyName("wallet_type")] string? WalletType,
        [property: JsonPropertyName("secret_key")] string? SecretKey,
        [property: JsonPropertyName("public_key")] string? PublicKey,
        [property: JsonPropertyName("address")] string? Address);

    [LoggerMessage(EventId = 5010, Level = LogLevel.Warning, Message = "Development: generated a signing key pair at {Path} and trust its public key {PublicKey} for deliveries. Once listening, this app logs the 'paymentevents trigger' command for its own address (keys from --data-dir {DataDir}). Configure PaymentKit:AppPk for real deliveries")]
    private static partial void LogCreated(ILogger logger, string path, string publicKey, string dataDir);

    [LoggerMessage(EventId = 5011, Level = LogLevel.Information, Message = "Development: trusting the key pair in {Path} (public key {PublicKey}); 'paymentevents trigger' signs with it")]
    private static partial void LogLoaded(ILogger logger, string path, string publicKey);
}
