using System.Collections.Concurrent;

namespace Shop;

/// <summary>The shop's own state the handler changes (a database in a real app).</summary>
public sealed class PaidInvoices
{
    private readonly ConcurrentDictionary<string, string> _amounts = new(StringComparer.Ordinal);

    public IReadOnlyCollection<string> Ids => [.. _amounts.Keys];

    public void MarkPaid(string invoiceId, string amount) => _amounts[invoiceId] = amount;

    public bool IsPaid(string invoiceId) => _amounts.ContainsKey(invoiceId);
}
