using System.Net;
using Microsoft.Extensions.Configuration;

namespace PaymentEvents.Proxies;

/// <summary>
/// Configuration section <c>ForwardedHeaders</c>: the proxies whose <c>X-Forwarded-*</c> (and <c>x-path-prefix</c>)
/// headers are believed. Each key takes a list (<c>KnownProxies:0</c>, <c>KnownProxies:1</c>, ...) or one
/// comma-separated value (handy as an environment variable). When either is set, both replace the loopback default.
/// </summary>
public sealed class TrustedProxyOptions
{
    /// <summary>Configuration section: <c>ForwardedHeaders</c>.</summary>
    public const string SectionName = "ForwardedHeaders";

    /// <summary>Addresses of trusted proxies, e.g. <c>10.0.0.5</c>.</summary>
    public List<Entry> KnownProxies { get; } = [];

    /// <summary>Networks of trusted proxies in CIDR form, e.g. <c>172.16.0.0/12</c>.</summary>
    public List<Entry> KnownNetworks { get; } = [];

    /// <summary>True when the configuration names any proxy or network (the loopback default is then dropped).</summary>
    public bool IsConfigured => KnownProxies.Count > 0 || KnownNetworks.Count > 0;

    /// <summary>One configured value with the configuration key it came from (for error messages).</summary>
    public sealed record Entry(string Key, string Value)
    {
        /// <summary>The entry as an IP address, when it is one.</summary>
        public bool TryParseAddress(out IPAddress address) => IPAddress.TryParse(Value, out address!);

        /// <summary>The entry as a CIDR network, when it is one.</summary>
        public bool TryParseNetwork(out IPNetwork network) => IPNetwork.TryParse(Value, out network);
    }

    /// <summary>Read by hand, not bound: a list or one comma-separated value, each entry keeping its key.</summary>
    internal void ReadFrom(IConfiguration configuration)
    {
        var section = configuration.GetSection(SectionName);
        KnownProxies.AddRange(Entries(section.GetSection(nameof(KnownProxies))));
        KnownNetworks.AddRange(Entries(section.GetSection(nameof(KnownNetworks))));
    }

    private static IEnumerable<Entry> Entries(IConfigurationSection list)
    {
        // Some providers give a list section an empty value of its own beside its children.
        IEnumerable<IConfigurationSection> items = string.IsNullOrWhiteSpace(list.Value) ? list.GetChildren() : [list];
        return items
            .Where(item => item.Value is not null)
            .SelectMany(item => item.Value!.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                .Select(value => new Entry(item.Path, value)));
    }
}
