using System.Text.Json;
using PaymentEvents.Api.Tests.Infrastructure;
using PaymentEvents.Protocol;

namespace PaymentEvents.Api.Tests.Hosting;

/// <summary>
/// The real host process, started as an operator would (Production, settings as environment variables): a start
/// that cannot succeed is one fatal line naming the setting, exit code 1, no stack trace.
/// </summary>
public sealed class StartupFailureTests(PostgresServerFixture postgres) : IClassFixture<PostgresServerFixture>, IDisposable
{
    private static readonly TimeSpan ExitTimeout = TimeSpan.FromSeconds(60);
    private readonly string _dataDir = Path.Combine(Path.GetTempPath(), $"pe-startup-{Guid.NewGuid():N}");

    public void Dispose() => TempDirectory.Delete(_dataDir);

    [Theory]
    [InlineData("Webhooks__Path", "api/payment/callback", "Webhooks:Path must start with '/'")]
    [InlineData("Webhooks__MaxBodyBytes", "lots", "Webhooks:MaxBodyBytes")]
    [InlineData("PaymentKit__AppPk", "0x1234zz", "PaymentKit:AppPk")]
    [InlineData("ForwardedHeaders__KnownNetworks", "10.0.0.0/40", "ForwardedHeaders:KnownNetworks")]
    [InlineData("Logging__Format", "xml", "Logging:Format")]
    [InlineData("Telemetry__Tracing", "yes", "Telemetry:Tracing")]
    public async Task Bad_setting_is_one_fatal_line_naming_it_and_exit_code_1(string key, string value, string expected)
    {
        var (exitCode, output) = await RunAsync(new() { [key] = value });

        AssertOneFatalLine(exitCode, output, expected);
    }

    [Fact]
    public async Task No_verification_key_in_Production_names_PaymentKit_AppPk()
    {
        var (exitCode, output) = await RunAsync(new() { ["PaymentKit__AppPk"] = "" });

        AssertOneFatalLine(exitCode, output, "PaymentKit:AppPk");
    }

    [Fact]
    public async Task Data_dir_that_cannot_be_created_names_Storage_DataDir()
    {
        Directory.CreateDirectory(_dataDir);
        var file = Path.Combine(_dataDir, "not-a-directory");
        await File.WriteAllTextAsync(file, "x");

        var (exitCode, output) = await RunAsync(new() { ["Storage__DataDir"] = Path.Combine(file, "data") });

        AssertOneFatalLine(exitCode, output, "Storage:DataDir");
    }

    [Fact]
    public async Task Missing_PostgreSQL_database_fails_at_once_without_retrying()
    {
        var connection = new Npgsql.NpgsqlConnectionStringBuilder(postgres.ConnectionString) { Database = "no_such_db" }.ConnectionString;

        var (exitCode, output) = await RunAsync(new()
        {
            ["Storage__Provider"] = "postgres",
            ["ConnectionStrings__PaymentEvents"] = connection,
        });

        AssertOneFatalLine(exitCode, output, "does not exist; create it");
        Assert.DoesNotContain("retrying", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_Logging_Format_json_the_fatal_line_is_compact_json()
    {
        var (exitCode, output) = await RunAsync(new() { ["Logging__Format"] = "json", ["Webhooks__Path"] = "nope" });

        Assert.Equal(1, exitCode);
        var fatal = output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => JsonDocument.Parse(line).RootElement)
            .Single(e => e.TryGetProperty("@l", out var level) && level.GetString() == "Fatal");
        Assert.Contains("Webhooks:Path", fatal.GetProperty("@m").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("appsettings.json", "{ \"Webhooks\": { \"Path\": ", "appsettings.json")]
    [InlineData("appsettings.Production.json", "", "appsettings.Production.json")]
    public async Task Malformed_or_empty_settings_file_is_one_line_naming_the_file_and_the_JSON_error(string file, string content, string named)
    {
        // A content root of the test's own, so the settings files the other tests start with stay as built.
        var contentRoot = Path.Combine(_dataDir, "content");
        Directory.CreateDirectory(contentRoot);
        await File.WriteAllTextAsync(Path.Combine(contentRoot, "appsettings.json"), "{}");
        await File.WriteAllTextAsync(Path.Combine(contentRoot, file), content);

        var (exitCode, output) = await RunAsync(new() { ["ASPNETCORE_CONTENTROOT"] = contentRoot });

        Assert.True(exitCode == 1, $"exit code {exitCode}:\n{output}");
        var line = Assert.Single(output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("Startup failed: ", line, StringComparison.Ordinal);
        Assert.Contains(Path.Combine(contentRoot, named), line, StringComparison.Ordinal);
        // The parser's own words: where in the file it gave up.
        Assert.Contains("LineNumber:", line, StringComparison.Ordinal);
    }

    private static void AssertOneFatalLine(int exitCode, string output, string expected)
    {
        Assert.True(exitCode == 1, $"exit code {exitCode}:\n{output}");
        var fatal = Assert.Single(output.Split('\n'), line => line.Contains(" FTL]", StringComparison.Ordinal));
        Assert.Contains(expected, fatal, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", output, StringComparison.Ordinal);
    }

    private async Task<(int ExitCode, string Output)> RunAsync(Dictionary<string, string> settings)
    {
        var environment = new Dictionary<string, string>
        {
            ["PaymentKit__AppPk"] = AppKey.Generate().PublicKeyHex,
            ["Storage__DataDir"] = _dataDir,
        };
        foreach (var (key, value) in settings)
        {
            environment[key] = value;
        }

        using var host = HostProcess.Start(environment);
        return await host.WaitForExitAsync(ExitTimeout);
    }
}
