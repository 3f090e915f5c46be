using System.Diagnostics;

namespace PaymentEvents.Tests.Events;

/// <summary>
/// EventTypes.Generated.cs is exactly what generate-event-types.js makes from the installed @blocklet/payment-types
/// (tests/eventbus/node_modules, pinned by its lock file): a package update that changes the EventType union fails
/// here until the file is regenerated, and a hand edit of the generated file fails too.
/// </summary>
public sealed class EventTypesGeneratorTests
{
    private static readonly string Root = FindRoot();
    private static readonly string EventsDirectory = Path.Combine(Root, "src", "PaymentEvents.Core", "Events");

    [Fact]
    public async Task The_generated_file_is_what_the_generator_makes_from_payment_types()
    {
        var package = Path.Combine(Root, "tests", "eventbus", "node_modules", "@blocklet", "payment-types", "package.json");
        if (!File.Exists(package))
        {
            Assert.Fail($"@blocklet/payment-types is not installed ({package}). Run `npm ci --ignore-scripts` in tests/eventbus.");
        }

        var (exitCode, stdout, stderr) = await RunNodeAsync(Path.Combine(EventsDirectory, "generate-event-types.js"), "--stdout");

        Assert.True(exitCode == 0, $"generate-event-types.js exited {exitCode}: {stderr}");
        var committed = await File.ReadAllTextAsync(Path.Combine(EventsDirectory, "EventTypes.Generated.cs"));
        Assert.True(
            string.Equals(committed, stdout, StringComparison.Ordinal),
            "src/PaymentEvents.Core/Events/EventTypes.Generated.cs is stale: run `node src/PaymentEvents.Core/Events/generate-event-types.js`.");
    }

    private static async Task<(int ExitCode, string StdOut, string StdErr)> RunNodeAsync(string script, params string[] args)
    {
        var psi = new ProcessStartInfo("node")
        {
            WorkingDirectory = Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = System.Text.Encoding.UTF8,
            StandardErrorEncoding = System.Text.Encoding.UTF8,
        };
        psi.ArgumentList.Add(script);
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        using var process = Process.Start(psi) ?? throw new InvalidOperationException("node did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"node {script} did not finish within 2 minutes.");
        }

        return (process.ExitCode, await stdout, await stderr);
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "PaymentEvents.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"PaymentEvents.sln not found above {AppContext.BaseDirectory}.");
    }
}
