using System.Net;
using System.Text;
using Microsoft.AspNetCore.Http;
using PaymentEvents.Api.Tests.Infrastructure;
using PaymentEvents.Receiver;

namespace PaymentEvents.Api.Tests.Receiver;

/// <summary>413 above Webhooks:MaxBodyBytes, before any signature work and without reading the whole body.</summary>
public sealed class CallbackBodySizeTests : IDisposable
{
    private const int MaxBodyBytes = 4096;

    private readonly ReceiverHost _host = new(s => s["Webhooks:MaxBodyBytes"] = MaxBodyBytes.ToString(System.Globalization.CultureInfo.InvariantCulture));

    [Fact]
    public async Task Declared_content_length_over_the_limit_is_413()
    {
        var client = _host.CreateClient();
        var id = TestEvents.NewId();
        var json = Padded(id, MaxBodyBytes + 1);

        var response = await client.SendAsync(_host.SignedDelivery(json));

        await CallbackStatusTests.AssertProblemAsync(response, HttpStatusCode.RequestEntityTooLarge, MaxBodyBytes.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Null(await _host.Store.GetAsync(id, CancellationToken.None));
    }

    [Fact]
    public async Task Body_of_exactly_the_limit_is_accepted()
    {
        var client = _host.CreateClient();
        var json = Padded(TestEvents.NewId(), MaxBodyBytes);

        var response = await client.SendAsync(_host.SignedDelivery(json));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Chunked_body_over_the_limit_is_413()
    {
        // The server's own handler: the factory's client would buffer the content and send a Content-Length.
        using var client = new HttpClient(_host.Server.CreateHandler()) { BaseAddress = _host.Server.BaseAddress };
        var request = ReceiverHost.Delivery([], ReceiverHost.CallbackPath, _host.Signer.SignV1("POST", ReceiverHost.CallbackPath, null, "{}"u8));
        request.Content = new StreamContent(new CountingStream(2 * 1024 * 1024)); // no Content-Length: chunked
        request.Content.Headers.ContentType = new("application/json");

        var response = await client.SendAsync(request);

        Assert.Null(request.Content.Headers.ContentLength);
        await CallbackStatusTests.AssertProblemAsync(response, HttpStatusCode.RequestEntityTooLarge, null);
    }

    [Fact]
    public async Task Bounded_read_stops_within_one_read_past_the_limit_of_a_body_without_length()
    {
        var body = new CountingStream(64L * 1024 * 1024);
        var context = new DefaultHttpContext();
        context.Request.Body = body;

        using var read = await RequestBody.ReadAsync(context.Request, MaxBodyBytes, CancellationToken.None, CancellationToken.None);

        Assert.Null(read);
        // Read through the body's PipeReader, in its segments: at most one segment (4 KiB here) past the limit.
        Assert.InRange(body.Produced, MaxBodyBytes + 1, MaxBodyBytes + 1 + (64 * 1024));
    }

    [Fact]
    public async Task Bounded_read_returns_a_body_at_the_limit_whole()
    {
        var body = new CountingStream(MaxBodyBytes);
        var context = new DefaultHttpContext();
        context.Request.Body = body;

        using var read = await RequestBody.ReadAsync(context.Request, MaxBodyBytes, CancellationToken.None, CancellationToken.None);

        Assert.NotNull(read);
        Assert.Equal(MaxBodyBytes, read.Length);
        Assert.All(read.Memory.ToArray(), b => Assert.Equal((byte)' ', b));
    }

    public void Dispose() => _host.Dispose();

    private static string Padded(string id, int totalBytes)
    {
        var head = "{\"id\":\"" + id + "\",\"type\":\"invoice.paid\",\"pad\":\"";
        const string tail = "\"}";
        return head + new string('x', totalBytes - Encoding.UTF8.GetByteCount(head) - tail.Length) + tail;
    }

    /// <summary>A body that never declares its length, hands out small reads and counts what was taken.</summary>
    private sealed class CountingStream(long total) : Stream
    {
        public long Produced { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => Produced; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = (int)Math.Min(Math.Min(count, 1000), total - Produced);
            buffer.AsSpan(offset, n).Fill((byte)' ');
            Produced += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
