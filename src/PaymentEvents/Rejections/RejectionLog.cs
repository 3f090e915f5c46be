namespace PaymentEvents.Rejections;

/// <summary>
/// The last <paramref name="capacity"/> deliveries the callback refused, in memory (per process, lost on restart). The
/// receiver records into it (its size is the operators' setting <c>Admin:RejectionLogSize</c>); the admin API and the
/// dashboard only read it.
/// </summary>
internal sealed class RejectionLog(int capacity)
{
    /// <summary>How much of a refused body is kept.</summary>
    public const int ExcerptBytes = 1024;

    private readonly Lock _gate = new();
    private readonly Queue<RejectedDelivery> _entries = new();

    public int Capacity { get; } = capacity;

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
