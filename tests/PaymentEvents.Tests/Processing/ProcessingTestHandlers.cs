using PaymentEvents.Events;
using PaymentEvents.Handlers;

namespace PaymentEvents.Tests.Processing;

/// <summary>Which host a handler instance runs in (one per test host).</summary>
public sealed record HostName(string Value);

public sealed class SubscriptionRecorder(Probe probe, HostName host) : IPaymentEventHandler<PaymentEvent<Subscription>>
{
    public static readonly string Name = typeof(SubscriptionRecorder).FullName!;

    public Task HandleAsync(PaymentEvent<Subscription> paymentEvent, CancellationToken cancellationToken) =>
        probe.OnCallAsync(Name, paymentEvent, host.Value, cancellationToken);
}

public sealed class SecondSubscriptionRecorder(Probe probe, HostName host) : IPaymentEventHandler<PaymentEvent<Subscription>>
{
    public static readonly string Name = typeof(SecondSubscriptionRecorder).FullName!;

    public Task HandleAsync(PaymentEvent<Subscription> paymentEvent, CancellationToken cancellationToken) =>
        probe.OnCallAsync(Name, paymentEvent, host.Value, cancellationToken);
}

[PaymentEventType("customer.credit_grant.granted")]
public sealed class CreditGrantRecorder(Probe probe, HostName host) : IPaymentEventHandler<PaymentEvent>
{
    public static readonly string Name = typeof(CreditGrantRecorder).FullName!;

    public Task HandleAsync(PaymentEvent paymentEvent, CancellationToken cancellationToken) =>
        probe.OnCallAsync(Name, paymentEvent, host.Value, cancellationToken);
}

public sealed class InvoiceRecorder(Probe probe, HostName host) : IPaymentEventHandler<InvoicePaid>
{
    public static readonly string Name = typeof(InvoiceRecorder).FullName!;

    public Task HandleAsync(InvoicePaid paymentEvent, CancellationToken cancellationToken) =>
        probe.OnCallAsync(Name, paymentEvent, host.Value, cancellationToken);
}

/// <summary>A scoped service, like a DbContext: one instance per event.</summary>
public sealed class UnitOfWork
{
    public Guid Id { get; } = Guid.NewGuid();
}

public sealed class InvoiceLedger(UnitOfWork work, Probe probe) : IPaymentEventHandler<InvoicePaid>
{
    public Task HandleAsync(InvoicePaid paymentEvent, CancellationToken cancellationToken)
    {
        probe.Scopes.Enqueue((nameof(InvoiceLedger), paymentEvent.Id, work.Id));
        return Task.CompletedTask;
    }
}

public sealed class InvoiceMailer(UnitOfWork work, Probe probe) : IPaymentEventHandler<InvoicePaid>
{
    public Task HandleAsync(InvoicePaid paymentEvent, CancellationToken cancellationToken)
    {
        probe.Scopes.Enqueue((nameof(InvoiceMailer), paymentEvent.Id, work.Id));
        return Task.CompletedTask;
    }
}

/// <summary>Needs a service nobody registered: resolving it fails, which must count as a handler failure.</summary>
public sealed class MisconfiguredHandler(IServiceThatIsNotRegistered missing) : IPaymentEventHandler<InvoicePaid>
{
    public Task HandleAsync(InvoicePaid paymentEvent, CancellationToken cancellationToken) => missing.DoAsync();
}

public interface IServiceThatIsNotRegistered
{
    Task DoAsync();
}
