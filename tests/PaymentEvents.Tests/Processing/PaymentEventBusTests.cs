using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using PaymentEvents.Events;
using PaymentEvents.Storage;

namespace PaymentEvents.Tests.Processing;

public sealed class PaymentEventBusTests : IDisposable
{
    private readonly TempDirectory _dir = new("pe-dispatch");
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 27, 10, 0, 0, TimeSpan.Zero));
    private readonly Probe _probe = new();

    public void Dispose() => _dir.Dispose();

    private Task<ProcessingHost> StartAsync(params Type[] handlers) =>
        ProcessingHost.StartAsync("a", _time, _probe, ProcessingHost.Settings(_dir.Path), handlers);

    [Fact]
    public async Task Subscribers_get_stored_events_a_throwing_one_does_not_hurt_the_others_and_dispose_unsubscribes()
    {
        await using var host = await StartAsync(typeof(SubscriptionRecorder));
        var all = Channel.CreateUnbounded<PaymentEvent>();
        var invoices = Channel.CreateUnbounded<InvoicePaid>();
        using var throwing = host.Bus.Subscribe((_, _) => throw new InvalidOperationException("subscriber bug"));
        var allSubscription = host.Bus.Subscribe((e, ct) => all.Writer.WriteAsync(e, ct).AsTask());
        using var typed = host.Bus.Subscribe<InvoicePaid>((e, ct) => invoices.Writer.WriteAsync(e, ct).AsTask());

        await host.ReceiveAsync("evt_sub", "customer.subscription.started", "sub_1", _time);
        await host.ReceiveAsync("evt_inv", "invoice.paid", "in_1", _time);

        var seen = new[] { await ReadAsync(all.Reader), await ReadAsync(all.Reader) }.Select(e => e.Id).Order().ToArray();
        Assert.Equal(["evt_inv", "evt_sub"], seen);
        var invoice = await ReadAsync(invoices.Reader);
        Assert.Equal("in_1", invoice.Object.Id);
        Assert.False(invoices.Reader.TryRead(out _));

        // The throwing subscriber is logged, and neither event fails because of it.
        await Eventually.StatusAsync(host, "evt_sub", EventStatus.Processed);
        await Eventually.StatusAsync(host, "evt_inv", EventStatus.Processed);
        Assert.Equal(2, host.Logs.GetSnapshot().Count(r => r.Level == LogLevel.Error && r.Message.Contains("subscriber", StringComparison.OrdinalIgnoreCase)));
        var stored = await host.GetAsync("evt_inv");
        Assert.True(Assert.Single(stored.Handlers, h => h.Handler == "PaymentEvents.EventBus").Succeeded);

        allSubscription.Dispose();
        await host.ReceiveAsync("evt_after", "customer.subscription.renewed", "sub_2", _time);
        await Eventually.StatusAsync(host, "evt_after", EventStatus.Processed);
        Assert.False(all.Reader.TryRead(out _));
    }

    [Fact]
    public async Task Published_events_are_stored_like_deliveries_and_reach_handlers_and_subscribers()
    {
        await using var host = await StartAsync(typeof(SubscriptionRecorder));
        var received = Channel.CreateUnbounded<SubscriptionStarted>();
        using var subscription = host.Bus.Subscribe<SubscriptionStarted>((e, ct) => received.Writer.WriteAsync(e, ct).AsTask());
        var original = Assert.IsType<SubscriptionStarted>(TestEvents.Parse(TestEvents.Json("evt_pub", "customer.subscription.started", "sub_9")));

        Assert.Equal(InsertOutcome.Stored, await host.Bus.PublishAsync(original));
        Assert.Equal(InsertOutcome.Duplicate, await host.Bus.PublishAsync(original));

        var delivered = await ReadAsync(received.Reader);
        await Eventually.StatusAsync(host, "evt_pub", EventStatus.Processed);
        Assert.Equal(original.Id, delivered.Id);
        Assert.Equal("sub_9", delivered.Object.Id);
        Assert.Equal(original.Object.Status, delivered.Object.Status);
        Assert.Equal(original.Object.CurrentPeriodEnd, delivered.Object.CurrentPeriodEnd);
        Assert.Equal(original.PreviousAttributes?.GetRawText(), delivered.PreviousAttributes?.GetRawText());
        Assert.Equal(1, _probe.CallsTo(SubscriptionRecorder.Name, "evt_pub"));

        var stored = await host.GetAsync("evt_pub");
        Assert.Equal(("customer.subscription.started", "sub_9"), (stored.Type, stored.ObjectId));
    }

    [Fact]
    public async Task With_a_subscriber_an_event_no_handler_wants_is_processed_without_one_it_is_ignored()
    {
        await using var host = await StartAsync(typeof(SubscriptionRecorder));
        await host.ReceiveAsync("evt_lonely", "refund.succeeded", "re_1", _time);
        await Eventually.StatusAsync(host, "evt_lonely", EventStatus.Ignored);

        var got = Channel.CreateUnbounded<PaymentEvent>();
        using var subscription = host.Bus.Subscribe((e, ct) => got.Writer.WriteAsync(e, ct).AsTask());
        await host.ReceiveAsync("evt_watched", "refund.succeeded", "re_2", _time);
        await Eventually.StatusAsync(host, "evt_watched", EventStatus.Processed);

        Assert.Equal("evt_watched", (await ReadAsync(got.Reader)).Id);
    }

    private static async Task<T> ReadAsync<T>(ChannelReader<T> reader) =>
        await reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(30));
}
