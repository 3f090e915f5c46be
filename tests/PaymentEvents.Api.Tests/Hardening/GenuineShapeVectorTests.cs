using System.Net;
using System.Text;
using System.Text.Json;
using PaymentEvents.Api.Tests.Infrastructure;
using PaymentEvents.Storage;

namespace PaymentEvents.Api.Tests.Hardening;

/// <summary>
/// Issue 16 item 2: genuine events of unusual shape, signed and verified by the real <c>@blocklet/sdk</c>
/// (tests/interop/vectors/genuine-shapes.json: a 256 KiB invoice with a few thousand metadata keys, nesting 110 and
/// 1,000 deep), sent byte for byte as the vector says: acknowledged, stored as they arrived, handled (not dead) and
/// readable through <c>GET /api/events/{id}</c>, on each engine.
/// </summary>
public abstract class GenuineShapeVectorTests
{
    public static TheoryData<string> Names() => [.. Vectors().Select(v => v.GetProperty("name").GetString()!)];

    protected abstract Task<Action<Dictionary<string, string?>>> StorageSettingsAsync();

    [Theory]
    [MemberData(nameof(Names))]
    public async Task Genuine_vector_is_acknowledged_stored_handled_and_readable(string name)
    {
        var vector = Vectors().Single(v => v.GetProperty("name").GetString() == name);
        Assert.True(vector.GetProperty("expected").GetProperty("valid").GetBoolean(), "the SDK accepts it");
        var body = Convert.FromBase64String(vector.GetProperty("bodyBase64").GetString()!);
        var storage = await StorageSettingsAsync();
        using var host = new ReceiverHost(s =>
        {
            storage(s);
            s["PaymentKit:AppPk"] = vector.GetProperty("publicKeys")[0].GetString();
        }, now: DateTimeOffset.FromUnixTimeMilliseconds(vector.GetProperty("nowUnixMs").GetInt64()));
        using var client = host.CreateClient();

        using var request = new HttpRequestMessage(HttpMethod.Post, vector.GetProperty("path").GetString()) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        foreach (var header in vector.GetProperty("headers").EnumerateObject())
        {
            request.Headers.TryAddWithoutValidation(header.Name, header.Value.GetString());
        }

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var id = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 2048 }).RootElement.GetProperty("id").GetString()!;
        Assert.Equal(Encoding.UTF8.GetString(body), (await host.Store.GetAsync(id, CancellationToken.None))!.Payload);

        StoredEvent? stored = null;
        await Poll.UntilAsync(
            async () => (stored = await host.Store.GetAsync(id, CancellationToken.None)) is { Status: not (EventStatus.Received or EventStatus.Processing) },
            what: "event processed");
        Assert.True(stored!.Status is EventStatus.Processed or EventStatus.Ignored, $"{stored.Status}: {stored.LastError}");

        using var admin = host.CreateAdminClient();
        var detail = await admin.GetAsync($"/api/events/{Uri.EscapeDataString(id)}");
        Assert.Equal(HttpStatusCode.OK, detail.StatusCode);
        var text = await detail.Content.ReadAsStringAsync();
        Assert.Contains(Encoding.UTF8.GetString(body), text, StringComparison.Ordinal);
    }

    private static List<JsonElement> Vectors()
    {
        var file = Path.Combine(AppContext.BaseDirectory, "vectors", "genuine-shapes.json");
        if (!File.Exists(file))
        {
            file = Repo.PathOf("tests", "interop", "vectors", "genuine-shapes.json");
        }

        using var document = JsonDocument.Parse(File.ReadAllBytes(file));
        return [.. document.RootElement.GetProperty("vectors").EnumerateArray().Select(v => v.Clone())];
    }
}

public sealed class GenuineShapeVectorSqliteTests : GenuineShapeVectorTests
{
    protected override Task<Action<Dictionary<string, string?>>> StorageSettingsAsync() =>
        Task.FromResult<Action<Dictionary<string, string?>>>(_ => { });
}

[Collection("api-postgres")]
public sealed class GenuineShapeVectorPostgresTests(PostgresServerFixture postgres) : GenuineShapeVectorTests
{
    protected override async Task<Action<Dictionary<string, string?>>> StorageSettingsAsync()
    {
        var connectionString = await postgres.CreateDatabaseAsync();
        return s =>
        {
            s["Storage:Provider"] = "postgres";
            s["ConnectionStrings:PaymentEvents"] = connectionString;
        };
    }
}
