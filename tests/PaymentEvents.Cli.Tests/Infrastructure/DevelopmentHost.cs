using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using PaymentEvents.Storage;

namespace PaymentEvents.Cli.Tests.Infrastructure;

/// <summary>
/// The real receiver host (Api Program) in the Development environment with no keys configured, so it
/// generates and trusts {DataDir}/dev-key.json: exactly the setup <c>paymentevents trigger</c> is for.
/// </summary>
internal sealed class DevelopmentHost(IReadOnlyDictionary<string, string>? settings = null) : WebApplicationFactory<global::Program>
{
    public const string CallbackUrl = "http://localhost/api/payment/callback";

    public string DataDir { get; } = Directory.CreateTempSubdirectory("paymentevents-cli-tests-").FullName;

    public IEventStore Store => Services.GetRequiredService<IEventStore>();

    /// <summary>Starts the host (which creates the development key) and returns a client bound to it.</summary>
    public HttpClient Start() => CreateClient();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Storage:Provider", "sqlite");
        builder.UseSetting("Storage:DataDir", DataDir);
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            builder.UseSetting(key, value);
        }
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
