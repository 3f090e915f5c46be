using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using PaymentEvents.Api.Tests.Infrastructure;
using PaymentEvents.Hosting;
using PaymentEvents.Protocol;

namespace PaymentEvents.Api.Tests.Hosting;

/// <summary>
/// Descriptor exhaustion: the real host process under a low <c>ulimit -n</c> with more idle connections than it has
/// descriptors survives (its connection cap, derived from the limit, refuses the excess) and serves once they close;
/// and <c>Kestrel:Limits:MaxConcurrentConnections</c>, once ignored, is the cap when set.
/// </summary>
public sealed class DescriptorLimitTests : IDisposable
{
    private const int DescriptorLimit = 1024;
    private const int IdleConnections = 1100;
    private readonly string _dataDir = Path.Combine(Path.GetTempPath(), $"pe-fd-{Guid.NewGuid():N}");
    private readonly AppKey _key = AppKey.Generate();

    public void Dispose() => TempDirectory.Delete(_dataDir);

    [Fact]
    public async Task Under_ulimit_1024_more_idle_connections_than_descriptors_leave_the_process_alive_and_serving_after_they_close()
    {
        using var host = HostProcess.Start(
            Path.Combine(AppContext.BaseDirectory, "PaymentEvents.Api.dll"),
            new Dictionary<string, string>
            {
                ["PaymentKit__AppPk"] = _key.PublicKeyHex,
                ["Storage__DataDir"] = _dataDir,
                ["Serilog__MinimumLevel__Override__PaymentEvents.Hosting.ConnectionLimitsReport"] = "Information",
            },
            DescriptorLimit);
        (await host.WaitUntilReadyAsync()).Dispose();

        var said = Regex.Match(host.Output, @"Kestrel: at most (\d+) concurrent connections: the descriptor limit 1024 \(ulimit -n\) less (\d+) open at startup and 256 kept");
        Assert.True(said.Success, host.Output);
        var cap = int.Parse(said.Groups[1].Value, CultureInfo.InvariantCulture);
        Assert.Equal(1024 - 256 - int.Parse(said.Groups[2].Value, CultureInfo.InvariantCulture), cap);

        var sockets = new List<Socket>();
        try
        {
            for (var i = 0; i < IdleConnections; i++)
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                sockets.Add(socket);
                await socket.ConnectAsync(IPAddress.Loopback, host.Port);
            }

            // Past the cap Kestrel accepts and closes at once: wait until every connection beyond it has been closed.
            var closed = sockets.Select(ClosedByServerAsync).ToList();
            await Poll.UntilAsync(() => Task.FromResult(closed.Count(t => t.IsCompleted) >= IdleConnections - cap), TimeSpan.FromSeconds(60), "connections past the cap closed by the server");
            Assert.True(host.IsRunning, "the host died with the connections open:\n" + host.Output);
        }
        finally
        {
            foreach (var socket in sockets)
            {
                socket.Dispose();
            }
        }

        using var http = await host.WaitUntilReadyAsync();
        var id = TestEvents.NewId();
        var body = Encoding.UTF8.GetBytes(TestEvents.Json(id));
        using var delivered = await http.SendAsync(ReceiverHost.Delivery(body, ReceiverHost.CallbackPath, new RequestSigner(_key, TimeProvider.System).SignV1("POST", ReceiverHost.CallbackPath, null, body)));
        Assert.Equal(HttpStatusCode.OK, delivered.StatusCode);
        Assert.True(host.IsRunning);
        Assert.DoesNotContain("Out of memory", host.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Kestrel_Limits_MaxConcurrentConnections_from_configuration_is_the_cap()
    {
        using var receiver = KestrelReceiver.Start(s => s["Kestrel:Limits:MaxConcurrentConnections"] = "2");
        var sockets = new List<Socket>();
        try
        {
            for (var i = 0; i < 5; i++)
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                sockets.Add(socket);
                await socket.ConnectAsync(IPAddress.Loopback, receiver.Port);
            }

            var closed = sockets.Select(ClosedByServerAsync).ToList();
            await Poll.UntilAsync(() => Task.FromResult(closed.Count(t => t.IsCompleted) >= 3), what: "three of five connections refused");

            // The two that were kept are served.
            var kept = sockets.Where((_, i) => !closed[i].IsCompleted).ToList();
            Assert.Equal(2, kept.Count);
            foreach (var socket in kept)
            {
                await socket.SendAsync("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"u8.ToArray());
            }

            foreach (var socket in kept)
            {
                var answer = await closed[sockets.IndexOf(socket)].WaitAsync(TimeSpan.FromSeconds(30));
                Assert.StartsWith("HTTP/1.1 200", answer, StringComparison.Ordinal);
            }
        }
        finally
        {
            foreach (var socket in sockets)
            {
                socket.Dispose();
            }
        }
    }

    [Theory]
    [InlineData("Max open files            1024                 1048576              files     ", 1024L)]
    [InlineData("Max open files            unlimited            unlimited            files     ", null)]
    public void The_soft_descriptor_limit_is_read_from_proc_self_limits(string line, long? expected) =>
        Assert.Equal(expected, ConnectionLimits.ParseDescriptorLimit(["Limit                     Soft Limit           Hard Limit           Units     ", "Max processes             63471                63471                processes ", line]));

    [Theory]
    [InlineData(1024L, 350, 418L)]
    [InlineData(4096L, 350, 2722L)]
    [InlineData(20_000L, 350, 14_650L)]
    [InlineData(512L, 350, 16L)]
    public void The_default_cap_is_the_limit_less_what_is_open_and_a_quarter_kept_at_least_256(long limit, int open, long cap) =>
        Assert.Equal(cap, ConnectionLimits.DefaultCap(limit, open));

    /// <summary>Completes with what the server sent once it closes the connection (or resets it).</summary>
    private static async Task<string> ClosedByServerAsync(Socket socket)
    {
        var received = new StringBuilder();
        var buffer = new byte[4096];
        try
        {
            int read;
            while ((read = await socket.ReceiveAsync(buffer)) > 0)
            {
                received.Append(Encoding.ASCII.GetString(buffer, 0, read));
                if (received.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
                {
                    return received.ToString();
                }
            }
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
        }

        return received.ToString();
    }
}
