using Microsoft.Extensions.Options;
using PaymentEvents.Protocol;

namespace PaymentEvents.Registration;

/// <summary>
/// Signs each outgoing call to Payment Kit as a Blocklet component call (docs/protocol.md §4, mirroring
/// <c>@blocklet/sdk</c> <c>lib/util/component-api.js</c>): V1 over <c>{iat, exp, body, query, method, url}</c>
/// with the app secret key, plus <c>x-component-did</c>.
/// It sits INSIDE the retry pipeline, so every attempt gets a fresh <c>iat</c>/<c>exp</c>: a retry after a
/// long Retry-After must not resend a signature that expired meanwhile.
/// </summary>
internal sealed class ComponentCallSigningHandler(IOptionsMonitor<PaymentKitOptions> options, TimeProvider timeProvider) : DelegatingHandler
{
    // The SDK signs `JSON.parse(JSON.stringify(data ?? {}))`: a call without a body (GET, DELETE) signs {}.
    private static readonly byte[] EmptyBody = "{}"u8.ToArray();

    private static readonly string[] SignatureHeaderNames =
    [
        SignatureHeaders.SignatureHeader,
        SignatureHeaders.IssuedAtHeader,
        SignatureHeaders.ExpiresAtHeader,
        SignatureHeaders.VersionHeader,
        SignatureHeaders.ComponentDidHeader,
    ];

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var current = options.CurrentValue;
        if (string.IsNullOrWhiteSpace(current.AppSk))
        {
            throw new PaymentKitConfigurationException("PaymentKit:AppSk is not configured: calls to Payment Kit must be signed with the app secret key.");
        }

        AppKey key;
        try
        {
            key = AppKey.FromSecretKeyHex(current.AppSk.Trim(), current.ParsedWalletType);
        }
        catch (FormatException ex)
        {
            throw new PaymentKitConfigurationException($"PaymentKit:AppSk is not a valid secret key: {ex.Message}", ex);
        }

        var uri = request.RequestUri ?? throw new InvalidOperationException("Request has no URI.");
        byte[] body = EmptyBody;
        if (request.Content is not null)
        {
            var bytes = await request.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            if (bytes.Length > 0)
            {
                body = bytes;
            }
        }

        // url is the path only, as sent (ufo parseURL(url).pathname), including any mount path of BaseUrl:
        // Blocklet Server strips the mount and sends x-path-prefix, and verifySig retries with it (docs/protocol.md §3).
        var query = uri.Query.Length > 1 ? uri.Query[1..] : null;
        var headers = new RequestSigner(key, timeProvider).SignV1(request.Method.Method, uri.AbsolutePath, query, body, componentDid: current.ComponentDid);

        // The same HttpRequestMessage is sent again on retry: drop the previous attempt's headers first.
        foreach (var name in SignatureHeaderNames)
        {
            request.Headers.Remove(name);
        }

        request.Headers.TryAddWithoutValidation(SignatureHeaders.SignatureHeader, headers.Signature);
        request.Headers.TryAddWithoutValidation(SignatureHeaders.IssuedAtHeader, headers.IssuedAt);
        request.Headers.TryAddWithoutValidation(SignatureHeaders.ExpiresAtHeader, headers.ExpiresAt);
        request.Headers.TryAddWithoutValidation(SignatureHeaders.VersionHeader, headers.Version);
        var did = headers.ComponentDid ?? current.ComponentDid;
        if (!string.IsNullOrEmpty(did))
        {
            request.Headers.TryAddWithoutValidation(SignatureHeaders.ComponentDidHeader, did);
        }

        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }
}

/// <summary>The client cannot sign because of configuration (missing or bad <c>PaymentKit:AppSk</c>). Not transient.</summary>
internal sealed class PaymentKitConfigurationException : Exception
{
    public PaymentKitConfigurationException()
    {
    }

    public PaymentKitConfigurationException(string message)
        : base(message)
    {
    }

    public PaymentKitConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
