using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace PaymentEvents.Proxies;

/// <summary>
/// Trusted proxies through ASP.NET Core's <see cref="ForwardedHeadersMiddleware"/>: from a proxy in
/// <c>ForwardedHeaders:KnownProxies</c>/<c>KnownNetworks</c> (loopback when neither is set) it applies
/// <c>X-Forwarded-For</c>, <c>-Proto</c>, <c>-Host</c> and <c>-Prefix</c> (the last value of each only); from anyone
/// else it changes nothing. The callback accepts a prefixed signed path only through the <c>PathBase</c> this sets.
/// </summary>
public static class TrustedProxiesExtensions
{
    private const string ForwardedPrefixHeader = "X-Forwarded-Prefix";

    /// <summary>What Blocklet Server sends for the mount path it stripped (e.g. <c>/pay/</c>).</summary>
    private const string BlockletPathPrefixHeader = "x-path-prefix";

    /// <summary>Binds and validates <c>ForwardedHeaders:*</c> into <see cref="ForwardedHeadersOptions"/>.</summary>
    internal static IServiceCollection AddTrustedProxies(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<TrustedProxyOptions>()
            .Configure(o => o.ReadFrom(configuration))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TrustedProxyOptions>, TrustedProxyOptionsValidator>());
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<TrustedProxyOptions>>((forwarded, trusted) =>
        {
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto
                | ForwardedHeaders.XForwardedHost | ForwardedHeaders.XForwardedPrefix;
            // One hop: only the value the trusted proxy itself appended counts, so at most one prefix reaches the callback.
            forwarded.ForwardLimit = 1;
            var proxies = trusted.Value;
            if (!proxies.IsConfigured)
            {
                return; // the middleware's default: loopback only
            }

            forwarded.KnownProxies.Clear();
            forwarded.KnownIPNetworks.Clear();
            foreach (var proxy in proxies.KnownProxies)
            {
                if (proxy.TryParseAddress(out var address))
                {
                    forwarded.KnownProxies.Add(address);
                }
            }

            foreach (var network in proxies.KnownNetworks)
            {
                if (network.TryParseNetwork(out var parsed))
                {
                    forwarded.KnownIPNetworks.Add(parsed);
                }
            }
        });
        return services;
    }

    /// <summary>
    /// Applies forwarded headers from trusted proxies; call it first, before anything that reads the scheme,
    /// host, remote address or path base. Blocklet Server's <c>x-path-prefix</c> counts as <c>X-Forwarded-Prefix</c>
    /// when that is absent, under the same trust rule.
    /// </summary>
    public static IApplicationBuilder UseTrustedProxies(this IApplicationBuilder app)
    {
        app.Use((context, next) =>
        {
            var headers = context.Request.Headers;
            if (!headers.ContainsKey(ForwardedPrefixHeader) && headers.TryGetValue(BlockletPathPrefixHeader, out var blocklet))
            {
                // "/pay/" -> "/pay"; "/" (mounted at the root) is no prefix.
                var prefix = blocklet[^1]?.Trim().TrimEnd('/');
                if (!string.IsNullOrEmpty(prefix))
                {
                    headers[ForwardedPrefixHeader] = prefix[0] == '/' ? prefix : "/" + prefix;
                }
            }

            return next(context);
        });
        return app.UseForwardedHeaders();
    }
}
