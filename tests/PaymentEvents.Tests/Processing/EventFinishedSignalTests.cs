using PaymentEvents.Processing;

namespace PaymentEvents.Tests.Processing;

public sealed class EventFinishedSignalTests
{
    [Fact]
    public void A_finish_completes_every_waiter_taken_before_it()
    {
        var signal = new EventFinishedSignal();
        var first = signal.NextFinish();
        var second = signal.NextFinish();
        Assert.False(first.IsCompleted);

        signal.Notify();

        Assert.True(first.IsCompleted);
        Assert.True(second.IsCompleted);
    }

    [Fact]
    public void A_waiter_taken_after_a_finish_waits_for_the_next_one()
    {
        var signal = new EventFinishedSignal();
        signal.Notify();
        var earlier = signal.NextFinish();
        signal.Notify();

        var later = signal.NextFinish();

        Assert.True(earlier.IsCompleted);
        Assert.False(later.IsCompleted);
        signal.Notify();
        Assert.True(later.IsCompleted);
    }
}
