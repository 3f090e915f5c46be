using PaymentEvents.Processing;
using PaymentEvents.Storage;

namespace PaymentEvents.Tests.Storage;

/// <summary>
/// One limit for stored errors: the dispatcher cuts where an error is made, at the same length the store keeps
/// (the store's side is in the contract suite, on both engines).
/// </summary>
public sealed class StoredErrorTests
{
    [Fact]
    public void An_error_up_to_the_limit_is_kept_whole_and_a_longer_one_is_cut_to_the_limit_with_an_ellipsis()
    {
        var fits = new string('a', StoredError.MaxLength);
        Assert.Same(fits, StoredError.Truncate(fits));

        var cut = StoredError.Truncate(fits + "b");
        Assert.Equal(StoredError.MaxLength, cut.Length);
        Assert.Equal(new string('a', StoredError.MaxLength - 1) + "…", cut);
    }

    [Fact]
    public void The_dispatcher_cuts_a_failed_events_error_and_each_runs_error_at_the_same_limit()
    {
        var failure = new HandlerFailure("Billing", new InvalidOperationException(new string('x', 3 * StoredError.MaxLength)));
        var run = new HandlerRun("Billing", DateTimeOffset.UnixEpoch, TimeSpan.FromMilliseconds(1), false, DispatchResult.Truncate(failure.Describe()));

        var failed = DispatchResult.Failed([run], [failure]);
        var unreadable = DispatchResult.Unreadable(new string('y', 3 * StoredError.MaxLength));

        Assert.Equal(StoredError.MaxLength, failed.Error!.Length);
        Assert.EndsWith("…", failed.Error, StringComparison.Ordinal);
        Assert.StartsWith("Billing: InvalidOperationException: xxx", failed.Error, StringComparison.Ordinal);
        Assert.Equal(failed.Error, run.Error);
        Assert.Equal(StoredError.MaxLength, unreadable.Error!.Length);
        Assert.StartsWith("payload could not be parsed: yyy", unreadable.Error, StringComparison.Ordinal);
    }
}
