using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using PaymentEvents.Events;
using PaymentEvents.Events.Samples;

namespace PaymentEvents.Api.Tests.Blocklet;

/// <summary>
/// The heartbeat against the real <c>@arcblock/ws</c> WsServer, which answers every heartbeat at once: a healthy socket
/// is never given up (the other direction, a silent socket replaced, is <see cref="BlockletEventBusTests"/>), and a
/// reconnect is one warning line without a stack trace.
/// </summary>
[Trait("Category", "EventBus")]
public sealed class HeartbeatTests
{
    // Six answered heartbeats 3 s apart: the reference-comparison bug dropped every socket at the second. A reply has
    // a whole interval to arrive (phoenix's rule), and 1 s was too short on a loaded machine (a run at load 20 missed one).
    private const int Intervals = 6;

    [Fact]
    public async Task A_healthy_socket_is_kept_for_six_heartbeat_intervals_and_every_event_of_a_steady_stream_is_stored()
    {
        var app = new BlockletApp();
        await using var server = await SimulatedBlockletServer.StartAsync(app);
        using var host = EventBusHost.Start(app, server, s => s["EventBus:HeartbeatInterval"] = "00:00:03");
        await host.UntilJoinedAsync(server);
        var socket = server.Simulator.Lines(l => l.Has("join") && l.GetProperty("join").Text("topic") == app.Topic).Single().GetProperty("join").Text("socket");
        var joinedAt = host.BusState().JoinedAt;

        // The publishing component (a Node process with the real SDK) is started first: its start-up is the busiest
        // moment of the machine, and the intervals are counted after it.
        var first = SampleEvents.Create(EventTypes.InvoicePaid, TimeProvider.System);
        await server.PublishAsync(first);
        var published = new List<string> { first["id"]!.GetValue<string>() };
        var baseline = HeartbeatsOn(server, socket);

        // The connector sends a heartbeat only after the previous one was answered (else it gives the socket up), so
        // Intervals + 1 heartbeats on one socket are Intervals answered ones. Events are published all the while.
        while (HeartbeatsOn(server, socket) - baseline <= Intervals)
        {
            var e = SampleEvents.Create(EventTypes.InvoicePaid, TimeProvider.System);
            await server.PublishAsync(e);
            published.Add(e["id"]!.GetValue<string>());
            Assert.True(host.BusState().Reconnects == 0, $"the healthy socket was replaced: {host.BusState().LastError}");
        }

        foreach (var id in published)
        {
            await Poll.UntilAsync(async () => await host.Store.GetAsync(id, CancellationToken.None) is not null, what: $"{id} stored");
        }

        Assert.Equal(0, host.BusState().Reconnects);
        Assert.Equal(published.Count, host.BusState().EventsStored);
        Assert.Equal(joinedAt, host.BusState().JoinedAt); // never rejoined (the publishing SDK component joins the topic too)
        Assert.Empty(server.Simulator.Lines(l => l.Has("closed") && l.Text("socket") == socket));
    }

    [Fact]
    public async Task A_lost_connection_is_one_warning_line_with_the_reason_and_the_stack_trace_only_at_debug()
    {
        var app = new BlockletApp();
        await using var server = await SimulatedBlockletServer.StartAsync(app);
        using var host = EventBusHost.Start(app, server, services: s =>
        {
            s.RemoveAll<ILoggerFactory>();
            s.AddLogging(b => b.ClearProviders().AddFakeLogging().SetMinimumLevel(LogLevel.Debug));
        });
        await host.UntilJoinedAsync(server);
        var logs = host.Services.GetRequiredService<FakeLogCollector>();

        await server.RestartAsync(); // the socket drops under the reader: an exception, not a clean close
        await Poll.UntilAsync(() => Task.FromResult(host.BusState().Reconnects >= 1), what: "connection loss noticed");
        await host.UntilJoinedAsync(server);

        var lost = logs.GetSnapshot().Where(r => r.Id.Id == 6004).ToList();
        Assert.NotEmpty(lost);
        Assert.All(lost, r =>
        {
            Assert.Equal(LogLevel.Warning, r.Level);
            Assert.Null(r.Exception);
            Assert.Contains("connection lost (", r.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("\n   at ", r.Message, StringComparison.Ordinal);
        });
        var busLogs = logs.GetSnapshot().Where(r => r.Category?.StartsWith("PaymentEvents.Blocklet", StringComparison.Ordinal) == true).ToList();
        Assert.All(busLogs.Where(r => r.Exception is not null), r => Assert.Equal(LogLevel.Debug, r.Level));
    }

    private static int HeartbeatsOn(SimulatedBlockletServer server, string? socket) =>
        server.Simulator.Lines(l => l.Text("heartbeat") == socket).Count;
}
