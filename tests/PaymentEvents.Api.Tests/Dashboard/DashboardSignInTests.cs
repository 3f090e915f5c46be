using System.Net;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using PaymentEvents.Api.Tests.Infrastructure;

namespace PaymentEvents.Api.Tests.Dashboard;

/// <summary>The sign-in form over plain HTTP (TestServer): redirects stay on this site; pages carry the security headers.</summary>
public sealed class DashboardSignInTests(ReceiverHostFixture fixture) : IClassFixture<ReceiverHostFixture>
{
    [Theory]
    [InlineData("//evil.example/x")]
    [InlineData("https://evil.example/x")]
    [InlineData("/\\evil.example")]
    public async Task A_foreign_return_url_lands_on_the_overview_instead(string returnUrl)
    {
        var client = fixture.Host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var login = await client.GetAsync("/dashboard/login");

        using var response = await DashboardLogin.SignInAsync(client, ReceiverHost.AdminKey, returnUrl);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/dashboard/", response.Headers.Location!.OriginalString);
        Assert.Contains("frame-ancestors 'none'", login.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.True(login.Headers.CacheControl!.NoStore);
    }

    [Fact]
    public async Task Without_a_default_scheme_the_pages_and_the_login_page_still_know_who_is_signed_in()
    {
        // A second scheme: ASP.NET Core then makes neither the default, as PaymentEvents.Api's
        // SuppressAutoDefaultScheme switch does (an AppContext switch is process-wide, so it cannot be set here).
        using var host = new ReceiverHost(services: s => s.AddAuthentication().AddCookie("SomeOtherScheme"));
        Assert.Null(await host.Services.GetRequiredService<IAuthenticationSchemeProvider>().GetDefaultAuthenticateSchemeAsync());
        var client = host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var anonymous = await client.GetAsync("/dashboard/");
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);

        Assert.DoesNotContain("class=\"who\"", await client.GetStringAsync("/dashboard/login"), StringComparison.Ordinal);
        using var signIn = await DashboardLogin.SignInAsync(client, ReceiverHost.AdminKey);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);

        Assert.Contains("class=\"who\">admin key<", await client.GetStringAsync("/dashboard/"), StringComparison.Ordinal);
        Assert.Contains("class=\"who\">admin key<", await client.GetStringAsync("/dashboard/login"), StringComparison.Ordinal);
    }
}
