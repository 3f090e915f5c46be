using PaymentEvents.Api.Tests.Infrastructure;

namespace PaymentEvents.Api.Tests.Dashboard;

/// <summary>Behind a proxy prefix (the request's path base) every link, form and asset stays under the prefix.</summary>
[Collection(BrowserCollection.Name)]
public sealed class DashboardPathPrefixTests(BrowserFixture browser) : IDisposable
{
    private readonly DashboardHost _host = new(pathBase: "/pay");

    [Fact]
    public async Task Sign_in_pages_links_and_assets_work_under_a_path_prefix()
    {
        var id = await _host.DeliverAsync("invoice.paid");
        await using var context = await browser.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        var failed = new List<string>();
        page.RequestFailed += (_, r) => failed.Add(r.Url);
        page.Response += (_, r) =>
        {
            if (r.Status >= 400)
            {
                failed.Add($"{r.Status} {r.Url}");
            }
        };

        await page.GotoAsync(_host.Dashboard + "/");
        Assert.StartsWith(_host.Origin + "/pay/dashboard/login", page.Url);
        await page.FillAsync("#key", ReceiverHost.AdminKey);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForSelectorAsync("form.signout");
        Assert.Equal(_host.Origin + "/pay/dashboard/", page.Url);

        await page.ClickAsync("header nav a:text('Events')");
        await page.ClickAsync($"a.event-id:text('{id}')");
        Assert.Equal($"{_host.Origin}/pay/dashboard/events/{id}", page.Url);

        // The stylesheet loaded from under the prefix (the header is styled dark), and nothing 404ed.
        var background = await page.EvaluateAsync<string>("getComputedStyle(document.querySelector('header')).backgroundColor");
        Assert.Equal("rgb(20, 33, 61)", background);
        Assert.Empty(failed);
        var hrefs = await page.Locator("a[href^='/']").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");
        Assert.All(hrefs, href => Assert.StartsWith("/pay/dashboard", href));
    }

    public void Dispose() => _host.Dispose();
}
