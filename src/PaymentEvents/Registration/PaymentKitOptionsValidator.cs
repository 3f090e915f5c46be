using System.Globalization;
using System.Net;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using PaymentEvents.Protocol;

namespace PaymentEvents.Registration;

/// <summary>
/// Startup validation of <see cref="PaymentKitOptions"/>: every message names the configuration key and
/// says how to fix it. Messages never echo a secret value.
/// </summary>
internal sealed class PaymentKitOptionsValidator(IHostEnvironment? environment = null) : IValidateOptions<PaymentKitOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, PaymentKitOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        var development = environment?.IsDevelopment() ?? false;

        WalletType walletType;
        try
        {
            walletType = options.ParsedWalletType;
        }
        catch (FormatException ex)
        {
            // Report it, and still check the keys (as the default wallet) so every problem shows at once.
            failures.Add(ex.Message);
            walletType = WalletType.Arcblock;
        }

        if (!string.IsNullOrWhiteSpace(options.AppSk) && CheckSecretKey(options.AppSk, walletType) is { } skProblem)
        {
            failures.Add($"PaymentKit:AppSk is not valid hex for a {options.WalletType} secret key: {skProblem}. Use the app's BLOCKLET_APP_SK (0x followed by hex), e.g. from 'paymentevents keygen'.");
        }

        if (!string.IsNullOrWhiteSpace(options.AppPk) && CheckPublicKey("PaymentKit:AppPk", options.AppPk, walletType) is { } pkProblem)
        {
            failures.Add(pkProblem);
        }

        for (var i = 0; i < options.TrustedKeys.Count; i++)
        {
            if (CheckPublicKey(string.Create(CultureInfo.InvariantCulture, $"PaymentKit:TrustedKeys:{i}"), options.TrustedKeys[i], walletType) is { } problem)
            {
                failures.Add(problem);
            }
        }

        if (options.CallbackUrl is { } callback && CheckUrl(callback, development) is { } callbackProblem)
        {
            failures.Add($"PaymentKit:CallbackUrl {callbackProblem}");
        }

        if (options.BaseUrl is { } baseUrl && CheckUrl(baseUrl, allowHttp: true) is { } baseProblem)
        {
            failures.Add($"PaymentKit:BaseUrl {baseProblem}");
        }

        if (string.IsNullOrWhiteSpace(options.InstanceName))
        {
            failures.Add("PaymentKit:InstanceName must not be empty (it marks which endpoint is ours); leave it unset for 'default'.");
        }

        for (var i = 0; i < options.ExtraEvents.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(options.ExtraEvents[i]))
            {
                failures.Add(string.Create(CultureInfo.InvariantCulture, $"PaymentKit:ExtraEvents:{i} is empty; list event type names such as 'invoice.payment_failed'."));
            }
        }

        if (options.RecheckInterval < TimeSpan.Zero || (options.RecheckInterval > TimeSpan.Zero && options.RecheckInterval < TimeSpan.FromMinutes(1)))
        {
            failures.Add($"PaymentKit:RecheckInterval must be 00:00:00 (off) or at least 00:01:00 (got {options.RecheckInterval}).");
        }

        if (options.RegistrationEnabled)
        {
            if (string.IsNullOrWhiteSpace(options.AppSk))
            {
                failures.Add("PaymentKit:BaseUrl is set, so the webhook endpoint is registered, but PaymentKit:AppSk is missing: calls to Payment Kit must be signed with the app secret key. Set PaymentKit:AppSk, or set PaymentKit:Register=false (or unset PaymentKit:BaseUrl) to skip registration.");
            }

            if (options.CallbackUrl is null)
            {
                failures.Add("PaymentKit:BaseUrl is set, so the webhook endpoint is registered, but PaymentKit:CallbackUrl is missing: set it to the public URL Payment Kit should call (e.g. https://shop.example/api/payment/callback), or set PaymentKit:Register=false.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static string? CheckUrl(Uri url, bool allowHttp)
    {
        if (!url.IsAbsoluteUri)
        {
            return $"must be an absolute https URL (got '{url}').";
        }

        if (url.Scheme == Uri.UriSchemeHttps)
        {
            return null;
        }

        if (url.Scheme == Uri.UriSchemeHttp && (allowHttp || url.IsLoopback || IPAddress.TryParse(url.Host, out var ip) && IPAddress.IsLoopback(ip)))
        {
            return null;
        }

        return url.Scheme == Uri.UriSchemeHttp
            ? $"must be an absolute https URL (got '{url}'); plain http is allowed only for loopback hosts or in the Development environment."
            : $"must be an absolute https URL (got scheme '{url.Scheme}').";
    }

    private static string? CheckSecretKey(string hex, WalletType walletType)
    {
        if (HexProblem(hex) is { } problem)
        {
            return problem;
        }

        try
        {
            _ = AppKey.FromSecretKeyHex(hex.Trim(), walletType);
            return null;
        }
        catch (FormatException ex)
        {
            return ex.Message;
        }
    }

    private static string? CheckPublicKey(string key, string hex, WalletType walletType)
    {
        if (HexProblem(hex) is { } problem)
        {
            return $"{key} is not valid hex: {problem}. Use Payment Kit's app public key (BLOCKLET_APP_PK, 0x followed by hex).";
        }

        try
        {
            _ = TrustedKey.FromHex(key, hex.Trim(), walletType);
            return null;
        }
        catch (FormatException ex)
        {
            return $"{key} is not a valid {walletType.ToString().ToLowerInvariant()} public key: {ex.Message}";
        }
    }

    /// <summary>A cheap syntax check so the message is clear before the crypto layer looks at it.</summary>
    private static string? HexProblem(string value)
    {
        var text = value.Trim();
        if (!text.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
        {
            return "it must start with 0x";
        }

        var digits = text.AsSpan(2);
        if (digits.Length == 0 || digits.Length % 2 != 0)
        {
            return "it needs an even, non-zero number of hex digits after 0x";
        }

        foreach (var c in digits)
        {
            if (!char.IsAsciiHexDigit(c))
            {
                return "it contains a character that is not a hex digit";
            }
        }

        return null;
    }
}
