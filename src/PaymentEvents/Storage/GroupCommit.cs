using System.Threading.Channels;

namespace PaymentEvents.Storage;

/// <summary>
/// Group commit: callers submit items, one writer loop takes everything queued so far (up to
/// <c>maxBatch</c>) and commits it with one call of <c>commit</c>. There is no wait to fill a batch: a lone
/// item commits at once, and batches form only while a commit is in flight. Each caller's task completes after the
/// commit that holds its item. When a batch of several fails, its items are committed again one by one, so one bad
/// item fails only its own caller; when those fail too (database down, disk error), every caller gets the error.
/// <para>
/// A caller may give up at its deadline (a frozen database must not hold a webhook answer): an item still queued is
/// then never written (it is skipped, and left out of any one-by-one retry); an item already in a commit may still be
/// committed, and the caller's <see cref="StorageUnavailableException.InFlightWrite"/> says when that commit has ended.
/// </para>
/// </summary>
internal sealed class GroupCommit<TItem, TResult> : IAsyncDisposable
{
    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(
        new UnboundedChannelOptions { SingleReader = true, AllowSynchronousContinuations = false });

    private readonly Func<IReadOnlyList<TItem>, Task<IReadOnlyList<TResult>>> _commit;
    private readonly int _maxBatch;
    private readonly Lazy<Task> _loop;

    public GroupCommit(Func<IReadOnlyList<TItem>, Task<IReadOnlyList<TResult>>> commit, int maxBatch)
    {
        _commit = commit;
        _maxBatch = maxBatch;
        _loop = new Lazy<Task>(() => Task.Run(RunAsync), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>
    /// Queues <paramref name="item"/>; when <paramref name="deadline"/> fires first, the task fails with a
    /// <see cref="StorageUnavailableException"/> (see the class remarks for what was written).
    /// </summary>
    public Task<TResult> SubmitAsync(TItem item, CancellationToken deadline = default)
    {
        var pending = new Pending(item);
        ObjectDisposedException.ThrowIf(!_queue.Writer.TryWrite(pending), this);
        if (deadline.CanBeCanceled)
        {
            pending.Deadline = deadline.Register(static p => ((Pending)p!).GiveUp(), pending);
        }

        _ = _loop.Value;
        return pending.Result.Task;
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        if (_loop.IsValueCreated)
        {
            await _loop.Value;
        }
    }

    private async Task RunAsync()
    {
        var batch = new List<Pending>(_maxBatch);
        while (await _queue.Reader.WaitToReadAsync())
        {
            batch.Clear();
            while (batch.Count < _maxBatch && _queue.Reader.TryRead(out var pending))
            {
                // An item whose caller gave up while it waited is never written.
                if (pending.TryTake())
                {
                    batch.Add(pending);
                }
            }

            if (batch.Count == 0)
            {
                continue;
            }

            if (!await TryCommitAsync(batch) && batch.Count > 1)
            {
                foreach (var pending in batch)
                {
                    // The failed batch wrote nothing; a caller that gave up meanwhile has its 503 and is not written now.
                    if (pending.Result.Task.IsCompleted)
                    {
                        pending.Settle();
                        continue;
                    }

                    await TryCommitAsync([pending]);
                }
            }
        }
    }

    /// <summary>Commits and completes the callers; false (callers untouched) when a batch of several failed.</summary>
    private async Task<bool> TryCommitAsync(List<Pending> batch)
    {
        try
        {
            var results = await _commit([.. batch.Select(p => p.Item)]);
            for (var i = 0; i < batch.Count; i++)
            {
                batch[i].Result.TrySetResult(results[i]);
                batch[i].Settle();
            }

            return true;
        }
#pragma warning disable CA1031 // the error belongs to the callers: it is handed to each of them
        catch (Exception e)
#pragma warning restore CA1031
        {
            if (batch.Count > 1)
            {
                return false;
            }

            batch[0].Result.TrySetException(e);
            batch[0].Settle();
            return true;
        }
    }

    private sealed class Pending(TItem item)
    {
        private const int Queued = 0;
        private const int Taken = 1;
        private const int GivenUp = 2;

        private readonly TaskCompletionSource _settled = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _state;

        public TItem Item { get; } = item;

        public TaskCompletionSource<TResult> Result { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public CancellationTokenRegistration Deadline { get; set; }

        /// <summary>The writer takes the item for a commit; false when its caller already gave up.</summary>
        public bool TryTake() => Interlocked.CompareExchange(ref _state, Taken, Queued) == Queued;

        /// <summary>The item's commit has ended (or it was left out): it is not read any more.</summary>
        public void Settle()
        {
            Deadline.Dispose();
            _settled.TrySetResult();
        }

        public void GiveUp()
        {
            if (Interlocked.CompareExchange(ref _state, GivenUp, Queued) == Queued)
            {
                Result.TrySetException(new StorageUnavailableException("The event store did not take the write before the deadline; nothing was written."));
                _settled.TrySetResult();
                return;
            }

            Result.TrySetException(new StorageUnavailableException(
                "The event store did not finish the write before the deadline; it may still commit.")
            {
                InFlightWrite = _settled.Task,
            });
        }
    }
}
