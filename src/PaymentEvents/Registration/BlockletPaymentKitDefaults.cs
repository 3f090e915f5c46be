using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace PaymentEvents.Registration;

/// <summary>
/// Inside a Blocklet app, the component variables (<see cref="BlockletComponentEnvironment"/>) are the defaults of
/// <c>PaymentKit:*</c>: <c>AppPk</c>, <c>AppSk</c>, <c>ComponentDid</c>, <c>BaseUrl</c> and <c>CallbackUrl</c>. Only
/// what is not configured is filled; explicit configuration always wins.
/// </summary>
internal sealed class BlockletPaymentKitDefaults(BlockletComponentEnvironment environment, IConfiguration configuration)
    : IPostConfigureOptions<PaymentKitOptions>
{
    /// <summary>
    /// <c>Webhooks:Path</c>'s default (the receiver's <c>WebhookOptions.Path</c>; a test keeps the two equal). Read
    /// here from configuration rather than from the receiver's options, so registration does not depend on the receiver.
    /// </summary>
    internal const string DefaultCallbackPath = "/api/payment/callback";

    public void PostConfigure(string? name, PaymentKitOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var callbackPath = configuration["Webhooks:Path"] is { Length: > 0 } path ? path : DefaultCallbackPath;

        // Payment Kit signs its webhooks with the app's wallet (BLOCKLET_APP_SK), so its public key is BLOCKLET_APP_PK.
        options.AppPk = Blank(options.AppPk) ? environment.AppPk : options.AppPk;
        options.AppSk = Blank(options.AppSk) ? environment.AppSk : options.AppSk;
        options.ComponentDid = Blank(options.ComponentDid) ? environment.ComponentDid : options.ComponentDid;
        if (options.BaseUrl is null && environment.PaymentKitUrl is { } paymentKit)
        {
            options.BaseUrl = paymentKit;
            options.CallbackUrl ??= environment.PublicUrl(callbackPath);
            if (options.CallbackUrl is null && configuration[$"{PaymentKitOptions.SectionName}:Register"] is null)
            {
                // Registration needs our public URL; without BLOCKLET_APP_URL it cannot be derived, so do not let the
                // default BaseUrl turn a zero-configuration start into a startup error.
                options.Register = false;
            }
        }
    }

    private static bool Blank(string? value) => string.IsNullOrWhiteSpace(value);
}
