using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using PaymentEvents.Protocol;

namespace PaymentEvents.Api.Tests.Infrastructure;

/// <summary>HTTP/1.1 written by hand over a socket, so a test controls every byte and the framing.</summary>
public sealed class RawHttp(int port)
{
    /// <summary>The request head (request line and headers, ending with the blank line).</summary>
    public static byte[] Head(string path, SignatureHeaders? signature, long? contentLength, bool chunked = false, IEnumerable<(string Name, string Value)>? extra = null)
    {
        var sb = new StringBuilder()
            .Append("POST ").Append(path).Append(" HTTP/1.1\r\n")
            .Append("Host: 127.0.0.1\r\n")
            .Append("Content-Type: application/json\r\n")
            .Append("Connection: close\r\n");
        if (contentLength is { } length)
        {
            sb.Append("Content-Length: ").Append(length.ToString(CultureInfo.InvariantCulture)).Append("\r\n");
        }

        if (chunked)
        {
            sb.Append("Transfer-Encoding: chunked\r\n");
        }

        if (signature is not null)
        {
            Header(sb, SignatureHeaders.SignatureHeader, signature.Signature);
            Header(sb, SignatureHeaders.IssuedAtHeader, signature.IssuedAt);
            Header(sb, SignatureHeaders.ExpiresAtHeader, signature.ExpiresAt);
            Header(sb, SignatureHeaders.VersionHeader, signature.Version);
        }

        foreach (var (name, value) in extra ?? [])
        {
            Header(sb, name, value);
        }

        return Encoding.ASCII.GetBytes(sb.Append("\r\n").ToString());

        static void Header(StringBuilder sb, string name, string? value)
        {
            if (value is not null)
            {
                sb.Append(name).Append(": ").Append(value).Append("\r\n");
            }
        }
    }

    /// <summary><paramref name="body"/> as chunks of <paramref name="chunkSize"/> bytes, with the last (empty) chunk.</summary>
    public static byte[] Chunked(ReadOnlySpan<byte> body, int chunkSize)
    {
        using var ms = new MemoryStream();
        for (var offset = 0; offset < body.Length; offset += chunkSize)
        {
            var n = Math.Min(chunkSize, body.Length - offset);
            ms.Write(Encoding.ASCII.GetBytes(n.ToString("x", CultureInfo.InvariantCulture) + "\r\n"));
            ms.Write(body.Slice(offset, n));
            ms.Write("\r\n"u8);
        }

        ms.Write("0\r\n\r\n"u8);
        return ms.ToArray();
    }

    /// <summary>
    /// Sends <paramref name="bytes"/> (all of a request, or the start of one whose body then stops arriving), then reads
    /// the answer until the server closes the connection (Connection: close).
    /// </summary>
    public async Task<RawResponse> SendAsync(byte[] bytes)
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(IPAddress.Loopback, port);
        await using var stream = new NetworkStream(socket, ownsSocket: false);
        try
        {
            await stream.WriteAsync(bytes);
        }
        catch (IOException)
        {
            // The server may answer (413) and close before it has read everything: read what it said.
        }

        // No half-close after sending: Kestrel takes a FIN as the client going away. Connection: close ends the answer.
        // Bounded: a server that never answers fails the test instead of hanging it.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        using var response = new MemoryStream();
        var buffer = new byte[16 * 1024];
        try
        {
            int read;
            while ((read = await stream.ReadAsync(buffer, timeout.Token)) > 0)
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

/// <summary>A response read off the socket: status code (0 when the server closed without answering), headers, body.</summary>
public sealed record RawResponse(int StatusCode, string Head, string Body)
{
    public static RawResponse Parse(byte[] bytes)
    {
        var text = Encoding.UTF8.GetString(bytes);
        if (text.Length == 0)
        {
            return new RawResponse(0, string.Empty, string.Empty);
        }

        var split = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        var head = split < 0 ? text : text[..split];
        var body = split < 0 ? string.Empty : text[(split + 4)..];
        var status = int.Parse(head.Split(' ')[1], CultureInfo.InvariantCulture);
        return new RawResponse(status, head, body);
    }
}
