using System.Buffers;
using System.Net.WebSockets;
using System.Text.Json;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PaymentEvents.Processing;
using PaymentEvents.Protocol;
using PaymentEvents.Registration;

namespace PaymentEvents.Blocklet;

/// <summary>
/// Connects to the Blocklet app's event bus over Blocklet Server's websocket (docs/protocol.md §6) and hands every event to
/// <see cref="EventBusIntake"/>. One connection at a time: connect with a freshly signed token, join
/// <c>app:{pid}:eventbus</c>, heartbeat every interval (a heartbeat still unanswered at the next tick means the socket
/// is dead, phoenix's own rule), and on any loss reconnect after a capped, jittered exponential wait (Polly) with a new
/// token. Stopping leaves the channel and closes the socket normally. The phoenix frames themselves are
/// <see cref="PhoenixChannel"/>'s and <see cref="PhoenixFrame"/>'s.
/// </summary>
internal sealed class BlockletEventBusConnector(
    IOptions<BlockletEventBusOptions> options,
    EventBusIntake intake,
    EventBusState state,
    EventBusMetrics metrics,
    TimeProvider time,
    ILogger<BlockletEventBusConnector> logger) : BackgroundService
{
    private const int MaxMessageBytes = 4 * 1024 * 1024;
    private static readonly TimeSpan CloseTimeout = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (settings.Enabled != true)
        {
            state.Update(s => s with { Status = EventBusStatus.Disabled });
            EventBusLog.Disabled(logger, settings.Enabled == false ? "EventBus:Enabled is false" : "not running as a Blocklet component and EventBus:Enabled is not set");
            return;
        }

        // Validated at startup (BlockletEventBusOptionsValidator): present and an Ed25519 secret key.
        var key = AppKey.FromSecretKeyHex(settings.AccessSk!.Trim(), WalletType.Arcblock);
        var topic = $"app:{settings.AppPid}:eventbus";
        if (intake.TrustedSources.Count == 0)
        {
            EventBusLog.NoTrustedSources(logger, BlockletComponentEnvironment.PaymentKitDid);
        }

        var writer = intake.RunWriterAsync(stoppingToken);
        var backoff = new RetryBackoff(settings.ReconnectBaseDelay, settings.ReconnectMaxDelay);
        var failures = 0;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                string reason;
                Exception? error = null;
                try
                {
                    reason = await RunSessionAsync(settings, key, topic, failures + 1, () => failures = 0, stoppingToken);
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    break;
                }
                catch (SessionEndedException ex)
                {
                    reason = ex.Message;
                }
#pragma warning disable CA1031 // whatever ends a connection, the connector reconnects; it must never stop the host
                catch (Exception ex)
#pragma warning restore CA1031
                {
                    reason = ex.Message;
                    error = ex;
                }

                failures++;
                var delay = backoff.DelayAfter(failures);
                var next = time.GetUtcNow() + delay;
                state.Update(s => s with { Status = EventBusStatus.Reconnecting, Reconnects = s.Reconnects + 1, LastError = reason, NextAttemptAt = next });
                metrics.Reconnect();
                EventBusLog.ConnectionLost(logger, reason, delay, failures);
                if (error is not null)
                {
                    EventBusLog.ConnectionLostDetails(logger, error);
                }
                try
                {
                    await Task.Delay(delay, time, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        }
        finally
        {
            intake.Complete();
            await writer;
            state.Update(s => s with { Status = EventBusStatus.Stopped, NextAttemptAt = null });
            EventBusLog.Stopped(logger);
        }
    }

    /// <summary>One connection, from connect to loss. Returns (or throws) why it ended; throws OperationCanceledException when stopping.</summary>
    private async Task<string> RunSessionAsync(BlockletEventBusOptions settings, AppKey key, string topic, int attempt, Action joined, CancellationToken stoppingToken)
    {
        var url = settings.Url!;
        var urlText = url.ToString();
        state.Update(s => s with { Status = EventBusStatus.Connecting, Url = urlText, Topic = topic });
        EventBusLog.Connecting(logger, urlText, attempt);

        // A fresh token for every connection and join: never older than the join that presents it.
        var token = EventBusJwt.Sign(key, time.GetUtcNow());
        using var socket = new ClientWebSocket();
        socket.Options.KeepAliveInterval = TimeSpan.Zero; // liveness is the phoenix heartbeat below
        using (var connectTimeout = new CancellationTokenSource(settings.ConnectTimeout, time))
        using (var connecting = CancellationTokenSource.CreateLinkedTokenSource(connectTimeout.Token, stoppingToken))
        {
            try
            {
                await socket.ConnectAsync(ConnectUri(url, token, key.PublicKeyHex), connecting.Token);
            }
            catch (OperationCanceledException) when (connectTimeout.IsCancellationRequested && !stoppingToken.IsCancellationRequested)
            {
                throw new SessionEndedException($"connecting took longer than {settings.ConnectTimeout}");
            }
        }

        state.Update(s => s with { Status = EventBusStatus.Connected, ConnectedAt = time.GetUtcNow() });
        using var connection = new PhoenixChannel(socket, topic);
        var joinReply = new TaskCompletionSource<JoinReply>(TaskCreationOptions.RunContinuationsAsynchronously);

        // The reader's token is never the stopping token: cancelling a receive aborts the socket, and a stop should close it.
        using var reading = new CancellationTokenSource();
        var reader = ReadAsync(connection, joinReply, reading.Token);
        // Not linked to the stopping token either: a stop must be seen as a stop (and close the socket), not as a failed heartbeat.
        using var heartbeating = new CancellationTokenSource();
        Task? heartbeat = null;
        try
        {
            await connection.JoinAsync(token, key.PublicKeyHex);

            var join = await WaitForJoinAsync(joinReply.Task, reader, settings.ConnectTimeout, stoppingToken);
            if (!join.Ok)
            {
                metrics.JoinFailure("refused");
                EventBusLog.JoinRefused(logger, topic, join.Message);
                throw new SessionEndedException($"join refused: {join.Message}");
            }

            state.Update(s => s with { Status = EventBusStatus.Joined, JoinedAt = time.GetUtcNow(), LastError = null, NextAttemptAt = null });
            joined();
            EventBusLog.Joined(logger, topic, intake.TrustedSourcesText);

            heartbeat = HeartbeatAsync(connection, settings.HeartbeatInterval, heartbeating.Token);
            var stopped = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            using var onStop = stoppingToken.Register(() => stopped.TrySetResult());
            var first = await Task.WhenAny(reader, heartbeat, stopped.Task);
            if (first == stopped.Task)
            {
                await CloseAsync(connection, reader);
                stoppingToken.ThrowIfCancellationRequested();
            }

            if (first == reader)
            {
                return await reader;
            }

            await heartbeat; // ends only by throwing: a missed reply or a failed send
            return "heartbeat ended";
        }
        finally
        {
            await heartbeating.CancelAsync();
            await reading.CancelAsync();
            socket.Abort();
            await Quietly(reader);
            if (heartbeat is not null)
            {
                await Quietly(heartbeat);
            }
        }
    }

    private async Task<JoinReply> WaitForJoinAsync(Task<JoinReply> reply, Task<string> reader, TimeSpan timeout, CancellationToken stoppingToken)
    {
        using var timer = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var expired = Task.Delay(timeout, time, timer.Token);
        var first = await Task.WhenAny(reply, reader, expired);
        await timer.CancelAsync();
        if (first == reply)
        {
            return await reply;
        }

        stoppingToken.ThrowIfCancellationRequested();
        if (first == reader)
        {
            throw new SessionEndedException($"the connection ended before the join was answered ({await reader})");
        }

        metrics.JoinFailure("timeout");
        throw new SessionEndedException($"the join was not answered within {timeout}");
    }

    private async Task HeartbeatAsync(PhoenixChannel connection, TimeSpan interval, CancellationToken cancellationToken)
    {
        while (true)
        {
            await Task.Delay(interval, time, cancellationToken);
            if (connection.HeartbeatPending)
            {
                metrics.HeartbeatTimeout();
                EventBusLog.HeartbeatTimeout(logger, interval);
                throw new SessionEndedException($"no heartbeat reply within {interval}");
            }

            await connection.SendHeartbeatAsync();
        }
    }

    /// <summary>Reads frames until the server closes (returns why) or the socket fails (throws).</summary>
    private async Task<string> ReadAsync(PhoenixChannel connection, TaskCompletionSource<JoinReply> joinReply, CancellationToken cancellationToken)
    {
        var buffer = new ArrayBufferWriter<byte>(8192);
        while (true)
        {
            buffer.Clear();
            ValueWebSocketReceiveResult result;
            do
            {
                result = await connection.Socket.ReceiveAsync(buffer.GetMemory(8192), cancellationToken);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return $"closed by the server ({connection.Socket.CloseStatus} {connection.Socket.CloseStatusDescription})".TrimEnd();
                }

                buffer.Advance(result.Count);
                if (buffer.WrittenCount > MaxMessageBytes)
                {
                    throw new SessionEndedException($"a message larger than {MaxMessageBytes} bytes");
                }
            }
            while (!result.EndOfMessage);

            if (result.MessageType != WebSocketMessageType.Text)
            {
                continue;
            }

            JsonDocument document;
            try
            {
                document = JsonDocument.Parse(buffer.WrittenMemory);
            }
            catch (JsonException ex)
            {
                EventBusLog.BadFrame(logger, ex.Message);
                continue;
            }

            using (document)
            {
                if (!PhoenixFrame.TryRead(document.RootElement, out var frame))
                {
                    EventBusLog.BadFrame(logger, "not [join_ref, ref, topic, event, payload]");
                    continue;
                }

                if (frame.Topic == PhoenixFrame.PhoenixTopic)
                {
                    // WsServer answers with event "heartbeat", a Phoenix server with "phx_reply": the ref is what matters.
                    if (connection.HeartbeatAnswered(frame.Ref))
                    {
                        metrics.HeartbeatAnswered();
                    }

                    continue;
                }

                if (frame.Topic != connection.Topic)
                {
                    continue;
                }

                if (frame.IsReplyTo(PhoenixChannel.JoinRef) && !joinReply.Task.IsCompleted)
                {
                    joinReply.TrySetResult(PhoenixChannel.ReadJoinReply(frame));
                }
                else if (frame.Event == "event")
                {
                    if (frame.Status == "ok")
                    {
                        await intake.AcceptAsync(frame.Response, cancellationToken);
                    }
                }
                else if (frame.Event is PhoenixFrame.Error or PhoenixFrame.Close)
                {
                    throw new SessionEndedException($"the server ended the channel ({frame.Event})");
                }
            }
        }
    }

    /// <summary>Graceful stop: leave the channel, send a normal close, and give the server a moment to answer it.</summary>
    private async Task CloseAsync(PhoenixChannel connection, Task<string> reader)
    {
        try
        {
            await connection.LeaveAsync();
            using var timeout = new CancellationTokenSource(CloseTimeout, time);
            await connection.Socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "stopping", timeout.Token);
            await Task.WhenAny(reader, Task.Delay(CloseTimeout, time, timeout.Token));
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or IOException)
        {
            // Already gone: nothing to close.
        }
    }

    private static Uri ConnectUri(Uri url, string token, string publicKeyHex)
    {
        // The SDK's URL ends in "pk=0x…/websocket&vsn=2.0.0" (phoenix appends its transport); a clean pk is what the server reads.
        var builder = new UriBuilder(url);
        var query = $"token={Uri.EscapeDataString(token)}&pk={Uri.EscapeDataString(publicKeyHex)}&vsn=2.0.0";
        builder.Query = string.IsNullOrEmpty(builder.Query) || builder.Query == "?" ? query : builder.Query.TrimStart('?') + "&" + query;
        return builder.Uri;
    }

    private static async Task Quietly(Task task)
    {
        try
        {
            await task;
        }
#pragma warning disable CA1031 // the session is over; its tasks' failures were already reported or are consequences of the abort
        catch (Exception)
#pragma warning restore CA1031
        {
        }
    }

    private sealed class SessionEndedException(string message) : Exception(message);
}
