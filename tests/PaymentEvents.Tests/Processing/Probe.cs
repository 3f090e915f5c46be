using System.Collections.Concurrent;
using PaymentEvents.Events;

namespace PaymentEvents.Tests.Processing;

/// <summary>
/// What the test handlers report to, shared by every host of a test: each call is recorded (with the
/// host it ran on) and may be given a behaviour (fail, block on a TaskCompletionSource, take a while).
/// </summary>
public sealed class Probe
{
    private readonly ConcurrentQueue<HandlerCall> _calls = new();
    private readonly ConcurrentQueue<(int Count, TaskCompletionSource Reached)> _waiters = new();
    private int _count;

    public sealed record HandlerCall(string Handler, string EventId, string Type, string? ObjectId, string Host);

    /// <summary>Runs inside the handler after the call is recorded; default: succeed.</summary>
    public Func<HandlerCall, CancellationToken, Task> Behavior { get; set; } = static (_, _) => Task.CompletedTask;

    public IReadOnlyList<HandlerCall> Calls => [.. _calls];

    /// <summary>(handler, event id, scoped service instance id) as seen by handlers that take a scoped service.</summary>
    public ConcurrentQueue<(string Handler, string EventId, Guid Scope)> Scopes { get; } = new();

    public int CallsTo(string handler, string? eventId = null) =>
        _calls.Count(c => c.Handler == handler && (eventId is null || c.EventId == eventId));

    public async Task OnCallAsync(string handler, PaymentEvent paymentEvent, string host, CancellationToken cancellationToken)
    {
        var call = new HandlerCall(handler, paymentEvent.Id, paymentEvent.Type, paymentEvent.ObjectId, host);
        _calls.Enqueue(call);
        var count = Interlocked.Increment(ref _count);
        foreach (var (wanted, reached) in _waiters)
        {
            if (count >= wanted)
            {
                reached.TrySetResult();
            }
        }

        await Behavior(call, cancellationToken);
    }

    /// <summary>Completes once at least <paramref name="count"/> handler calls have started.</summary>
    public Task WhenCallsAsync(int count, TimeSpan? timeout = null)
    {
        var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _waiters.Enqueue((count, reached));
        if (Volatile.Read(ref _count) >= count)
        {
            reached.TrySetResult();
        }

        return reached.Task.WaitAsync(timeout ?? TimeSpan.FromSeconds(30));
    }
}
