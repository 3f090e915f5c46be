using Microsoft.Extensions.Diagnostics.HealthChecks;
using PaymentEvents.Registration;

namespace PaymentEvents.Receiver.Health;

/// <summary>
/// The webhook registration state on <c>/readyz</c>. It never makes the service unready (Payment Kit may start
/// later, and deliveries to an endpoint registered earlier still arrive): a failed registration is Degraded (200).
/// </summary>
internal sealed class RegistrationHealthCheck(RegistrationState registration) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var s = registration.Current;
        var data = new Dictionary<string, object> { ["status"] = s.StatusName, ["attempts"] = s.Attempts };
        Add(data, "endpoint_id", s.EndpointId);
        Add(data, "action", s.ActionName);
        Add(data, "reason", s.Reason);
        Add(data, "next_retry_at", s.NextRetryAt);
        Add(data, "updated_at", s.UpdatedAt);
        var result = s.Status == RegistrationStatus.Failed
            ? HealthCheckResult.Degraded("Webhook registration failed; retrying.", data: data)
            : HealthCheckResult.Healthy("Webhook registration is " + s.StatusName + ".", data);
        return Task.FromResult(result);
    }

    private static void Add(Dictionary<string, object> data, string key, object? value)
    {
        if (value is not null)
        {
            data[key] = value;
        }
    }
}
