namespace PaymentEvents.TestUtilities;

/// <summary>
/// A synchronization context that runs nothing posted to it until <see cref="Release"/>: what a context with one thread
/// (a UI thread, any single-threaded context) looks like to a call that blocks that thread. A blocking call
/// whose awaits post back to the caller's context deadlocks on it; <see cref="RunBlockingAsync"/> tells, within a bound,
/// and then releases what was posted so a failing test does not leave a thread hung behind it.
/// </summary>
public sealed class StalledSynchronizationContext : SynchronizationContext
{
    private readonly Lock _gate = new();
    private readonly List<(SendOrPostCallback Callback, object? State)> _posted = [];
    private bool _released;

    /// <summary>How many callbacks were posted (and, before <see cref="Release"/>, held).</summary>
    public int Posted
    {
        get
        {
            lock (_gate)
            {
                return _posted.Count;
            }
        }
    }

    public override void Post(SendOrPostCallback d, object? state)
    {
        lock (_gate)
        {
            _posted.Add((d, state));
            if (!_released)
            {
                return;
            }
        }

        ThreadPool.QueueUserWorkItem(_ => d(state));
    }

    public override void Send(SendOrPostCallback d, object? state) =>
        throw new NotSupportedException("Send would block the stalled context's only thread.");

    /// <summary>Runs what was posted, and what is posted from now on, on the thread pool.</summary>
    public void Release()
    {
        List<(SendOrPostCallback Callback, object? State)> held;
        lock (_gate)
        {
            _released = true;
            held = [.. _posted];
        }

        foreach (var (callback, state) in held)
        {
            ThreadPool.QueueUserWorkItem(_ => callback(state));
        }
    }

    /// <summary>
    /// Runs <paramref name="blocking"/> on a thread of its own with a stalled context current, and waits for it within
    /// <see cref="Poll.DefaultTimeout"/>; throws <see cref="TimeoutException"/> when it did not return (it deadlocked on
    /// the context). Either way the held callbacks are released afterwards.
    /// </summary>
    public static async Task RunBlockingAsync(Action blocking)
    {
        ArgumentNullException.ThrowIfNull(blocking);
        var context = new StalledSynchronizationContext();
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            SynchronizationContext.SetSynchronizationContext(context);
            try
            {
                blocking();
                done.SetResult();
            }
#pragma warning disable CA1031 // handed to the waiting test
            catch (Exception e)
#pragma warning restore CA1031
            {
                done.SetException(e);
            }
        })
        { IsBackground = true, Name = "stalled-context" };
        thread.Start();
        try
        {
            await done.Task.WaitAsync(Poll.DefaultTimeout).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException(
                $"The blocking call did not return within {Poll.DefaultTimeout}: it waits for {context.Posted} callback(s) posted to its caller's context.");
        }
        finally
        {
            context.Release();
        }
    }
}
