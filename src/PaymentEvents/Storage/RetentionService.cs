using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace PaymentEvents.Storage;

/// <summary>
/// Purges finished events older than <see cref="StorageOptions.Retention"/>: at startup and then every
/// <see cref="Interval"/>, in transactions of <see cref="BatchSize"/> events, yielding between them so the inbox
/// writer (which shares the SQLite write lock) never waits for more than one short batch.
/// </summary>
internal sealed class RetentionService(
    IEventAdmin store,
    IOptions<StorageOptions> options,
    TimeProvider time,
    ILogger<RetentionService> logger) : BackgroundService
{
    internal TimeSpan Interval { get; init; } = TimeSpan.FromMinutes(10);

    internal int BatchSize { get; init; } = 500;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var retention = options.Value.Retention;
        if (retention <= TimeSpan.Zero)
        {
            return;
        }

        await Task.Yield();
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await PurgeOnceAsync(retention, stoppingToken);
                await Task.Delay(Interval, time, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>Deletes batches until none is left; returns how many events went.</summary>
    internal async Task<int> PurgeOnceAsync(TimeSpan retention, CancellationToken cancellationToken)
    {
        var cutoff = time.GetUtcNow() - retention;
        var total = 0;
        try
        {
            int purged;
            do
            {
                purged = await store.PurgeAsync(cutoff, BatchSize, cancellationToken);
                total += purged;
                await Task.Yield();
            }
            while (purged == BatchSize);
        }
        catch (StorageUnavailableException ex)
        {
            // Logged by the store; the next round tries again.
            logger.PurgeFailed(ex);
        }

        if (total > 0)
        {
            logger.Purged(total, cutoff);
        }

        return total;
    }
}
