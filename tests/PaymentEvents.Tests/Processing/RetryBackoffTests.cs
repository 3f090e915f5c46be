using Microsoft.Extensions.Time.Testing;
using PaymentEvents.Processing;
using Polly;
using Polly.Retry;

namespace PaymentEvents.Tests.Processing;

public sealed class RetryBackoffTests
{
    private static readonly TimeSpan Base = TimeSpan.FromSeconds(2);

    /// <summary>The delays a real, in-memory Polly retry loop waits, driven by a fake clock.</summary>
    private static async Task<List<TimeSpan>> PollyDelaysAsync(int retries, TimeSpan maxDelay, Func<double> randomizer)
    {
        var time = new FakeTimeProvider();
        var delays = new List<TimeSpan>();
        var pipeline = new ResiliencePipelineBuilder { TimeProvider = time }
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = _ => PredicateResult.True(),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = Base,
                MaxDelay = maxDelay,
                MaxRetryAttempts = retries,
                Randomizer = randomizer,
                OnRetry = args =>
                {
                    delays.Add(args.RetryDelay);
                    return default;
                },
            })
            .Build();
        var run = pipeline.ExecuteAsync(_ => ValueTask.CompletedTask).AsTask();
        for (var i = 0; i < 10_000 && !run.IsCompleted; i++)
        {
            time.Advance(TimeSpan.FromDays(1));
            await Task.Yield();
        }

        await run;
        return delays;
    }

    [Fact]
    public async Task Delay_after_each_attempt_is_the_one_Pollys_retry_loop_would_wait()
    {
        var randoms = new[] { 0.1, 0.9, 0.5, 0.3, 0.7, 0.2, 0.8 };
        var expected = await PollyDelaysAsync(randoms.Length, TimeSpan.FromHours(1), Sequence(randoms));

        // The persisted form recomputes the series for each attempt, so it replays the same randoms.
        var actual = new List<TimeSpan>();
        for (var attempt = 1; attempt <= randoms.Length; attempt++)
        {
            actual.Add(new RetryBackoff(Base, TimeSpan.FromHours(1), Sequence(randoms)).DelayAfter(attempt));
        }

        Assert.Equal(expected, actual);
        Assert.True(actual[^1] > actual[0], $"backoff grows: {string.Join(", ", actual)}");
    }

    [Fact]
    public void Delays_are_capped_at_MaxDelay()
    {
        var cap = TimeSpan.FromSeconds(30);
        var backoff = new RetryBackoff(Base, cap);

        var delays = Enumerable.Range(1, 20).Select(backoff.DelayAfter).ToArray();

        Assert.All(delays, d => Assert.InRange(d, TimeSpan.Zero, cap));
        Assert.Equal(cap, delays[^1]);
    }

    [Fact]
    public void Jitter_spreads_the_first_retry()
    {
        var backoff = new RetryBackoff(Base, TimeSpan.FromHours(1));

        var first = Enumerable.Range(0, 50).Select(_ => backoff.DelayAfter(1)).ToHashSet();

        Assert.True(first.Count > 40, $"only {first.Count} distinct first delays");

        // Polly documents the first jittered delay as within (0, 2 x base].
        Assert.All(first, d => Assert.InRange(d, TimeSpan.Zero, 2 * Base));
    }

    private static Func<double> Sequence(double[] values)
    {
        var i = 0;
        return () => values[i++ % values.Length];
    }
}
