using System.Net;

namespace PaymentEvents.Testing.Tests;

/// <summary>A handler that throws, one still running at the timeout, replay, and the factory's own lifetime.</summary>
public sealed class KitWithFailingHandlerTests
{
    [Fact]
    public async Task The_handlers_exception_reaches_the_test_and_a_replay_runs_only_what_failed()
    {
        await using var host = new ApiWithTestHandlers();
        var delivery = await host.DeliverAsync("refund.succeeded", e => e["data"]!["object"]!["id"] = "re_404");

        var error = await Assert.ThrowsAsync<PaymentEventNotHandledException>(() => host.WaitUntilHandledAsync(delivery.EventId));

        Assert.Equal("failed", error.Status);
        Assert.Contains("it is failed", error.Message, StringComparison.Ordinal);
        Assert.Contains(
            "PaymentEvents.Testing.Tests.SwitchedRefundHandler: InvalidOperationException: Refund re_404 has no matching order.",
            error.Message,
            StringComparison.Ordinal);
        Assert.Contains(error.Attempts, a => a is { Handler: "PaymentEvents.Api.Handlers.RefundSucceededHandler", Outcome: "succeeded" });

        host.Switch.Fail = false;
        await host.ReplayAsync(delivery.EventId);
        var handled = await host.WaitUntilHandledAsync(delivery.EventId);

        Assert.Equal("processed", handled.Status);
        Assert.Equal(
            ["PaymentEvents.Api.Handlers.RefundSucceededHandler 1 succeeded", "PaymentEvents.Testing.Tests.SwitchedRefundHandler 1 failed", "PaymentEvents.Testing.Tests.SwitchedRefundHandler 2 succeeded"],
            handled.Attempts.Select(a => $"{a.Handler} {a.Attempt} {a.Outcome}").Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_timeout_names_the_status_the_event_was_left_in()
    {
        await using var host = new ApiWithTestHandlers();
        host.Switch.Fail = false;
        host.Switch.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        try
        {
            var delivery = await host.DeliverAsync("refund.succeeded");

            var timeout = await Assert.ThrowsAsync<TimeoutException>(() => host.WaitUntilHandledAsync(delivery.EventId, TimeSpan.FromMilliseconds(500)));

            Assert.Matches(@"was not processed within 0\.5 s: it is still (received|processing)\.$", timeout.Message);
            host.Switch.Gate.SetResult();
            Assert.Equal("processed", (await host.WaitUntilHandledAsync(delivery.EventId, TimeSpan.FromSeconds(30))).Status);
        }
        finally
        {
            host.Switch.Gate.TrySetResult();
        }
    }

    [Fact]
    public async Task Replaying_an_unknown_event_says_so()
    {
        await using var host = new ApiWithTestHandlers();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => host.ReplayAsync("evt_never_delivered"));

        Assert.Contains("evt_never_delivered is not in the inbox", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_hosts_own_settings_apply_and_the_temporary_directory_goes_with_the_factory()
    {
        string dataDirectory;
        await using (var host = new ApiWithTestHandlers(callbackPath: "/hooks/payment-kit"))
        {
            dataDirectory = host.DataDirectory;
            var delivery = await host.DeliverAsync("invoice.paid");
            Assert.Equal(HttpStatusCode.OK, delivery.StatusCode);
            await host.WaitUntilHandledAsync(delivery.EventId);
            Assert.True(Directory.Exists(dataDirectory));
        }

        Assert.False(Directory.Exists(dataDirectory), $"{dataDirectory} is still there after the factory was disposed");
    }
}
