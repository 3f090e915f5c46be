using System.Text;
using Microsoft.Extensions.Logging;
using PaymentEvents.Api.Tests.Infrastructure;

namespace PaymentEvents.Api.Tests.Hardening;

/// <summary>How the body is framed on the wire (raw HTTP/1.1 over a socket to Kestrel) never changes the answer.</summary>
public sealed class FramingTests : IDisposable
{
    private const int MaxBodyBytes = 1024 * 1024;

    private readonly KestrelReceiver _receiver = KestrelReceiver.Start();

    public void Dispose() => _receiver.Dispose();

    [Theory]
    [InlineData(1_048_438, true)] // the size: under the limit, refused when chunked before
    [InlineData(MaxBodyBytes, true)]
    [InlineData(MaxBodyBytes + 1, false)]
    public async Task One_limit_exactly_Webhooks_MaxBodyBytes_whether_chunked_or_with_Content_Length(int size, bool accepted)
    {
        foreach (var chunked in new[] { true, false })
        {
            var id = TestEvents.NewId();
            var body = Encoding.UTF8.GetBytes(Padded(id, size));
            Assert.Equal(size, body.Length);
            var headers = _receiver.Host.Signer.SignV1("POST", ReceiverHost.CallbackPath, null, body);
            var request = chunked
                ? RawHttp.Head(ReceiverHost.CallbackPath, headers, null, chunked: true).Concat(RawHttp.Chunked(body, 8000)).ToArray()
                : RawHttp.Head(ReceiverHost.CallbackPath, headers, body.Length).Concat(body).ToArray();

            var response = await _receiver.Raw().SendAsync(request);

            Assert.True((accepted ? 200 : 413) == response.StatusCode, $"{size} bytes, chunked {chunked}: {response.StatusCode} {response.Body}");
            Assert.Equal(accepted, await _receiver.Host.Store.GetAsync(id, CancellationToken.None) is not null);
        }
    }

    [Fact]
    public async Task A_body_that_stops_arriving_is_answered_408_or_closed_with_one_warning_and_no_stack_trace()
    {
        var body = Encoding.UTF8.GetBytes(TestEvents.Json());
        var headers = _receiver.Host.Signer.SignV1("POST", ReceiverHost.CallbackPath, null, body);

        // Ten bytes of the declared body, then nothing: Kestrel's MinRequestBodyDataRate (240 B/s after a 5 s grace) ends it.
        var request = RawHttp.Head(ReceiverHost.CallbackPath, headers, body.Length).Concat(body.Take(10)).ToArray();
        var response = await _receiver.Raw().SendAsync(request);

        Assert.True(response.StatusCode is 408 or 0, $"{response.StatusCode} {response.Body}");
        var problems = _receiver.Logs.GetSnapshot().Where(r => r.Level >= LogLevel.Warning).ToList();
        var line = Assert.Single(problems);
        Assert.Equal(LogLevel.Warning, line.Level);
        Assert.Null(line.Exception);
        Assert.Contains("408", line.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", line.Message, StringComparison.Ordinal);
    }

    private static string Padded(string id, int totalBytes)
    {
        var head = "{\"id\":\"" + id + "\",\"type\":\"invoice.paid\",\"pad\":\"";
        const string tail = "\"}";
        return head + new string('x', totalBytes - Encoding.UTF8.GetByteCount(head) - tail.Length) + tail;
    }
}
