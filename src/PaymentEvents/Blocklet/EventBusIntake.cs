using System.Text.Json;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PaymentEvents.Processing;
using PaymentEvents.Receiver;
using PaymentEvents.Storage;

namespace PaymentEvents.Blocklet;

/// <summary>
/// Where an event from the bus goes: the trust check (its <c>source</c> must be a trusted component; this component's
/// own events are skipped as the SDK does), then the same inbox as a webhook delivery, through the same call the
/// callback makes, so dedup by id, handlers, retries and dead letters are the same. The socket reader only queues;
/// one writer stores in arrival order, retrying a store that is briefly unavailable (the bus cannot resend).
/// </summary>
internal sealed class EventBusIntake
{
    private const int MaxStoreAttempts = 8;

    private readonly Channel<BusEvent> _queue = Channel.CreateBounded<BusEvent>(
        new BoundedChannelOptions(10_000) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    private readonly InboxEntry _inbox;
    private readonly EventBusState _state;
    private readonly EventBusMetrics _metrics;
    private readonly TimeProvider _time;
    private readonly ILogger<EventBusIntake> _logger;
    private readonly RetryBackoff _storeBackoff = new(TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(5));

    public EventBusIntake(IOptions<BlockletEventBusOptions> options, InboxEntry inbox, EventBusState state, EventBusMetrics metrics, TimeProvider time, ILogger<EventBusIntake> logger)
    {
        var settings = options.Value;
        TrustedSources = new HashSet<string>(settings.TrustedSources.Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s.Trim()), StringComparer.Ordinal);
        OwnComponentDid = settings.ComponentDid;
        TrustedSourcesText = TrustedSources.Count == 0 ? "(none)" : string.Join(", ", TrustedSources);
        _inbox = inbox;
        _state = state;
        _metrics = metrics;
        _time = time;
        _logger = logger;
    }

    public IReadOnlySet<string> TrustedSources { get; }

    public string TrustedSourcesText { get; }

    public string? OwnComponentDid { get; }

    /// <summary>
    /// Checks one event (the <c>response</c> of an <c>event</c> frame) and queues it for the inbox when trusted.
    /// Waits only when the queue is full (the store has been down for a long while).
    /// </summary>
    public async ValueTask AcceptAsync(JsonElement response, CancellationToken cancellationToken)
    {
        var id = Text(response, "id");
        var type = Text(response, "type");
        var source = Text(response, "source") ?? string.Empty;
        if (response.ValueKind != JsonValueKind.Object || id is null || type is null)
        {
            Reject(id ?? "?", type ?? "?", source, "invalid_event", "not a JSON object with string id and type");
            return;
        }

        var objectId = Text(response, "object_id");
        if ((EventFieldLimits.Check("id", id, EventFieldLimits.MaxIdLength)
            ?? EventFieldLimits.Check("type", type, EventFieldLimits.MaxTypeLength)
            ?? EventFieldLimits.Check("object_id", objectId, EventFieldLimits.MaxObjectIdLength)) is { } tooLong)
        {
            // The log line quotes the id and type: cut, so a 100 KB id is not a 100 KB log line.
            Reject(Cut(id), Cut(type), source, "too_long", tooLong);
            return;
        }

        if (OwnComponentDid is not null && source == OwnComponentDid)
        {
            _metrics.Event("own");
            EventBusLog.OwnEvent(_logger, id, type);
            return;
        }

        if (!TrustedSources.Contains(source))
        {
            Reject(id, type, source, "untrusted_source", "its source is not a trusted component");
            return;
        }

        // publish() puts no livemode at the top (the webhook body does); Payment Kit's objects carry their own.
        var livemode = Flag(response, "livemode")
            ?? (response.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object && data.TryGetProperty("object", out var obj) ? Flag(obj, "livemode") : null);
        // GetRawText is the event's JSON exactly as it arrived inside the frame.
        await _queue.Writer.WriteAsync(new BusEvent(id, type, source, objectId, livemode, response.GetRawText()), cancellationToken);
    }

    /// <summary>No more events: the writer stores what is queued and ends.</summary>
    public void Complete() => _queue.Writer.TryComplete();

    /// <summary>Stores queued events one at a time until <see cref="Complete"/>; <paramref name="stopping"/> only shortens retries.</summary>
    public async Task RunWriterAsync(CancellationToken stopping)
    {
        await foreach (var e in _queue.Reader.ReadAllAsync(CancellationToken.None))
        {
            await StoreAsync(e, stopping);
        }
    }

    private async Task StoreAsync(BusEvent e, CancellationToken stopping)
    {
        for (var attempt = 1; ; attempt++)
        {
            // The same entry as the webhook callback: one insert, dedup by id, and a new event wakes the processor.
            var result = await _inbox.StoreAsync(new NewEvent(e.Id, e.Type, e.ObjectId, e.Livemode, e.Payload, _time.GetUtcNow()), CancellationToken.None);
            if (result.Failure is { } ex)
            {
                // One line with the reason; the stack trace only at Debug.
                EventBusLog.StoreFailureDetails(_logger, ex, e.Id);
                if (attempt >= MaxStoreAttempts || stopping.IsCancellationRequested)
                {
                    _metrics.Event("lost", "store_unavailable");
                    EventBusLog.EventLost(_logger, e.Id, e.Type, attempt, ex.Message);
                    return;
                }

                var delay = _storeBackoff.DelayAfter(attempt);
                EventBusLog.StoreRetry(_logger, e.Id, e.Type, attempt, ex.Message, delay);
                try
                {
                    await Task.Delay(delay, _time, stopping);
                }
                catch (OperationCanceledException)
                {
                    // Stopping: one last try without waiting.
                }

                continue;
            }

            var stored = result.IsStored;
            var now = _time.GetUtcNow();
            _state.Update(s => s with
            {
                LastEventAt = now,
                LastEventId = e.Id,
                EventsStored = s.EventsStored + (stored ? 1 : 0),
                EventsDuplicate = s.EventsDuplicate + (stored ? 0 : 1),
            });
            _metrics.Event(stored ? "stored" : "duplicate");
            EventBusLog.EventAccepted(_logger, e.Id, e.Type, e.Source, stored ? "stored" : "was a duplicate");
            return;
        }
    }

    private void Reject(string id, string type, string source, string reason, string why)
    {
        _state.Update(s => s with { EventsRejected = s.EventsRejected + 1 });
        _metrics.Event("rejected", reason);
        EventBusLog.EventRejected(_logger, id, type, source, why, TrustedSourcesText);
    }

    private static string Cut(string text) => text.Length <= EventFieldLimits.MaxIdLength ? text : string.Concat(text.AsSpan(0, EventFieldLimits.MaxIdLength), "…");

    private static bool? Flag(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind is JsonValueKind.True or JsonValueKind.False ? v.GetBoolean() : null;

    private static string? Text(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String && v.GetString() is { Length: > 0 } s ? s : null;

    private sealed record BusEvent(string Id, string Type, string Source, string? ObjectId, bool? Livemode, string Payload);
}
