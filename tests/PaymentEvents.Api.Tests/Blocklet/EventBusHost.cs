using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PaymentEvents.Api.Tests.Infrastructure;
using PaymentEvents.Blocklet;
using PaymentEvents.Handlers;
using PaymentEvents.Processing;

namespace PaymentEvents.Api.Tests.Blocklet;

/// <summary>
/// The real host as a component of <see cref="BlockletApp"/>: its settings are only the component variables (as
/// configuration keys, which is how environment variables reach ASP.NET Core), plus short heartbeat and reconnect
/// intervals so that failures are detected quickly. Real time: the simulator checks token times with its own clock.
/// </summary>
internal static class EventBusHost
{
    public static ReceiverHost Start(BlockletApp app, SimulatedBlockletServer server, Action<Dictionary<string, string?>>? settings = null, Action<IServiceCollection>? services = null)
    {
        var host = new ReceiverHost(
            s =>
            {
                foreach (var (key, value) in app.ComponentEnvironment(app.ServiceComponentDid, server.Port))
                {
                    s[key] = value;
                }

                s["EventBus:HeartbeatInterval"] = "00:00:05";
                s["EventBus:ReconnectBaseDelay"] = "00:00:00.050";
                s["EventBus:ReconnectMaxDelay"] = "00:00:00.300";
                s["Processing:PollInterval"] = "00:00:00.200";
                settings?.Invoke(s);
            },
            s =>
            {
                s.RemoveAll<TimeProvider>();
                s.AddSingleton(TimeProvider.System);
                s.AddSingleton<HandlerCounts>();
                s.AddSingleton<BusDeliveries>();
                s.AddPaymentEventHandlers([typeof(CountingHandler)]);
                services?.Invoke(s);
            },
            trustKey: false);
        var deliveries = host.Services.GetRequiredService<BusDeliveries>();
        host.Services.GetRequiredService<IPaymentEventBus>().Subscribe((e, _) =>
        {
            deliveries.Add(e.Id);
            return Task.CompletedTask;
        });
        return host;
    }

    public static EventBusSnapshot BusState(this ReceiverHost host) => host.Services.GetRequiredService<EventBusState>().Current;

    public static HandlerCounts Counts(this ReceiverHost host) => host.Services.GetRequiredService<HandlerCounts>();

    public static Task UntilJoinedAsync(this ReceiverHost host, SimulatedBlockletServer server, int subscribers = 1) =>
        Poll.UntilAsync(async () => host.BusState().Status == EventBusStatus.Joined && await server.SubscribersAsync() >= subscribers, what: "connector joined");

    /// <summary>
    /// Publishes <paramref name="webhookBody"/> on the bus while joined and waits until <paramref name="seen"/>. The bus is
    /// at most once: when the connector reconnected meanwhile (a false dead-socket verdict on a loaded machine), the event
    /// may be gone, so it is published again, at most three times; an event lost while the connector stayed joined fails.
    /// </summary>
    public static async Task PublishUntilAsync(this ReceiverHost host, SimulatedBlockletServer server, System.Text.Json.Nodes.JsonObject webhookBody, Func<Task<bool>> seen, string? asComponent = null)
    {
        for (var attempt = 1; ; attempt++)
        {
            await host.UntilJoinedAsync(server);
            var reconnects = host.BusState().Reconnects;
            await server.PublishAsync(webhookBody, asComponent);
            try
            {
                await Poll.UntilAsync(seen, TimeSpan.FromSeconds(15), what: $"{webhookBody["id"]} seen");
                return;
            }
            catch (TimeoutException) when (attempt < 3 && host.BusState().Reconnects > reconnects)
            {
            }
        }
    }

    public static Task PublishUntilStoredAsync(this ReceiverHost host, SimulatedBlockletServer server, System.Text.Json.Nodes.JsonObject webhookBody) =>
        host.PublishUntilAsync(server, webhookBody, async () => await host.Store.GetAsync(webhookBody["id"]!.GetValue<string>(), CancellationToken.None) is not null);

    public static async Task UntilHandledAsync(this ReceiverHost host, string id)
    {
        Storage.StoredEvent? stored = null;
        try
        {
            await Poll.UntilAsync(async () => host.Counts()[id] >= 1 && (stored = await host.Store.GetAsync(id, CancellationToken.None))?.Status == Storage.EventStatus.Processed, what: $"{id} handled");
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException($"{e.Message}: handler runs {host.Counts()[id]}, stored {stored?.Status} {stored?.LastError}; bus {host.BusState()}", e);
        }
    }
}

/// <summary>Ids the in-process <see cref="IPaymentEventBus"/> subscriber saw.</summary>
internal sealed class BusDeliveries
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, int> _ids = new(StringComparer.Ordinal);

    public int this[string id] => _ids.TryGetValue(id, out var n) ? n : 0;

    public void Add(string id) => _ids.AddOrUpdate(id, 1, static (_, n) => n + 1);
}
