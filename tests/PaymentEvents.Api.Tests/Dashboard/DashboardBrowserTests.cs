using System.Text.RegularExpressions;
using Microsoft.Playwright;
using PaymentEvents.Api.Tests.Infrastructure;
using PaymentEvents.Storage;

namespace PaymentEvents.Api.Tests.Dashboard;

/// <summary>The dashboard in a real Chromium against the real host on a socket.</summary>
[Collection(BrowserCollection.Name)]
public sealed class DashboardBrowserTests(BrowserFixture browser) : IAsyncLifetime, IDisposable
{
    private readonly DashboardHost _host = new();
    private IBrowserContext _context = default!;
    private IPage _page = default!;

    public async Task InitializeAsync()
    {
        _context = await browser.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 } });
        // Playwright's 30 s default was met once by a page load on a loaded 2-core machine; the bound is a ceiling, not a pace.
        _context.SetDefaultTimeout(90_000);
        _page = await _context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        await _context.DisposeAsync();
    }

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task Wrong_key_is_refused_and_the_admin_key_signs_in_with_a_strict_http_only_cookie()
    {
        await _page.GotoAsync(_host.Dashboard + "/events");
        Assert.Matches("/dashboard/login", _page.Url);
        await _page.ScreenshotAsync(new() { Path = BrowserFixture.ScreenshotPath("login") });

        await _page.FillAsync("#key", ReceiverHost.AdminKey + "-wrong");
        var refused = await _page.RunAndWaitForResponseAsync(() => _page.ClickAsync("button[type=submit]"), r => r.Url.EndsWith("/login", StringComparison.Ordinal));
        Assert.Equal(401, refused.Status);
        Assert.Contains("not Admin:ApiKey", await _page.InnerTextAsync("[role=alert]"));
        Assert.DoesNotContain(await _context.CookiesAsync(), c => c.Name == "PaymentEvents.Dashboard");

        await SignInAsync(ReceiverHost.AdminKey);

        // Back where the sign-in started (the return URL), with the session cookie set as the issue asks.
        Assert.EndsWith("/dashboard/events", _page.Url);
        var cookie = Assert.Single(await _context.CookiesAsync(), c => c.Name == "PaymentEvents.Dashboard");
        Assert.True(cookie.HttpOnly);
        Assert.Equal(SameSiteAttribute.Strict, cookie.SameSite);
    }

    [Fact]
    public async Task Events_are_listed_newest_first_filtered_by_type_and_new_ones_appear_without_a_reload()
    {
        var paid = await _host.DeliverAsync("invoice.paid", objectId: "in_list_1");
        var renewed = await _host.DeliverAsync("customer.subscription.renewed", objectId: "sub_list_1", livemode: true);
        await SignInAsync(ReceiverHost.AdminKey);

        await _page.GotoAsync(_host.Dashboard + "/events");
        var ids = await _page.Locator("#event-rows tr").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.id)");
        Assert.Equal([renewed, paid], ids);

        await _page.FillAsync("input[name=type]", "invoice.paid");
        await _page.ClickAsync("form.filters button[type=submit]");
        await _page.WaitForFunctionAsync("() => location.search.includes('type=invoice.paid') && document.querySelectorAll('#event-rows tr').length === 1");
        Assert.Equal([paid], await _page.Locator("#event-rows tr").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.id)"));

        // A delivery while the page is open shows up on its own (the page polls itself).
        var later = await _host.DeliverAsync("invoice.paid", objectId: "in_list_2");
        await _page.Locator($"#event-rows tr.new[data-id='{later}']").WaitForAsync();
        await _page.ScreenshotAsync(new() { Path = BrowserFixture.ScreenshotPath("events"), FullPage = true });

        await _page.ClickAsync($"a.event-id:text('{later}')");
        await BrowserFixture.WaitForCommittedUrlAsync(_page, new Regex($"/dashboard/events/{later}$"));
        Assert.Equal(later, await _page.InnerTextAsync("#event-id"));
    }

    [Fact]
    public async Task Detail_shows_payload_and_attempts_and_replay_runs_the_handler_again()
    {
        _host.Failures.Failing = true;
        var id = await _host.DeliverAsync(DashboardHost.FailingType, objectId: "in_dead_1");
        await _host.WaitStatusAsync(id, EventStatus.Dead);
        await SignInAsync(ReceiverHost.AdminKey);

        await _page.GotoAsync($"{_host.Dashboard}/events/{id}");
        Assert.Contains("dead", await _page.InnerTextAsync(".envelope .status"));
        Assert.Contains("switched off", await _page.InnerTextAsync(".envelope"));
        Assert.Contains("\"note\": \"café ☕ <&>\"", await _page.InnerTextAsync(".json"));

        _host.Failures.Failing = false;
        await _page.ClickAsync("#replay");
        await BrowserFixture.WaitForCommittedUrlAsync(_page, new Regex("done=replayed"));
        await _host.WaitStatusAsync(id, EventStatus.Processed);
        Assert.Equal(2, _host.Failures.Calls[id]);

        await _page.ReloadAsync();
        Assert.Contains("processed", await _page.InnerTextAsync(".envelope .status"));
        // The timeline shows both runs: the failure with its error, then the success.
        Assert.Equal(["failed", "succeeded"], await _page.Locator(".timeline li .outcome").AllInnerTextsAsync());
        Assert.Contains("switched off", await _page.InnerTextAsync(".timeline li.failed"));
        await _page.ScreenshotAsync(new() { Path = BrowserFixture.ScreenshotPath("event-detail"), FullPage = true });
    }

    [Fact]
    public async Task A_post_without_the_anti_forgery_token_is_refused_and_changes_nothing()
    {
        _host.Failures.Failing = true;
        var id = await _host.DeliverAsync(DashboardHost.FailingType);
        await _host.WaitStatusAsync(id, EventStatus.Dead);
        await SignInAsync(ReceiverHost.AdminKey);

        // Same browser session (the cookie goes along), but a form that did not come from the dashboard.
        var forged = await _page.APIRequest.PostAsync($"{_host.Dashboard}/events/{id}/replay", new() { Form = _context.APIRequest.CreateFormData().Set("x", "1") });

        Assert.Equal(400, forged.Status);
        Assert.Contains("anti-forgery", await forged.TextAsync());
        Assert.Equal(EventStatus.Dead, (await _host.Host.Store.GetAsync(id, CancellationToken.None))!.Status);
        Assert.Equal(1, _host.Failures.Calls[id]);
    }

    [Fact]
    public async Task The_read_only_key_sees_events_but_cannot_replay()
    {
        _host.Failures.Failing = true;
        var id = await _host.DeliverAsync(DashboardHost.FailingType);
        await _host.WaitStatusAsync(id, EventStatus.Dead);
        await SignInAsync(DashboardHost.ReadOnlyKey);

        await _page.GotoAsync($"{_host.Dashboard}/events/{id}");
        Assert.Equal(0, await _page.Locator("#replay").CountAsync());
        Assert.Contains("read only", await _page.InnerTextAsync("header"));

        // Even with a valid anti-forgery token (taken from the sign-out form) the replay route answers 403.
        var field = _page.Locator("form.signout input[type=hidden]");
        var form = _context.APIRequest.CreateFormData().Set((await field.GetAttributeAsync("name"))!, (await field.GetAttributeAsync("value"))!);
        var attempt = await _page.APIRequest.PostAsync($"{_host.Dashboard}/events/{id}/replay", new() { Form = form, MaxRedirects = 0 });

        Assert.Equal(403, attempt.Status);
        Assert.Equal(EventStatus.Dead, (await _host.Host.Store.GetAsync(id, CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task Dead_letters_and_rejected_deliveries_pages_show_what_failed()
    {
        _host.Failures.Failing = true;
        var dead = await _host.DeliverAsync(DashboardHost.FailingType, objectId: "in_dead_2");
        await _host.WaitStatusAsync(dead, EventStatus.Dead);
        using (var unsigned = new HttpRequestMessage(HttpMethod.Post, ReceiverHost.CallbackPath.TrimStart('/')) { Content = new StringContent("{\"id\":\"evt_unsigned\",\"type\":\"invoice.paid\"}", System.Text.Encoding.UTF8, "application/json") })
        {
            Assert.Equal(400, (int)(await _host.Http.SendAsync(unsigned)).StatusCode);
        }

        await SignInAsync(ReceiverHost.AdminKey);
        await _page.GotoAsync(_host.Dashboard + "/dead");
        Assert.Contains(dead, await _page.InnerTextAsync("table.events"));
        await _page.ScreenshotAsync(new() { Path = BrowserFixture.ScreenshotPath("dead-letters"), FullPage = true });

        _host.Failures.Failing = false;
        await _page.ClickAsync($"button.replay-type:text('{DashboardHost.FailingType}')");
        await BrowserFixture.WaitForCommittedUrlAsync(_page, new Regex("replayed=1"));
        await _host.WaitStatusAsync(dead, EventStatus.Processed);

        var second = await _host.DeliverAsync(DashboardHost.FailingType, objectId: "in_dead_3");
        await _host.WaitStatusAsync(second, EventStatus.Processed);
        _host.Failures.Failing = true;
        var third = await _host.DeliverAsync(DashboardHost.FailingType, objectId: "in_dead_4");
        await _host.WaitStatusAsync(third, EventStatus.Dead);
        await _page.GotoAsync(_host.Dashboard + "/dead");
        await _page.ClickAsync($"tr[data-id='{third}'] button.resolve");
        await BrowserFixture.WaitForCommittedUrlAsync(_page, new Regex("resolved="));
        Assert.Equal(EventStatus.Resolved, (await _host.Host.Store.GetAsync(third, CancellationToken.None))!.Status);
        Assert.Equal(1, _host.Failures.Calls[third]);

        await _page.GotoAsync(_host.Dashboard + "/rejections");
        Assert.Contains("x-component-sig header is missing", await _page.InnerTextAsync("table.rejections"));
        Assert.Contains("evt_unsigned", await _page.TextContentAsync("table.rejections")); // the body excerpt, folded away
        await _page.ScreenshotAsync(new() { Path = BrowserFixture.ScreenshotPath("rejections"), FullPage = true });

        await _page.GotoAsync(_host.Dashboard + "/");
        await _page.ScreenshotAsync(new() { Path = BrowserFixture.ScreenshotPath("overview"), FullPage = true });
        Assert.Contains("Signature failures by reason", await _page.InnerTextAsync("main"));
        Assert.Equal(60, await _page.Locator(".chart rect.deliveries").CountAsync());
        Assert.Equal("1", await _page.InnerTextAsync("a.card:has(.status.resolved) .count"));
    }

    private async Task SignInAsync(string key)
    {
        if (!_page.Url.Contains("/dashboard/login", StringComparison.Ordinal))
        {
            await _page.GotoAsync(_host.Dashboard + "/login");
        }

        await _page.FillAsync("#key", key);
        await _page.ClickAsync("button[type=submit]");
        await _page.WaitForSelectorAsync("form.signout");
    }
}
