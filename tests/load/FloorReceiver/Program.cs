using System.Buffers;
using System.IO.Pipelines;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;
using PaymentEvents.Protocol;

// The floor of tests/load/bench.sh: receive a delivery, read its body, parse it (id and type, as any receiver must to
// know what arrived), verify its signature with PaymentEvents.Core's SignatureVerifier (the JS-exact canonical text,
// SHA3-256, Ed25519: exactly what the service runs) and answer 200. No storage, no processing, no logging per request,
// no middleware. Whatever a PaymentEvents row costs above this row is the service's own overhead.
//   PaymentKit__AppPk=0x... ASPNETCORE_URLS=http://127.0.0.1:5097 dotnet FloorReceiver.dll
var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.SetMinimumLevel(LogLevel.Warning);
var appPk = builder.Configuration["PaymentKit:AppPk"];
if (string.IsNullOrWhiteSpace(appPk))
{
    Console.Error.WriteLine("PaymentKit:AppPk is not set (the public key the deliveries are signed for).");
    return 1;
}

var verifier = new SignatureVerifier(KeyRing.FromConfiguration(WalletType.Arcblock, appPk), new SignatureVerifierOptions(), TimeProvider.System);
var app = builder.Build();
app.MapGet("/healthz", () => "ok");
app.MapPost("/api/payment/callback", async (HttpContext http) =>
{
    var body = await ReadBodyAsync(http.Request.BodyReader, http.RequestAborted);
    try
    {
        var memory = body.Array.AsMemory(0, body.Length);
        string? id, type;
        using (var document = JsonDocument.Parse(memory))
        {
            var root = document.RootElement;
            id = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("id", out var i) ? i.GetString() : null;
            type = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("type", out var t) ? t.GetString() : null;
        }

        if (id is null || type is null)
        {
            return Results.BadRequest();
        }

        var headers = http.Request.Headers;
        var signature = new SignatureHeaders(
            headers[SignatureHeaders.SignatureHeader],
            headers[SignatureHeaders.IssuedAtHeader],
            headers[SignatureHeaders.ExpiresAtHeader],
            headers[SignatureHeaders.VersionHeader]);
        var path = http.Features.Get<IHttpRequestFeature>()!.RawTarget;
        var verdict = verifier.Verify(new SignedRequest(http.Request.Method, path, null, memory, signature));
        return verdict.IsValid ? Results.Ok() : Results.Unauthorized();
    }
    catch (JsonException)
    {
        return Results.BadRequest();
    }
    finally
    {
        ArrayPool<byte>.Shared.Return(body.Array);
    }
});
app.Run();
return 0;

// The whole body into a pooled array (the service does the same with its pooled RequestBody).
static async Task<(byte[] Array, int Length)> ReadBodyAsync(PipeReader reader, CancellationToken cancel)
{
    while (true)
    {
        var read = await reader.ReadAsync(cancel);
        if (read.IsCompleted || read.IsCanceled)
        {
            var length = checked((int)read.Buffer.Length);
            var array = ArrayPool<byte>.Shared.Rent(Math.Max(length, 1));
            read.Buffer.CopyTo(array);
            reader.AdvanceTo(read.Buffer.End);
            return (array, length);
        }

        reader.AdvanceTo(read.Buffer.Start, read.Buffer.End);
    }
}
