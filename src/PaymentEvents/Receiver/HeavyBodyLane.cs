using System.Threading.RateLimiting;

namespace PaymentEvents.Receiver;

/// <summary>
/// Where heavy bodies (<see cref="BodyShape.IsHeavy"/>) are parsed and verified: <see cref="Concurrency"/> at a time,
/// <see cref="QueueLength"/> waiting, the rest answered 503 + Retry-After at once. A flood of heavy bodies with
/// garbage signatures therefore costs at most this lane (one core's worth of canonicalising), and ordinary deliveries
/// never wait for it; a genuine heavy event that meets a full lane is retried by Payment Kit.
/// </summary>
internal sealed class HeavyBodyLane : IDisposable
{
    /// <summary>Heavy bodies parsed and verified at once.</summary>
    public const int Concurrency = 1;

    /// <summary>Heavy bodies waiting for the lane; one more is a 503.</summary>
    public const int QueueLength = 4;

    private readonly ConcurrencyLimiter _limiter = new(new ConcurrencyLimiterOptions
    {
        PermitLimit = Concurrency,
        QueueLimit = QueueLength,
        QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
    });

    /// <summary>A lease to dispose when done; not acquired when the lane and its queue are full.</summary>
    public ValueTask<RateLimitLease> EnterAsync(CancellationToken cancellationToken) => _limiter.AcquireAsync(1, cancellationToken);

    public void Dispose() => _limiter.Dispose();
}
