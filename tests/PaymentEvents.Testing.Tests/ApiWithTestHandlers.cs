using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using PaymentEvents.Events;
using PaymentEvents.Handlers;

namespace PaymentEvents.Testing.Tests;

/// <summary>Our host with one more refund handler, which fails or holds while the test says so (a host's own ConfigureWebHost).</summary>
public sealed class ApiWithTestHandlers(string? callbackPath = null) : PaymentEventsFactory<Program>
{
    public RefundHandlerSwitch Switch { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        // The processor never polls in these tests: deliveries and replays must wake it themselves.
        builder.UseSetting("Processing:PollInterval", "00:05:00");
        if (callbackPath is not null)
        {
            builder.UseSetting("Webhooks:Path", callbackPath);
        }

        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton(Switch);
            services.AddPaymentEventHandler<SwitchedRefundHandler>();
        });
    }
}

/// <summary>What <see cref="SwitchedRefundHandler"/> does now; one per factory (no static state between hosts).</summary>
public sealed class RefundHandlerSwitch
{
    private volatile bool _fail = true;

    public bool Fail
    {
        get => _fail;
        set => _fail = value;
    }

    /// <summary>While not completed, the handler waits on it (to see an event still processing).</summary>
    public TaskCompletionSource Gate { get; set; } = Completed();

    public static TaskCompletionSource Completed()
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        done.SetResult();
        return done;
    }
}

public sealed class SwitchedRefundHandler(RefundHandlerSwitch state) : IPaymentEventHandler<RefundSucceeded>
{
    public async Task HandleAsync(RefundSucceeded paymentEvent, CancellationToken cancellationToken)
    {
        await state.Gate.Task.WaitAsync(cancellationToken);
        if (state.Fail)
        {
            throw new InvalidOperationException($"Refund {paymentEvent.Object.Id} has no matching order.");
        }
    }
}
