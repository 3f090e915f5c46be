using System.Globalization;
using System.Net.WebSockets;
using System.Text.Json;

namespace PaymentEvents.Blocklet;

/// <summary>
/// The phoenix v2 channel protocol over one websocket, as the client <c>@arcblock/ws</c> wraps speaks it (docs/protocol.md
/// §6): refs, the join, leave and heartbeat frames, which reply answers the pending heartbeat, and one send at a time (a
/// websocket allows one). What the frames mean for the event bus (reconnects, events, trust) is the connector's.
/// </summary>
internal sealed class PhoenixChannel(ClientWebSocket socket, string topic) : IDisposable
{
    /// <summary>The join's ref; a leave carries it too.</summary>
    public const string JoinRef = "1";

    private readonly SemaphoreSlim _sending = new(1, 1);
    private int _ref;
    private string? _pendingHeartbeat;

    public ClientWebSocket Socket { get; } = socket;

    public string Topic { get; } = topic;

    /// <summary>A heartbeat was sent and its reply has not come.</summary>
    public bool HeartbeatPending => Volatile.Read(ref _pendingHeartbeat) is not null;

    public void Dispose() => _sending.Dispose();

    /// <summary>Joins <see cref="Topic"/> with the connection token, as <c>@arcblock/ws</c> does (<c>{token, pk}</c>).</summary>
    public Task JoinAsync(string token, string publicKeyHex) =>
        SendAsync(PhoenixFrame.Write(JoinRef, NextRef(), Topic, PhoenixFrame.Join, w =>
        {
            w.WriteStartObject();
            w.WriteString("token", token);
            w.WriteString("pk", publicKeyHex);
            w.WriteEndObject();
        }));

    /// <summary>Sends a heartbeat on the <c>phoenix</c> topic; it stays pending until <see cref="HeartbeatAnswered"/> sees its ref.</summary>
    public Task SendHeartbeatAsync()
    {
        var reference = NextRef();
        Volatile.Write(ref _pendingHeartbeat, reference);
        return SendAsync(PhoenixFrame.Write(null, reference, PhoenixFrame.PhoenixTopic, PhoenixFrame.Heartbeat, EmptyObject));
    }

    public Task LeaveAsync() => SendAsync(PhoenixFrame.Write(JoinRef, NextRef(), Topic, PhoenixFrame.Leave, EmptyObject));

    /// <summary>
    /// Clears the pending heartbeat when <paramref name="reference"/> is its ref. By value: the ref parsed from the
    /// reply is a new string, never the object that was sent, so comparing references never matched and every
    /// healthy socket was dropped one interval after its first heartbeat. The exchange is against the string read
    /// here, so a newer heartbeat sent meanwhile is never cleared by an older reply.
    /// </summary>
    public bool HeartbeatAnswered(string? reference)
    {
        var pending = Volatile.Read(ref _pendingHeartbeat);
        return reference is not null
            && string.Equals(pending, reference, StringComparison.Ordinal)
            && ReferenceEquals(Interlocked.CompareExchange(ref _pendingHeartbeat, null, pending), pending);
    }

    /// <summary>The outcome of a reply to the join: ok, or the server's <c>message</c> (else its status).</summary>
    public static JoinReply ReadJoinReply(PhoenixFrame reply)
    {
        var message = reply.Response.ValueKind == JsonValueKind.Object && reply.Response.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String
            ? m.GetString()!
            : reply.Status ?? "no status";
        return new JoinReply(reply.Status == "ok", message);
    }

    private string NextRef() => Interlocked.Increment(ref _ref).ToString(CultureInfo.InvariantCulture);

    private async Task SendAsync(byte[] frame)
    {
        await _sending.WaitAsync();
        try
        {
            // Not cancellable on purpose: a cancelled send aborts the socket. Frames are small; Abort() ends a stuck one.
            await Socket.SendAsync(frame, WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);
        }
        finally
        {
            _sending.Release();
        }
    }

    private static void EmptyObject(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteEndObject();
    }
}

/// <summary>What the server answered to a join.</summary>
internal readonly record struct JoinReply(bool Ok, string Message);
