using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace PaymentEvents.Api.Tests.Dashboard;

/// <summary>
/// One real Chromium (Debian's <c>chromium</c> package, which <c>.ci/run</c> installs) for the dashboard tests,
/// driven by Playwright for .NET. Fails, never skips, when the browser is missing.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    /// <summary>
    /// Waits until <paramref name="page"/>'s URL (the committed document's) matches <paramref name="url"/>; the assertions
    /// that follow wait for their own elements. Not <c>WaitForURLAsync</c>: when the URL already matches as it is called
    /// (the redirect committed first, as under load), it waits for the load event whatever <c>WaitUntil</c> says, and
    /// that wait hung for 90 s in full runs, three times, after the URL had matched.
    /// </summary>
    public static async Task WaitForCommittedUrlAsync(IPage page, Regex url)
    {
        try
        {
            await Poll.UntilAsync(() => url.IsMatch(page.Url), what: $"the page's URL to match {url}");
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException($"{e.Message} It is {page.Url}.", e);
        }
    }

    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"{ChromiumPath} is missing: apt-get install -y chromium (.ci/run does).");
        }

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ChromiumPath,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }

    /// <summary>Where the tests save a screenshot of each page: <c>docs/screenshots/</c> of the repository.</summary>
    public static string ScreenshotPath(string name)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "PaymentEvents.sln")))
        {
            dir = dir.Parent;
        }

        var folder = Path.Combine(dir?.FullName ?? AppContext.BaseDirectory, "docs", "screenshots");
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, name + ".png");
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
