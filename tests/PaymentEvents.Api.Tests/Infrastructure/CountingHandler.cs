using System.Collections.Concurrent;
using PaymentEvents.Events;
using PaymentEvents.Handlers;

namespace PaymentEvents.Api.Tests.Infrastructure;

/// <summary>Counts how often each event id reached a handler (singleton, shared with the test).</summary>
public sealed class HandlerCounts
{
    private readonly ConcurrentDictionary<string, int> _counts = new(StringComparer.Ordinal);

    public int this[string eventId] => _counts.TryGetValue(eventId, out var n) ? n : 0;

    public int Distinct => _counts.Count;

    public IReadOnlyDictionary<string, int> Snapshot() => new Dictionary<string, int>(_counts, StringComparer.Ordinal);

    internal void Add(string eventId) => _counts.AddOrUpdate(eventId, 1, static (_, n) => n + 1);
}

/// <summary>A catch-all handler that only counts.</summary>
public sealed class CountingHandler(HandlerCounts counts) : IPaymentEventHandler<PaymentEvent>
{
    public Task HandleAsync(PaymentEvent paymentEvent, CancellationToken cancellationToken)
    {
        counts.Add(paymentEvent.Id);
        return Task.CompletedTask;
    }
}
