namespace PaymentEvents.Benchmarks;

/// <summary>A clock stopped at one instant, so the signed vector never expires mid-run.</summary>
internal sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
