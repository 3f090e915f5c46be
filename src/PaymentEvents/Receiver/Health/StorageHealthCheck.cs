using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using PaymentEvents.Storage;

namespace PaymentEvents.Receiver.Health;

/// <summary>
/// Readiness: the event store answers a trivial query within <see cref="StorageOptions.WriteTimeout"/>, and its writes
/// are not failing (<see cref="EventStore.IsHealthyAsync"/>). Its data names the engine. The deadline is this check's
/// own: a frozen database (whose driver may not notice a cancelled token while a socket read hangs) makes the check
/// unhealthy at the deadline instead of holding <c>/readyz</c>.
/// </summary>
internal sealed class StorageHealthCheck(IStoreSchema store, IOptions<StorageOptions> options, TimeProvider time) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        var data = new Dictionary<string, object>
        {
            ["engine"] = settings.IsPostgres ? StorageOptions.Postgres : StorageOptions.Sqlite,
        };
        using var deadline = new CancellationTokenSource(settings.WriteTimeout, time);
        using var either = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        try
        {
            if (await store.IsHealthyAsync(either.Token).WaitAsync(either.Token))
            {
                return HealthCheckResult.Healthy("The event store answers.", data);
            }

            var writes = (store as EventStore)?.WriteFailureReason;
            return new HealthCheckResult(
                context.Registration.FailureStatus,
                writes is null ? "The event store does not answer." : "Writes to the event store are failing: " + writes,
                data: data);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return new HealthCheckResult(
                context.Registration.FailureStatus, $"The event store did not answer within {settings.WriteTimeout.TotalSeconds:0.###} s (Storage:WriteTimeout).", data: data);
        }
        catch (Exception ex) when (ex is StorageUnavailableException or System.Data.Common.DbException or TimeoutException or IOException)
        {
            // A probe that throws is a storage that is not ready, not a 500.
            return new HealthCheckResult(context.Registration.FailureStatus, "The event store does not answer: " + ex.Message, data: data);
        }
    }
}
