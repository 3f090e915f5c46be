using Microsoft.Extensions.Logging;
using PaymentEvents.Storage;

namespace PaymentEvents.Telemetry;

/// <summary>
/// The store's stats for the inbox gauges, read at most once per <see cref="MaxAge"/> however many gauges and
/// scrapers ask. Gauge callbacks are synchronous, so the read blocks the collecting thread (bounded by a timeout);
/// when the store does not answer, the gauges report nothing rather than a stale or made-up number.
/// </summary>
internal sealed partial class InboxStatsCache(IEventQueries store, TimeProvider time, ILogger<InboxStatsCache> logger)
{
    internal static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan ReadTimeout = TimeSpan.FromSeconds(5);

    private readonly Lock _gate = new();
    private InboxStats? _stats;
    private long _readAt;

    public InboxStats? Current()
    {
        lock (_gate)
        {
            if (_stats is not null && time.GetElapsedTime(_readAt) < MaxAge)
            {
                return _stats;
            }

            try
            {
                using var timeout = new CancellationTokenSource(ReadTimeout);
                // On the thread pool: a collecting thread with a synchronization context (one thread, already blocked
                // here) would otherwise never run the read's continuations, and the timeout could not end the wait.
                _stats = Task.Run(() => store.GetStatsAsync(timeout.Token), timeout.Token).GetAwaiter().GetResult();
                _readAt = time.GetTimestamp();
            }
            catch (Exception ex) when (ex is StorageUnavailableException or OperationCanceledException or TimeoutException)
            {
                StatsUnavailable(logger, ex.Message);
                _stats = null;
            }

            return _stats;
        }
    }

    [LoggerMessage(EventId = 5001, Level = LogLevel.Warning, Message = "Inbox gauges skipped: the store did not answer ({Reason}).")]
    private static partial void StatsUnavailable(ILogger logger, string reason);
}
