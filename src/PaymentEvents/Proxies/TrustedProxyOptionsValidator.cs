using Microsoft.Extensions.Options;

namespace PaymentEvents.Proxies;

/// <summary>Refuses an address or network that does not parse, naming its key.</summary>
internal sealed class TrustedProxyOptionsValidator : IValidateOptions<TrustedProxyOptions>
{
    public ValidateOptionsResult Validate(string? name, TrustedProxyOptions options)
    {
        List<string> failures = [];
        foreach (var proxy in options.KnownProxies.Where(p => !p.TryParseAddress(out _)))
        {
            failures.Add($"{proxy.Key} must be an IP address such as 10.0.0.5 (got '{proxy.Value}').");
        }

        foreach (var network in options.KnownNetworks.Where(n => !n.TryParseNetwork(out _)))
        {
            failures.Add($"{network.Key} must be a network in CIDR form such as 172.16.0.0/12 (got '{network.Value}').");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
