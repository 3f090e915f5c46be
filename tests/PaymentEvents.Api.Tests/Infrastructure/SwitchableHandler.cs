using System.Collections.Concurrent;
using PaymentEvents.Events;
using PaymentEvents.Handlers;

namespace PaymentEvents.Api.Tests.Infrastructure;

/// <summary>Lets a test make <see cref="SwitchableHandler"/> fail (singleton) and counts its calls per event.</summary>
public sealed class FailureSwitch
{
    private volatile bool _failing;

    public bool Failing { get => _failing; set => _failing = value; }

    public ConcurrentDictionary<string, int> Calls { get; } = new();
}

/// <summary>A handler of <see cref="FailingType"/> that throws while its <see cref="FailureSwitch"/> is on.</summary>
[PaymentEventType(FailingType)]
public sealed class SwitchableHandler(FailureSwitch failures) : IPaymentEventHandler<PaymentEvent>
{
    public const string FailingType = "invoice.payment_failed";

    public Task HandleAsync(PaymentEvent paymentEvent, CancellationToken cancellationToken)
    {
        failures.Calls.AddOrUpdate(paymentEvent.Id, 1, static (_, n) => n + 1);
        return failures.Failing ? throw new InvalidOperationException("handler switched off by the test") : Task.CompletedTask;
    }
}
