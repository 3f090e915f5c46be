using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using PaymentEvents.Handlers;
using PaymentEvents.Hosting;
using PaymentEvents.Processing;
using PaymentEvents.Storage;

namespace PaymentEvents.Tests.Processing;

/// <summary>
/// A real generic host with real storage (SQLite in a temp dir, or PostgreSQL), the real processor and
/// the test handlers, on a <see cref="FakeTimeProvider"/>. Several may share one database (replicas, restarts).
/// </summary>
public sealed class ProcessingHost : IAsyncDisposable
{
    private bool _stopped;

    private ProcessingHost(IHost host, string name)
    {
        Host = host;
        Name = name;
    }

    public IHost Host { get; }

    public string Name { get; }

    public IServiceProvider Services => Host.Services;

    internal IEventStore Store => Services.GetRequiredService<IEventStore>();

    internal InboxSignal Signal => Services.GetRequiredService<InboxSignal>();

    public IPaymentEventBus Bus => Services.GetRequiredService<IPaymentEventBus>();

    public FakeLogCollector Logs => Services.GetFakeLogCollector();

    public static Dictionary<string, string?> Settings(string dataDir, params (string Key, string Value)[] overrides)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "sqlite",
            ["Storage:DataDir"] = dataDir,
            ["Processing:MaxConcurrency"] = "4",
            ["Processing:PollInterval"] = "00:00:01",
            ["Processing:LeaseDuration"] = "00:00:30",
            ["Processing:BaseDelay"] = "00:00:01",
            ["Processing:MaxDelay"] = "00:00:04",
        };
        foreach (var (key, value) in overrides)
        {
            settings[key] = value;
        }

        return settings;
    }

    public static Task<ProcessingHost> StartAsync(
        string name, FakeTimeProvider time, Probe probe, IDictionary<string, string?> settings, params Type[] handlers) =>
        StartAsync(name, time, probe, settings, static _ => { }, handlers);

    public static async Task<ProcessingHost> StartAsync(
        string name, FakeTimeProvider time, Probe probe, IDictionary<string, string?> settings, Action<IServiceCollection> configure, params Type[] handlers)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            DisableDefaults = true,
            EnvironmentName = "Test",
        });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.ClearProviders().AddFakeLogging().SetMinimumLevel(LogLevel.Debug);
        builder.Services.AddSingleton<TimeProvider>(time);
        builder.Services.AddSingleton(probe);
        builder.Services.AddSingleton(new HostName(name));
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(30));
        builder.Services.AddPaymentEventsShared();
        builder.Services.AddEventStorage(builder.Configuration).AddSqliteEventStore().AddPostgresEventStore();
        configure(builder.Services);
        builder.Services.AddPaymentEventHandlers(handlers);
        builder.Services.AddEventProcessing(builder.Configuration);
        var host = builder.Build();
        try
        {
            await host.StartAsync();
        }
        catch
        {
            host.Dispose();
            throw;
        }

        return new ProcessingHost(host, name);
    }

    /// <summary>Stores an event as the receiver would and wakes the processor.</summary>
    public async Task<InsertOutcome> ReceiveAsync(string id, string type, string objectId, FakeTimeProvider time)
    {
        var outcome = await Store.InsertAsync(new NewEvent(id, type, objectId, false, TestEvents.Json(id, type, objectId), time.GetUtcNow()), default);
        Signal.Notify();
        return outcome;
    }

    public async Task<StoredEvent> GetAsync(string id) =>
        await Store.GetAsync(id, default) ?? throw new InvalidOperationException($"event {id} is not stored");

    /// <summary>Graceful stop: running handlers may finish within the shutdown timeout.</summary>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        _stopped = true;
        await Host.StopAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_stopped)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await Host.StopAsync(timeout.Token);
        }

        // Not Host.Dispose(): that only blocks a thread on this same DisposeAsync.
        await ((IAsyncDisposable)Host).DisposeAsync();
    }
}

/// <summary>Waits for a state (not for time): polls a condition, optionally moving the fake clock, within a bound.</summary>
public static class Eventually
{
    public static Task UntilAsync(Func<Task<bool>> condition, string what, FakeTimeProvider? advance = null, TimeSpan? step = null, TimeSpan? timeout = null) =>
        Poll.UntilAsync(condition, timeout, what, advance is null ? null : () => advance.Advance(step ?? TimeSpan.FromMilliseconds(500)));

    public static Task StatusAsync(ProcessingHost host, string id, EventStatus status, FakeTimeProvider? advance = null, TimeSpan? step = null) =>
        UntilAsync(async () => (await host.Store.GetAsync(id, default))?.Status == status, $"{id} is {status}", advance, step);
}
