using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace PaymentEvents.Processing;

/// <summary>
/// Processing instruments on the shared Meter <c>PaymentEvents</c> (the receiver exports it at
/// <c>/metrics</c>). Created from the host's <see cref="IMeterFactory"/>, so two hosts in one process
/// (tests, several apps) never mix their numbers.
/// </summary>
internal sealed class ProcessingMetrics
{
    public const string MeterName = "PaymentEvents";

    private readonly Counter<long> _eventsProcessed;
    private readonly Counter<long> _handlerFailures;
    private readonly Counter<long> _eventsDead;
    private readonly Histogram<double> _handlerDuration;

    public ProcessingMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _eventsProcessed = meter.CreateCounter<long>("events_processed_total", description: "Events that finished processing, by final status (processed or ignored).");
        _handlerFailures = meter.CreateCounter<long>("handler_failures_total", description: "Handler attempts that threw, by handler.");
        _eventsDead = meter.CreateCounter<long>("events_dead_total", description: "Events given up on (attempts exhausted or payload unreadable); replay revives them.");
        _handlerDuration = meter.CreateHistogram<double>("handler_duration", unit: "s", description: "Time one handler took for one event, by handler and outcome.");
    }

    public void EventFinished(string status) =>
        _eventsProcessed.Add(1, new KeyValuePair<string, object?>("status", status));

    public void HandlerFailed(string handler) =>
        _handlerFailures.Add(1, new KeyValuePair<string, object?>("handler", handler));

    public void EventDead() => _eventsDead.Add(1);

    public void HandlerRan(string handler, bool succeeded, TimeSpan duration)
    {
        var tags = new TagList
        {
            { "handler", handler },
            { "outcome", succeeded ? "success" : "failure" },
        };
        _handlerDuration.Record(duration.TotalSeconds, tags);
    }
}
