using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;

namespace PaymentEvents.Processing;

/// <summary>
/// When a failed event is tried again. The wait is the one Polly's retry strategy would use
/// (<see cref="DelayBackoffType.Exponential"/> with jitter, capped at <see cref="ProcessingOptions.MaxDelay"/>),
/// but the retry itself is persisted as the event's next attempt time rather than awaited in memory,
/// so it survives restarts and any replica may pick it up.
/// </summary>
/// <remarks>
/// Polly keeps its delay formula internal and its jittered exponential backoff depends on the previous
/// delay of the same series, so the delay for try <c>n</c> is taken from a Polly retry pipeline run
/// against a callback that always fails: retries before <c>n</c> are told to wait zero, and the run
/// stops (through its cancellation token) as soon as Polly announces the wait before retry <c>n</c>.
/// That costs <c>n</c> no-op callbacks (n ≤ 100), no timers and no sleeping.
/// </remarks>
internal sealed class RetryBackoff
{
    private static readonly ResiliencePropertyKey<int> TargetKey = new("PaymentEvents.RetryIndex");
    private static readonly ResiliencePropertyKey<Box> ResultKey = new("PaymentEvents.RetryDelay");
    private static readonly Outcome<bool> Failure = Outcome.FromResult(false);

    // ProcessingOptions caps MaxAttempts at 100; beyond that the delay is MaxDelay anyway.
    private const int MaxAttempt = 100;

    private readonly ResiliencePipeline<bool> _pipeline;

    public RetryBackoff(IOptions<ProcessingOptions> options)
        : this(options.Value.BaseDelay, options.Value.MaxDelay)
    {
    }

    internal RetryBackoff(TimeSpan baseDelay, TimeSpan maxDelay, Func<double>? randomizer = null)
    {
        var retry = new RetryStrategyOptions<bool>
        {
            ShouldHandle = static _ => PredicateResult.True(),
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = baseDelay,
            MaxDelay = maxDelay,
            MaxRetryAttempts = int.MaxValue, // the run always stops at the requested retry
            DelayGenerator = static args =>
                new ValueTask<TimeSpan?>(args.AttemptNumber < args.Context.Properties.GetValue(TargetKey, 0) ? TimeSpan.Zero : null),
            OnRetry = static args =>
            {
                if (args.AttemptNumber == args.Context.Properties.GetValue(TargetKey, 0)
                    && args.Context.Properties.TryGetValue(ResultKey, out var box))
                {
                    box.Delay = args.RetryDelay;
                    box.Stop.Cancel();
                }

                return ValueTask.CompletedTask;
            },
        };
        if (randomizer is not null)
        {
            retry.Randomizer = randomizer;
        }

        _pipeline = new ResiliencePipelineBuilder<bool>().AddRetry(retry).Build();
    }

    /// <summary>The wait after failed try number <paramref name="attempt"/> (1 = the first try).</summary>
    public TimeSpan DelayAfter(int attempt)
    {
        using var stop = new CancellationTokenSource();
        var box = new Box(stop);
        var context = ResilienceContextPool.Shared.Get(stop.Token);
        try
        {
            context.Properties.Set(TargetKey, Math.Clamp(attempt - 1, 0, MaxAttempt));
            context.Properties.Set(ResultKey, box);

            // Completes synchronously: every callback and generator above is synchronous and no wait is non-zero.
            _ = _pipeline.ExecuteOutcomeAsync(static (_, _) => ValueTask.FromResult(Failure), context, 0).AsTask().GetAwaiter().GetResult();
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }

        return box.Delay ?? throw new InvalidOperationException($"Polly announced no retry for attempt {attempt}.");
    }

    private sealed class Box(CancellationTokenSource stop)
    {
        public CancellationTokenSource Stop { get; } = stop;

        public TimeSpan? Delay { get; set; }
    }
}
