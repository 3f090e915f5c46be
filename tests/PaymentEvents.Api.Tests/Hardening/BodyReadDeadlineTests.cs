using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Logging;
using PaymentEvents.Api.Tests.Infrastructure;

namespace PaymentEvents.Api.Tests.Hardening;

/// <summary>
/// Webhooks:BodyReadTimeout bounds the whole body read: a sender trickling fast enough for Kestrel's minimum data rate
/// (240 B/s) still gets 408 once the deadline passes, and nothing is stored. The deadline runs on the host's
/// TimeProvider, so the test moves the clock instead of waiting for it.
/// </summary>
public sealed class BodyReadDeadlineTests : IDisposable
{
    private readonly KestrelReceiver _receiver = KestrelReceiver.Start(s => s["Webhooks:BodyReadTimeout"] = "00:00:02");

    public void Dispose() => _receiver.Dispose();

    [Fact]
    public async Task A_body_trickled_above_Kestrels_minimum_rate_is_answered_408_at_the_deadline_and_nothing_is_stored()
    {
        var id = TestEvents.NewId();
        // 64 KB: at the trickle's rate it would take about a minute and a half to arrive.
        var body = Encoding.UTF8.GetBytes("{\"pad\":\"" + new string('x', 64 * 1024) + "\"," + TestEvents.Json(id)[1..]);
        var headers = _receiver.Host.Signer.SignV1("POST", ReceiverHost.CallbackPath, null, body);
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(IPAddress.Loopback, _receiver.Port);
        await using var stream = new NetworkStream(socket, ownsSocket: false);
        await stream.WriteAsync(RawHttp.Head(ReceiverHost.CallbackPath, headers, body.Length));

        // The sender: a few bytes every 20 ms (far above 240 B/s), never the whole body before the deadline.
        using var stop = new CancellationTokenSource();
        var trickle = Task.Run(async () =>
        {
            try
            {
                for (var offset = 0; offset < body.Length - 1 && !stop.IsCancellationRequested; offset += 16)
                {
                    await stream.WriteAsync(body.AsMemory(offset, Math.Min(16, body.Length - 1 - offset)), stop.Token);
                    await Task.Delay(20, stop.Token);
                }

                await Task.Delay(Timeout.Infinite, stop.Token); // the last byte never comes
            }
            catch (Exception e) when (e is IOException or OperationCanceledException or ObjectDisposedException)
            {
                // The server answered and closed, or the test is over.
            }
        });

        var answer = ReadToEndAsync(stream);
        // Moves the host's clock a second per check until the callback answers: the deadline timer starts when the read does.
        await Poll.UntilAsync(() => answer.IsCompleted, TimeSpan.FromSeconds(60), "the answer to the trickled body",
            betweenChecks: () => _receiver.Host.Time.Advance(TimeSpan.FromSeconds(1)));

        var response = await answer;
        await stop.CancelAsync();
        await trickle;

        Assert.True(response.StatusCode == 408, $"{response.StatusCode} {response.Head} {response.Body}");
        Assert.Contains("Webhooks:BodyReadTimeout", response.Body, StringComparison.Ordinal);
        Assert.Null(await _receiver.Host.Store.GetAsync(id, CancellationToken.None));
        // Ours is one line with the reason; Kestrel adds one of its own (it cannot drain a body whose read was cancelled,
        // and closes the connection). No stack trace anywhere.
        var warnings = _receiver.Logs.GetSnapshot().Where(r => r.Level >= LogLevel.Warning).ToList();
        var line = Assert.Single(warnings, r => r.Category?.StartsWith("PaymentEvents", StringComparison.Ordinal) == true);
        Assert.Contains("answered 408: The body did not arrive within Webhooks:BodyReadTimeout (00:00:02)", line.Message, StringComparison.Ordinal);
        Assert.All(warnings, r => Assert.Null(r.Exception));
    }

    private static async Task<RawResponse> ReadToEndAsync(NetworkStream stream)
    {
        using var response = new MemoryStream();
        var buffer = new byte[4096];
        try
        {
            int read;
            while ((read = await stream.ReadAsync(buffer)) > 0)
            {
                response.Write(buffer, 0, read);
            }
        }
        catch (IOException)
        {
            // A reset after the answer: keep what arrived.
        }

        return RawResponse.Parse(response.ToArray());
    }
}
