using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using PaymentEvents.Protocol;
using PaymentEvents.Storage;

namespace PaymentEvents.Api.Tests.Infrastructure;

/// <summary>
/// The real host (Program) on a TestServer with in-memory settings, a temporary DataDir (real SQLite),
/// a FakeTimeProvider as the clock, and a freshly generated app key whose public key is trusted.
/// </summary>
public sealed class ReceiverHost : WebApplicationFactory<Program>
{
    public const string CallbackPath = "/api/payment/callback";
    public const string AdminKey = "test-admin-key-0123456789abcdef";

    private readonly Dictionary<string, string?> _settings;
    private readonly Action<IServiceCollection>? _services;
    private readonly string _environment;

    public ReceiverHost(
        Action<Dictionary<string, string?>>? settings = null,
        Action<IServiceCollection>? services = null,
        string environment = "Testing",
        bool trustKey = true,
        DateTimeOffset? now = null)
    {
        Time = new(now ?? new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));
        DataDir = Directory.CreateTempSubdirectory("paymentevents-api-tests-").FullName;
        _environment = environment;
        _services = services;
        _settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["Storage:Provider"] = "sqlite",
            ["Storage:DataDir"] = DataDir,
            ["Admin:ApiKey"] = AdminKey,
            // Poll rarely: tests see processing happen because the receiver pokes the processor.
            ["Processing:PollInterval"] = "00:00:02",
            ["Serilog:MinimumLevel:Default"] = "Warning",
            // Tests share one host (and the TestServer's null client IP): only the rate-limit tests lower it.
            ["Admin:AuthFailuresPerMinute"] = "100000",
        };
        if (trustKey)
        {
            _settings["PaymentKit:AppPk"] = Key.PublicKeyHex;
        }

        settings?.Invoke(_settings);
        Signer = new RequestSigner(Key, Time);
    }

    /// <summary>The app key Payment Kit "signs" with in these tests.</summary>
    public AppKey Key { get; } = AppKey.Generate();

    /// <summary>The host's clock; signatures are made and checked against it.</summary>
    public FakeTimeProvider Time { get; }

    public RequestSigner Signer { get; }

    public string DataDir { get; }

    internal IEventStore Store => Services.GetRequiredService<IEventStore>();

    public HttpClient CreateAdminClient()
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", AdminKey);
        return client;
    }

    /// <summary>A V1-signed POST of <paramref name="json"/> to <paramref name="path"/> (signed over <paramref name="signedPath"/>).</summary>
    public HttpRequestMessage SignedDelivery(string json, string path = CallbackPath, string? signedPath = null, RequestSigner? signer = null, TimeSpan? validity = null)
    {
        var body = Encoding.UTF8.GetBytes(json);
        var headers = (signer ?? Signer).SignV1("POST", signedPath ?? path, null, body, validity);
        return Delivery(body, path, headers);
    }

    public static HttpRequestMessage Delivery(byte[] body, string path, SignatureHeaders? headers)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        if (headers is not null)
        {
            Add(request, SignatureHeaders.SignatureHeader, headers.Signature);
            Add(request, SignatureHeaders.IssuedAtHeader, headers.IssuedAt);
            Add(request, SignatureHeaders.ExpiresAtHeader, headers.ExpiresAt);
            Add(request, SignatureHeaders.VersionHeader, headers.Version);
            Add(request, SignatureHeaders.ComponentDidHeader, headers.ComponentDid);
        }

        return request;

        static void Add(HttpRequestMessage request, string name, string? value)
        {
            if (value is not null)
            {
                request.Headers.TryAddWithoutValidation(name, value);
            }
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(_environment);
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Time);
            services.AddSingleton<Microsoft.AspNetCore.Hosting.IStartupFilter, TestPeer>();
            _services?.Invoke(services);
        });
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            TempDirectory.Delete(DataDir);
        }
    }
}
