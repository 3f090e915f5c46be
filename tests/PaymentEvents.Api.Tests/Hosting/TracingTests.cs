using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using PaymentEvents.Api.Tests.Infrastructure;

namespace PaymentEvents.Api.Tests.Hosting;

/// <summary>A delivery's trace (its incoming <c>traceparent</c>) reaches the processing span through the inbox.</summary>
public sealed class TracingTests(ReceiverHostFixture fixture) : IClassFixture<ReceiverHostFixture>
{
    private readonly ReceiverHost _host = fixture.Host;

    [Fact]
    public async Task The_process_span_links_to_the_receive_span_of_the_delivery_trace()
    {
        var stopped = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            // ASP.NET Core's request span too, so its parent comes from the header even without the OpenTelemetry SDK.
            ShouldListenTo = source => source.Name is "PaymentEvents" or "Microsoft.AspNetCore",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = stopped.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);
        var traceId = ActivityTraceId.CreateRandom();
        var id = TestEvents.NewId();
        var delivery = _host.SignedDelivery(TestEvents.Json(id));
        delivery.Headers.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom()}-01");

        Assert.Equal(HttpStatusCode.OK, (await _host.CreateClient().SendAsync(delivery)).StatusCode);

        Activity? Span(string name) => stopped.FirstOrDefault(a =>
            a.OperationName == name && (a.GetTagItem("paymentevents.event.id") as string) == id);
        await Poll.UntilAsync(() => Task.FromResult(Span("paymentevents.process") is not null), what: "a process span for the delivery");
        var receive = Span("paymentevents.receive");
        Assert.NotNull(receive);
        Assert.Equal(traceId, receive.TraceId);
        var process = Span("paymentevents.process")!;
        var link = Assert.Single(process.Links);
        Assert.Equal((traceId, receive.SpanId), (link.Context.TraceId, link.Context.SpanId));
        Assert.NotEqual(traceId, process.TraceId); // a root of its own, linked rather than parented
    }
}
