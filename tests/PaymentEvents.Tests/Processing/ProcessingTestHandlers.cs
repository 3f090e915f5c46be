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
