using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace PaymentEvents.Storage;

/// <summary>
/// Creates or migrates the schema before the app serves: it runs in <see cref="IHostedLifecycleService.StartingAsync"/>,
/// which the host awaits before any hosted service's StartAsync (so background workers never claim from a
/// missing table) and before the server listens.
/// A database server may still be starting next to us (compose, k8s), so PostgreSQL is retried a few times with
/// backoff; then startup fails with a message saying what to check. Errors that waiting cannot fix (no such database,
/// wrong password, no permission) fail at once.
/// </summary>
internal sealed class StorageMigrationService(
    IStoreSchema store,
    IOptions<StorageOptions> options,
    TimeProvider time,
    ILogger<StorageMigrationService> logger) : IHostedLifecycleService
{
    /// <summary>Attempts for PostgreSQL (SQLite is a local file: one attempt).</summary>
    internal int MaxAttempts { get; init; } = 6;

    /// <summary>First retry delay; doubles each time (1+2+4+8+16 s by default).</summary>
    internal TimeSpan FirstDelay { get; init; } = TimeSpan.FromSeconds(1);

    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        var engine = options.Value.IsPostgres ? StorageOptions.Postgres : StorageOptions.Sqlite;
        var maxAttempts = options.Value.IsPostgres ? Math.Max(1, MaxAttempts) : 1;
        var delay = FirstDelay;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await store.MigrateAsync(cancellationToken);
                return;
            }
            catch (StorageUnavailableException ex) when (attempt < maxAttempts && ex.PermanentReason is null)
            {
                logger.MigrateRetry(engine, attempt, maxAttempts, delay, ex.Message);
                await Task.Delay(delay, time, cancellationToken);
                delay *= 2;
            }
            catch (StorageUnavailableException ex)
            {
                var where = ex.PermanentReason ?? (options.Value.IsPostgres
                    ? "check ConnectionStrings:PaymentEvents and that the PostgreSQL server is up and accepts connections"
                    : $"check that Storage:DataDir ('{options.Value.DataDir}') is writable and the disk is not full");
                throw new InvalidOperationException(
                    $"Event storage ({engine}) is not usable at startup after {attempt} attempt(s): {where}. {ex.Message}", ex);
            }
        }
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
