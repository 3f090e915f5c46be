using System.Threading.Channels;

namespace PaymentEvents.Storage;

/// <summary>
/// Group commit: callers submit items, one writer loop takes everything queued so far (up to
/// <c>maxBatch</c>) and commits it with one call of <c>commit</c>. There is no wait to fill a batch: a lone
/// item commits at once, and batches form only while a commit is in flight. Each caller's task completes after the
/// commit that holds its item. When a batch of several fails, its items are committed again one by one, so one bad
/// item fails only its own caller; when those fail too (database down, disk error), every caller gets the error.
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

    public Task<TResult> SubmitAsync(TItem item)
    {
        var pending = new Pending(item, new TaskCompletionSource<TResult>(TaskCreationOptions.RunContinuationsAsynchronously));
        ObjectDisposedException.ThrowIf(!_queue.Writer.TryWrite(pending), this);

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
                batch.Add(pending);
            }

            if (!await TryCommitAsync(batch) && batch.Count > 1)
            {
                foreach (var pending in batch)
                {
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
            return true;
        }
    }

    private sealed record Pending(TItem Item, TaskCompletionSource<TResult> Result);
}
