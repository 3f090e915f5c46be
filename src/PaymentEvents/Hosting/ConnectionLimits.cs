using System.Globalization;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace PaymentEvents.Hosting;

/// <summary>
/// Kestrel's limits for a host of the service: the standard <c>Kestrel</c> section (<c>Kestrel:Limits:*</c> and the
/// other <see cref="KestrelServerOptions"/> settings) bound as ASP.NET Core documents it, and, unless
/// <c>Kestrel:Limits:MaxConcurrentConnections</c> is set, a connection cap derived from the process's descriptor limit.
/// Why: ASP.NET Core reads only endpoints and certificates from <c>Kestrel</c> by itself, so
/// <c>Kestrel__Limits__MaxConcurrentConnections</c> did nothing; and with no cap, idle connections past the
/// descriptor limit took the descriptors the runtime needs for code memory (W^X) and it aborted ("Out of memory", 134).
/// </summary>
internal static class ConnectionLimits
{
    public const string SectionName = "Kestrel";
    public const string MaxConnectionsKey = "Kestrel:Limits:MaxConcurrentConnections";

    /// <summary>Descriptors always kept for what opens after startup, whatever the limit.</summary>
    public const int MinReserve = 256;

    public static IServiceCollection AddConnectionLimits(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<ConnectionBudgetSource>();
        services.AddSingleton<IConfigureOptions<KestrelServerOptions>>(sp => new KestrelLimitsSetup(configuration, sp.GetRequiredService<ConnectionBudgetSource>()));
        services.AddHostedService<ConnectionLimitsReport>();
        return services;
    }

    /// <summary>
    /// The default cap: the soft descriptor limit less the descriptors already open (the runtime keeps every loaded
    /// assembly open, about 350 for this host) and a reserve of a quarter of the limit (at least
    /// <see cref="MinReserve"/>) for what opens later: assemblies loaded on first use, the database (SQLite's file,
    /// WAL and shared memory per connection; PostgreSQL's pool), data and log files, outgoing HTTP, the event bus and
    /// the runtime's own (W^X maps code through descriptors). At least 16; null when the limit is unknown or unlimited.
    /// </summary>
    public static long? DefaultCap(long? descriptorLimit, int openDescriptors) => descriptorLimit switch
    {
        null => null,
        var limit => Math.Max(16, limit.Value - openDescriptors - Reserve(limit.Value)),
    };

    public static long Reserve(long descriptorLimit) => Math.Max(MinReserve, descriptorLimit / 4);

    /// <summary>Descriptors this process has open now (<c>/proc/self/fd</c>); 0 where that is not available.</summary>
    public static int OpenDescriptors()
    {
        try
        {
            return Directory.Exists("/proc/self/fd") ? Directory.EnumerateFileSystemEntries("/proc/self/fd").Count() : 0;
        }
        catch (IOException)
        {
            return 0;
        }
        catch (UnauthorizedAccessException)
        {
            return 0;
        }
    }

    /// <summary>The soft <c>RLIMIT_NOFILE</c> from <c>/proc/self/limits</c> (Linux); null elsewhere or when unlimited.</summary>
    public static long? DescriptorLimit()
    {
        try
        {
            return File.Exists("/proc/self/limits") ? ParseDescriptorLimit(File.ReadAllLines("/proc/self/limits")) : null;
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>The soft limit of "Max open files" in the text of <c>/proc/self/limits</c>.</summary>
    public static long? ParseDescriptorLimit(IEnumerable<string> lines)
    {
        const string Name = "Max open files";
        foreach (var line in lines)
        {
            if (line.StartsWith(Name, StringComparison.Ordinal))
            {
                var fields = line[Name.Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
                return fields.Length > 0 && long.TryParse(fields[0], NumberStyles.None, CultureInfo.InvariantCulture, out var soft) ? soft : null;
            }
        }

        return null;
    }

    private sealed class KestrelLimitsSetup(IConfiguration configuration, ConnectionBudgetSource budget) : IConfigureOptions<KestrelServerOptions>
    {
        public void Configure(KestrelServerOptions options)
        {
            // The documented way to honour Kestrel:Limits:* (and AddServerHeader, AllowSynchronousIO, ...); a value that
            // does not convert fails the start naming its key.
            configuration.GetSection(SectionName).Bind(options);
            if (configuration[MaxConnectionsKey] is null)
            {
                options.Limits.MaxConcurrentConnections = budget.Current.Cap;
            }
        }
    }
}

internal sealed record ConnectionBudget(long? DescriptorLimit, int OpenAtStartup, long Reserve, long? Cap);

/// <summary>The numbers behind the default cap, taken once per host (when Kestrel's options are first read, at startup).</summary>
internal sealed class ConnectionBudgetSource
{
    private readonly Lazy<ConnectionBudget> _budget = new(() =>
    {
        var limit = ConnectionLimits.DescriptorLimit();
        var open = ConnectionLimits.OpenDescriptors();
        return new ConnectionBudget(limit, open, limit is { } l ? ConnectionLimits.Reserve(l) : 0, ConnectionLimits.DefaultCap(limit, open));
    });

    public ConnectionBudget Current => _budget.Value;
}

/// <summary>Says at startup which connection cap Kestrel has and where it comes from.</summary>
internal sealed partial class ConnectionLimitsReport(IOptions<KestrelServerOptions> kestrel, ConnectionBudgetSource budgetSource, IConfiguration configuration, ILogger<ConnectionLimitsReport> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var cap = kestrel.Value.Limits.MaxConcurrentConnections;
        var budget = budgetSource.Current;
        if (configuration[ConnectionLimits.MaxConnectionsKey] is not null)
        {
            var limitText = budget.DescriptorLimit?.ToString(CultureInfo.InvariantCulture) ?? "unknown";
            if (cap is { } configured)
            {
                Configured(logger, configured, ConnectionLimits.MaxConnectionsKey, limitText);
            }
            else
            {
                ConfiguredUnlimited(logger, ConnectionLimits.MaxConnectionsKey, limitText);
            }
        }
        else if (cap is { } derived && budget.DescriptorLimit is { } limit)
        {
            Derived(logger, derived, limit, budget.OpenAtStartup, budget.Reserve, ConnectionLimits.MaxConnectionsKey);
        }
        else
        {
            Unlimited(logger, ConnectionLimits.MaxConnectionsKey);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(EventId = 10, Level = LogLevel.Information, Message = "Kestrel: at most {Connections} concurrent connections, from {Key} (descriptor limit {DescriptorLimit}).")]
    private static partial void Configured(ILogger logger, long connections, string key, string descriptorLimit);

    [LoggerMessage(EventId = 13, Level = LogLevel.Warning, Message = "Kestrel: no connection limit ({Key} is empty; descriptor limit {DescriptorLimit}): idle connections past the descriptor limit can make the runtime abort.")]
    private static partial void ConfiguredUnlimited(ILogger logger, string key, string descriptorLimit);

    [LoggerMessage(EventId = 11, Level = LogLevel.Information, Message = "Kestrel: at most {Connections} concurrent connections: the descriptor limit {DescriptorLimit} (ulimit -n) less {Open} open at startup and {Reserve} kept for the database, files and the runtime; set {Key} to choose.")]
    private static partial void Derived(ILogger logger, long connections, long descriptorLimit, int open, long reserve, string key);

    [LoggerMessage(EventId = 12, Level = LogLevel.Information, Message = "Kestrel: no connection limit (the descriptor limit is unknown or unlimited); set {Key} to choose one.")]
    private static partial void Unlimited(ILogger logger, string key);
}
