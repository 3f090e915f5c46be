namespace PaymentEvents.Rejections;

/// <summary>
/// Reads through to the request body and keeps a copy of its first bytes, so a rejected delivery can show an excerpt
/// without the callback buffering anything for it. Disposing it leaves the inner stream alone.
/// </summary>
internal sealed class ExcerptStream(Stream inner, int capacity) : Stream
{
    private readonly byte[] _excerpt = new byte[capacity];

    public int Captured { get; private set; }

    public ReadOnlySpan<byte> Excerpt => _excerpt.AsSpan(0, Captured);

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var read = inner.Read(buffer);
        Keep(buffer[..read]);
        return read;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var read = await inner.ReadAsync(buffer, cancellationToken);
        Keep(buffer.Span[..read]);
        return read;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    private void Keep(ReadOnlySpan<byte> read)
    {
        var room = _excerpt.Length - Captured;
        if (room > 0 && read.Length > 0)
        {
            var n = Math.Min(room, read.Length);
            read[..n].CopyTo(_excerpt.AsSpan(Captured));
            Captured += n;
        }
    }
}
