using PaymentEvents.Tests.Interop;

namespace PaymentEvents.Tests.Events;

/// <summary>
/// EventTypes.Generated.cs is exactly what generate-event-types.js makes from the installed @blocklet/payment-types
/// (tests/eventbus/node_modules, pinned by its lock file): a package update that changes the EventType union fails
/// here until the file is regenerated, and a hand edit of the generated file fails too.
/// </summary>
public sealed class EventTypesGeneratorTests
{
    private static readonly string Root = Path.GetFullPath(Path.Combine(InteropTool.Directory, "..", ".."));
    private static readonly string EventsDirectory = Path.Combine(Root, "src", "PaymentEvents.Core", "Events");

    [Fact]
    public async Task The_generated_file_is_what_the_generator_makes_from_payment_types()
    {
        var package = Path.Combine(Root, "tests", "eventbus", "node_modules", "@blocklet", "payment-types", "package.json");
        if (!File.Exists(package))
        {
            Assert.Fail($"@blocklet/payment-types is not installed ({package}). Run `npm ci --ignore-scripts` in tests/eventbus.");
        }

        var (exitCode, stdout, stderr) = await InteropTool.RunNodeAsync(Path.Combine(EventsDirectory, "generate-event-types.js"), TimeSpan.FromMinutes(2), "--stdout");

        Assert.True(exitCode == 0, $"generate-event-types.js exited {exitCode}: {stderr}");
        var committed = await File.ReadAllTextAsync(Path.Combine(EventsDirectory, "EventTypes.Generated.cs"));
        Assert.True(
            string.Equals(committed, stdout, StringComparison.Ordinal),
            "src/PaymentEvents.Core/Events/EventTypes.Generated.cs is stale: run `node src/PaymentEvents.Core/Events/generate-event-types.js`.");
    }
}
