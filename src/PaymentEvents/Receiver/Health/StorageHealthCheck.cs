using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using PaymentEvents.Storage;

namespace PaymentEvents.Receiver.Health;

/// <summary>Readiness: the event store answers a trivial query. Its data names the engine.</summary>
internal sealed class StorageHealthCheck(IEventStore store, IOptions<StorageOptions> options) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var data = new Dictionary<string, object>
        {
            ["engine"] = options.Value.IsPostgres ? StorageOptions.Postgres : StorageOptions.Sqlite,
        };
        try
        {
            return await store.IsHealthyAsync(cancellationToken)
                ? HealthCheckResult.Healthy("The event store answers.", data)
                : new HealthCheckResult(context.Registration.FailureStatus, "The event store does not answer.", data: data);
        }
        catch (Exception ex) when (ex is StorageUnavailableException or System.Data.Common.DbException or TimeoutException or IOException)
        {
            // A probe that throws is a storage that is not ready, not a 500.
            return new HealthCheckResult(context.Registration.FailureStatus, "The event store does not answer: " + ex.Message, data: data);
        }
    }
}
