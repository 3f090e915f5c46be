using System.Buffers;
using System.IO.Pipelines;
using Microsoft.AspNetCore.Http;

namespace PaymentEvents.Receiver;

/// <summary>
/// The raw request body in a pooled buffer, read with a hard cap so a chunked body larger than
/// <c>Webhooks:MaxBodyBytes</c> is never fully buffered. Return it with <see cref="Dispose"/>.
/// </summary>
internal sealed class RequestBody : IDisposable
{
    private const int InitialSize = 16 * 1024;

    private byte[] _buffer;

    private RequestBody(byte[] buffer, int length)
    {
        _buffer = buffer;
        Length = length;
    }

    public int Length { get; }

    public ReadOnlyMemory<byte> Memory => _buffer.AsMemory(0, Length);

    /// <summary>
    /// Reads at most <paramref name="maxBytes"/>; null when the body is larger. When <paramref name="deadline"/> fires
    /// first, throws <see cref="OperationCanceledException"/> with that token. The deadline cancels the pending read
    /// (<see cref="PipeReader.CancelPendingRead"/>) instead of passing a token to it: a read cancelled by token leaves
    /// Kestrel's body reader "already reading", and its drain after the response then logs an error with a stack trace.
    /// </summary>
    public static async Task<RequestBody?> ReadAsync(HttpRequest request, long maxBytes, CancellationToken deadline, CancellationToken aborted)
    {
        var cap = (int)Math.Min(maxBytes, int.MaxValue - 1);
        var initial = request.ContentLength is { } declared and <= int.MaxValue
            ? (int)Math.Min(declared + 1, cap + 1L)
            : Math.Min(InitialSize, cap + 1);
        var buffer = ArrayPool<byte>.Shared.Rent(Math.Max(initial, 1));
        var length = 0;
        var reader = request.BodyReader;
        using var onDeadline = deadline.Register(static r => ((PipeReader)r!).CancelPendingRead(), reader);
        try
        {
            while (true)
            {
                var result = await reader.ReadAsync(aborted);
                var available = result.Buffer;
                // Never keep more than one byte past the cap: that byte is how an oversized body is detected.
                var take = (int)Math.Min(available.Length, cap + 1L - length);
                if (length + take > buffer.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent((int)Math.Min(Math.Max((long)buffer.Length * 2, length + (long)take), cap + 1L));
                    buffer.AsSpan(0, length).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }

                available.Slice(0, take).CopyTo(buffer.AsSpan(length));
                length += take;
                reader.AdvanceTo(available.GetPosition(take));
                if (length > cap)
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                    return null;
                }

                if (result.IsCanceled && deadline.IsCancellationRequested)
                {
                    throw new OperationCanceledException(deadline);
                }

                if (result.IsCompleted)
                {
                    return new RequestBody(buffer, length);
                }
            }
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }
    }

    /// <summary>
    /// Something still reads <see cref="Memory"/> until <paramref name="reader"/> completes (an insert given up at its
    /// deadline mid-commit): <see cref="Dispose"/> then returns the buffer to the pool only after that.
    /// </summary>
    public void KeepUntil(Task reader) => _keptUntil = reader;

    private Task? _keptUntil;

    public void Dispose()
    {
        if (_keptUntil is { IsCompleted: false } reader)
        {
            _keptUntil = null;
            _ = reader.ContinueWith(static (_, body) => ((RequestBody)body!).Dispose(), this, CancellationToken.None,
                TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            return;
        }

        var buffer = Interlocked.Exchange(ref _buffer, []);
        if (buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
