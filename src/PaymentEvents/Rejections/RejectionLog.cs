using Microsoft.Extensions.Options;
using PaymentEvents.Admin;

namespace PaymentEvents.Rejections;

/// <summary>The last <c>Admin:RejectionLogSize</c> rejected deliveries, in memory (per process, lost on restart).</summary>
internal sealed class RejectionLog(IOptions<AdminOptions> options)
{
    private readonly Lock _gate = new();
    private readonly Queue<RejectedDelivery> _entries = new();

    public int Capacity { get; } = options.Value.RejectionLogSize;

    public void Add(RejectedDelivery entry)
    {
        lock (_gate)
        {
            if (_entries.Count == Capacity)
            {
                _entries.Dequeue();
            }

            _entries.Enqueue(entry);
        }
    }

    /// <summary>Newest first.</summary>
    public IReadOnlyList<RejectedDelivery> Snapshot()
    {
        lock (_gate)
        {
            var items = _entries.ToArray();
            Array.Reverse(items);
            return items;
        }
    }
}
