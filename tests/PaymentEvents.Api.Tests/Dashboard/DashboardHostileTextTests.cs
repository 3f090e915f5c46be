using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using PaymentEvents.Api.Tests.Infrastructure;
using PaymentEvents.Storage;

namespace PaymentEvents.Api.Tests.Dashboard;

/// <summary>
/// Hostile strings in a real Chromium: ids with '/', '%' and spaces open and replay by their link, a 100 KB id does not
/// widen the events table, a long type does not fill the heading, and bidi overrides show as visible markers.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class DashboardHostileTextTests(BrowserFixture browser) : IAsyncLifetime, IDisposable
{
    private const int ViewportWidth = 1280;
    private readonly DashboardHost _host = new();
    private IBrowserContext _context = default!;
    private IPage _page = default!;

    public async Task InitializeAsync()
    {
        _context = await browser.Browser.NewContextAsync(new() { ViewportSize = new() { Width = ViewportWidth, Height = 900 } });
        // Playwright's 30 s default was met once by a page load on a loaded 2-core machine; the bound is a ceiling, not a pace.
        _context.SetDefaultTimeout(90_000);
        _page = await _context.NewPageAsync();
        await _page.GotoAsync(_host.Dashboard + "/login");
        await _page.FillAsync("#key", ReceiverHost.AdminKey);
        await _page.ClickAsync("button[type=submit]");
        await _page.WaitForSelectorAsync("form.signout");
    }

    public async Task DisposeAsync() => await _context.DisposeAsync();

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task An_id_with_slash_percent_and_space_opens_from_its_link_and_replays()
    {
        const string id = "evt_a/b 100%_<x>";
        await DeliverAsync(TestEvents.Json(id, type: "invoice.paid"));

        await _page.GotoAsync(_host.Dashboard + "/events");
        await _page.Locator("a.event-id").First.ClickAsync();
        await BrowserFixture.WaitForCommittedUrlAsync(_page, new Regex("/dashboard/events/evt_a%2Fb"));
        Assert.Equal(id, await _page.InnerTextAsync("#event-id"));

        await _page.ClickAsync("#replay");
        await BrowserFixture.WaitForCommittedUrlAsync(_page, new Regex("done=replayed"));
        Assert.Equal(id, await _page.InnerTextAsync("#event-id"));
        Assert.Contains("Queued again", await _page.InnerTextAsync("[role=status]"));
    }

    [Fact]
    public async Task A_100_KB_id_does_not_widen_the_events_table_and_its_whole_value_stays_available()
    {
        // Stored before ids had a limit (the callback now refuses it): the dashboard must still show it safely.
        var huge = "evt_" + new string('w', 100 * 1024);
        await _host.Host.Store.InsertAsync(new NewEvent(huge, "invoice.paid", null, false, TestEvents.Json(huge, type: "invoice.paid"), _host.Host.Time.GetUtcNow()), CancellationToken.None);
        var normal = TestEvents.NewId();
        await DeliverAsync(TestEvents.Json(normal, type: "invoice.paid"));

        await _page.GotoAsync(_host.Dashboard + "/events");
        var widths = await _page.EvaluateAsync<int[]>("() => [document.querySelector('table.events').getBoundingClientRect().width, document.documentElement.scrollWidth, window.innerWidth]");
        Assert.True(widths[0] <= ViewportWidth && widths[1] <= widths[2], $"table {widths[0]} px, page {widths[1]} px, viewport {widths[2]} px");

        var link = _page.Locator("#event-rows a.event-id[title]");
        Assert.Equal(huge, await link.GetAttributeAsync("title"));
        Assert.EndsWith("…", await link.InnerTextAsync(), StringComparison.Ordinal);
        await _page.ScreenshotAsync(new() { Path = BrowserFixture.ScreenshotPath("events-hostile") });
    }

    [Fact]
    public async Task Bidi_overrides_show_as_visible_markers_and_a_long_type_is_cut_in_the_heading()
    {
        const string id = "evt_inj_rtl_\u202Egnp.exe\u202Cx";
        var type = "evt.type." + new string('t', 119); // 128 characters, the longest accepted
        await DeliverAsync(TestEvents.Json(id, type: type));

        await _page.GotoAsync(_host.Dashboard + "/events");
        var shown = await _page.InnerTextAsync("a.event-id");
        Assert.Equal("evt_inj_rtl_‹U+202E›gnp.exe‹U+202C›x", shown);

        await _page.ClickAsync("a.event-id");
        await _page.WaitForSelectorAsync("#event-id");
        Assert.Equal("evt_inj_rtl_‹U+202E›gnp.exe‹U+202C›x", await _page.InnerTextAsync("#event-id"));
        var heading = _page.Locator("h1");
        Assert.Equal(type, await heading.GetAttributeAsync("title"));
        Assert.Equal(type[..80] + "…", await heading.InnerTextAsync());
        Assert.Equal(type, await _page.InnerTextAsync("#event-type"));
        var widths = await _page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
        Assert.True(widths[0] <= widths[1], $"page {widths[0]} px, viewport {widths[1]} px");
    }

    private async Task DeliverAsync(string json)
    {
        using var request = _host.Host.SignedDelivery(json);
        request.RequestUri = new Uri(_host.Origin + ReceiverHost.CallbackPath);
        using var response = await _host.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
