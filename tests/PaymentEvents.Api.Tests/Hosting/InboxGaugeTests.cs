using System.Diagnostics.Metrics;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using PaymentEvents.Api.Tests.Infrastructure;

namespace PaymentEvents.Api.Tests.Hosting;

/// <summary>The inbox gauges of one host (read through its own meter, so other hosts in the process do not count).</summary>
public sealed class InboxGaugeTests : IDisposable
{
    // Processing off: the delivered events stay "received", and their age grows with the host's clock.
    private readonly ReceiverHost _host = new(s => s["Processing:Enabled"] = "false");

    [Fact]
    public async Task Inbox_depth_by_status_and_oldest_unprocessed_age_follow_the_store()
    {
        var client = _host.CreateClient();
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(_host.SignedDelivery(TestEvents.Json()))).StatusCode);
        }

        _host.Time.Advance(TimeSpan.FromSeconds(90));
        var meters = _host.Services.GetRequiredService<IMeterFactory>();
        using var events = new MetricCollector<long>(meters, "PaymentEvents", "paymentevents.inbox.events");
        using var age = new MetricCollector<double>(meters, "PaymentEvents", "paymentevents.inbox.oldest_unprocessed.age");

        events.RecordObservableInstruments();
        age.RecordObservableInstruments();

        var received = Assert.Single(events.GetMeasurementSnapshot(), m => (string?)m.Tags["status"] == "received");
        Assert.Equal(3, received.Value);
        Assert.Equal(0, Assert.Single(events.GetMeasurementSnapshot(), m => (string?)m.Tags["status"] == "dead").Value);
        Assert.Equal(90, Assert.Single(age.GetMeasurementSnapshot()).Value, precision: 3);
    }

    public void Dispose() => _host.Dispose();
}
