using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using PaymentEvents.Api.Tests.Infrastructure;

namespace PaymentEvents.Api.Tests.Dashboard;

/// <summary><c>Dashboard:AuthorizationPolicy</c>: the host's own policy (its SSO) guards the dashboard instead of the keys.</summary>
public sealed class DashboardPolicyTests : IDisposable
{
    private readonly ReceiverHost _host = new(
        s =>
        {
            s["Admin:ApiKey"] = null;
            s["Dashboard:AuthorizationPolicy"] = "ops";
        },
        services =>
        {
            // Stand-in for an SSO: a default cookie scheme whose challenge goes to the host's login, and a policy.
            services.AddAuthentication("sso").AddCookie("sso", o => o.LoginPath = "/sso/login");
            services.AddAuthorizationBuilder().AddPolicy("ops", p => p.RequireAssertion(
                c => c.Resource is HttpContext http && http.Request.Headers["X-Test-Sso"] == "ops-user"));
        });

    [Fact]
    public async Task The_host_policy_decides_and_the_key_sign_in_is_not_mapped()
    {
        var client = _host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var anonymous = await client.GetAsync("/dashboard/");
        using var allowed = new HttpRequestMessage(HttpMethod.Get, "/dashboard/events");
        allowed.Headers.Add("X-Test-Sso", "ops-user");
        var signedIn = await client.SendAsync(allowed);
        var login = await client.GetAsync("/dashboard/login");

        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.StartsWith("http://localhost/sso/login", anonymous.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
        Assert.Contains("<h1>Events</h1>", await signedIn.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.NotEqual(HttpStatusCode.OK, login.StatusCode);
    }

    [Fact]
    public async Task Without_a_key_or_a_policy_the_dashboard_is_off()
    {
        using var host = new ReceiverHost(s => s["Admin:ApiKey"] = null);

        var response = await host.CreateClient().GetAsync("/dashboard/");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    public void Dispose() => _host.Dispose();
}
