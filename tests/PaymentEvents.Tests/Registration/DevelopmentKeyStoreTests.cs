using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using PaymentEvents.Protocol;
using PaymentEvents.Registration;

namespace PaymentEvents.Tests.Registration;

public sealed class DevelopmentKeyStoreTests : IDisposable
{
    private readonly string dir = Path.Combine(Path.GetTempPath(), "pe-devkey-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void Generates_once_with_owner_only_permissions_and_loads_the_same_key_after()
    {
        var logger = new FakeLogger();
        var first = DevelopmentKeyStore.GetOrCreate(dir, logger);
        var second = DevelopmentKeyStore.GetOrCreate(dir, logger);

        Assert.True(first.Created);
        Assert.False(second.Created);
        Assert.Equal(first.Key.PublicKeyHex, second.Key.PublicKeyHex);
        Assert.Equal(Path.Combine(dir, "dev-key.json"), first.FilePath);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(first.FilePath));
        }

        var created = logger.Collector.GetSnapshot()[0];
        Assert.Equal(LogLevel.Warning, created.Level);
        Assert.Contains(first.Key.PublicKeyHex, created.Message, StringComparison.Ordinal);
        Assert.Contains("paymentevents trigger", created.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(first.Key.SecretKeyHex[2..], string.Join("\n", logger.Collector.GetSnapshot().Select(r => r.Message)), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void The_stored_key_signs_what_its_public_key_verifies()
    {
        var key = DevelopmentKeyStore.GetOrCreate(dir).Key;
        var loaded = DevelopmentKeyStore.TryLoad(dir)!.Key;
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var body = Encoding.UTF8.GetBytes("""{"id":"evt_1","type":"invoice.paid"}""");
        var headers = new RequestSigner(loaded, time).SignV1("POST", "/api/payment/callback", null, body);
        var verifier = new SignatureVerifier(new KeyRing([key.ToTrustedKey("dev")]), new SignatureVerifierOptions(), time);

        Assert.Equal(VerificationStatus.Valid, verifier.Verify(new SignedRequest("POST", "/api/payment/callback", null, body, headers)).Status);
    }

    [Fact]
    public void Only_in_development_without_configured_keys()
    {
        var options = new PaymentKitOptions();
        Assert.True(DevelopmentKeyStore.ShouldUse(new Env("Development"), options));
        Assert.False(DevelopmentKeyStore.ShouldUse(new Env("Production"), options));
        Assert.False(DevelopmentKeyStore.ShouldUse(new Env("Staging"), options));
        options.AppPk = AppKey.Generate().PublicKeyHex;
        Assert.False(DevelopmentKeyStore.ShouldUse(new Env("Development"), options));
    }

    [Fact]
    public void Missing_file_loads_as_null_and_a_corrupt_one_says_what_to_do()
    {
        Assert.Null(DevelopmentKeyStore.TryLoad(dir));
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "dev-key.json"), "not json");
        var ex = Assert.Throws<InvalidDataException>(() => DevelopmentKeyStore.TryLoad(dir));
        Assert.Contains("delete it", ex.Message, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        if (Directory.Exists(dir))
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private sealed class Env(string name) : Microsoft.Extensions.Hosting.IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;

        public string ApplicationName { get; set; } = "tests";

        public string ContentRootPath { get; set; } = "/";

        public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } = new Microsoft.Extensions.FileProviders.NullFileProvider();
    }
}
