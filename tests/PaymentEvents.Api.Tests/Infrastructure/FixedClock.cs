namespace PaymentEvents.Api.Tests.Infrastructure;

/// <summary>A signer's clock stopped at one instant (a sender whose clock differs from the receiver's).</summary>
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
