using Microsoft.Extensions.Options;
using PaymentEvents.Protocol;
using PaymentEvents.Registration;

namespace PaymentEvents.Blocklet;

/// <summary>Refuses a bad <c>EventBus:*</c> configuration at startup, naming the key (and the component variable that would supply it).</summary>
internal sealed class BlockletEventBusOptionsValidator : IValidateOptions<BlockletEventBusOptions>
{
    private const string S = BlockletEventBusOptions.SectionName;

    public ValidateOptionsResult Validate(string? name, BlockletEventBusOptions options)
    {
        var errors = new List<string>();
        if (options.HeartbeatInterval < TimeSpan.FromMilliseconds(50) || options.HeartbeatInterval > TimeSpan.FromMinutes(5))
        {
            errors.Add($"{S}:HeartbeatInterval must be between 00:00:00.05 and 00:05:00 (is {options.HeartbeatInterval}); Blocklet Server drops sockets silent for 300 s.");
        }

        if (options.ConnectTimeout <= TimeSpan.Zero)
        {
            errors.Add($"{S}:ConnectTimeout must be positive (is {options.ConnectTimeout}).");
        }

        if (options.ReconnectBaseDelay <= TimeSpan.Zero || options.ReconnectMaxDelay < options.ReconnectBaseDelay)
        {
            errors.Add($"{S}:ReconnectBaseDelay must be positive and {S}:ReconnectMaxDelay at least as long (are {options.ReconnectBaseDelay} and {options.ReconnectMaxDelay}).");
        }

        for (var i = 0; i < options.TrustedSources.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(options.TrustedSources[i]))
            {
                errors.Add($"{S}:TrustedSources:{i} is empty; list component DIDs such as {BlockletComponentEnvironment.PaymentKitDid} (Payment Kit).");
            }
        }

        if (options.Enabled != true)
        {
            return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
        }

        if (options.Url is null)
        {
            errors.Add($"{S}:Enabled is true but {S}:Url is not set and ABT_NODE_SERVICE_PORT is missing: set {S}:Url to ws://<host>:<service port>/.well-known/service/websocket, or run as a Blocklet component.");
        }
        else if (!options.Url.IsAbsoluteUri || options.Url.Scheme is not ("ws" or "wss"))
        {
            errors.Add($"{S}:Url must be an absolute ws:// or wss:// URL (got '{options.Url}').");
        }

        if (string.IsNullOrWhiteSpace(options.AppPid))
        {
            errors.Add($"{S}:Enabled is true but {S}:AppPid is not set and BLOCKLET_APP_PID is missing: set it to the app's permanent DID.");
        }

        if (string.IsNullOrWhiteSpace(options.AccessSk))
        {
            errors.Add($"{S}:Enabled is true but no access key is known: set {S}:AccessSk (or BLOCKLET_APP_ASK / BLOCKLET_APP_SK / PaymentKit:AppSk) to the app's access wallet secret key.");
        }
        else
        {
            try
            {
                _ = AppKey.FromSecretKeyHex(options.AccessSk.Trim(), WalletType.Arcblock);
            }
            catch (FormatException ex)
            {
                errors.Add($"{S}:AccessSk is not an Ed25519 secret key (0x + 64 bytes hex, as BLOCKLET_APP_ASK): {ex.Message}");
            }
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
