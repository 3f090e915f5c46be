using System.Net;
using System.Text;
using System.Text.Json;
using PaymentEvents.Api.Tests.Infrastructure;
using PaymentEvents.Events;
using PaymentEvents.Events.Samples;
using PaymentEvents.Protocol;

namespace PaymentEvents.Api.Tests.Container;

/// <summary>
/// The shipped deployment, for real: two published replicas on one PostgreSQL behind Debian's nginx running
/// docker/nginx.conf, which mounts the service under <c>/pay/</c>. Uses i8's settings
/// (<c>ForwardedHeaders:KnownProxies</c>, <c>OpenApi:Enabled</c>).
/// </summary>
[Collection(DotnetBuildCollection.Name)]
public sealed class BehindNginxTests(ContainerStack stack) : IClassFixture<ContainerStack>
{
    private const string PublicPath = "/pay/api/payment/callback";

    [Fact]
    public async Task Signed_deliveries_through_the_prefix_are_stored_once_in_the_shared_database_and_reach_both_replicas()
    {
        using var proxy = new HttpClient { BaseAddress = stack.Proxy };
        var signer = new RequestSigner(stack.Key, TimeProvider.System);
        var ids = new List<string>();
        for (var i = 0; i < 6; i++)
        {
            var body = SampleEvents.Create(EventTypes.Documented[i], TimeProvider.System).ToJsonString();
            ids.Add(JsonDocument.Parse(body).RootElement.GetProperty("id").GetString()!);
            using var response = await proxy.SendAsync(Delivery(signer, PublicPath, body));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("\"duplicate\":false", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        // nginx balanced the deliveries over both upstreams.
        var served = File.ReadAllLines(stack.NginxAccessLog).Where(l => l.StartsWith(PublicPath, StringComparison.Ordinal)).ToList();
        foreach (var replica in stack.Replicas)
        {
            Assert.Contains(served, l => l.EndsWith($"127.0.0.1:{replica.Port}", StringComparison.Ordinal));
        }

        // Either replica sees every event: one database; each is handled once, by one of them.
        using var admin = new HttpClient { BaseAddress = stack.Replicas[0].BaseAddress };
        admin.DefaultRequestHeaders.Add("X-Api-Key", ContainerStack.AdminKey);
        foreach (var id in ids)
        {
            var stored = await HostProcess.WaitUntilFinalAsync(admin, id);
            Assert.Equal("processed", stored.GetProperty("status").GetString());
        }
    }

    [Fact]
    public async Task A_delivery_signed_for_another_services_path_is_refused_whatever_prefix_headers_the_client_sends()
    {
        using var proxy = new HttpClient { BaseAddress = stack.Proxy };
        var signer = new RequestSigner(stack.Key, TimeProvider.System);
        var body = SampleEvents.Create(EventTypes.InvoicePaid, TimeProvider.System).ToJsonString();
        using var request = Delivery(signer, "/other/api/payment/callback", body);
        request.RequestUri = new Uri(PublicPath, UriKind.Relative);
        request.Headers.Add("X-Forwarded-Prefix", "/other");
        request.Headers.Add("x-path-prefix", "/other");

        using var response = await proxy.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData("/pay/metrics")]
    [InlineData("/pay/readyz")]
    [InlineData("/pay/api/events")]
    [InlineData("/metrics")]
    public async Task Only_the_callback_and_the_api_description_are_published(string path)
    {
        using var proxy = new HttpClient { BaseAddress = stack.Proxy };

        using var response = await proxy.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("paymentevents", await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// A real browser opens the Swagger UI through the prefix and renders the operations, which it can only do after
    /// fetching the OpenAPI document through the prefix too. Needs i8's prefix-aware Swagger UI.
    /// </summary>
    [Fact]
    public async Task Swagger_UI_loads_through_the_prefix_in_a_real_browser()
    {
        var url = new Uri(stack.Proxy, "/pay/swagger/index.html");
        var (exitCode, dom) = await Repo.RunAsync(
            Chromium(),
            ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--virtual-time-budget=20000", "--dump-dom", url.ToString()],
            Path.GetTempPath(),
            TimeSpan.FromMinutes(2));

        Assert.True(exitCode == 0, dom);
        Assert.DoesNotContain("Failed to load API definition", dom, StringComparison.Ordinal);
        Assert.Contains("data-path=\"/api/payment/callback\"", dom, StringComparison.Ordinal);
    }

    /// <summary>The image's HEALTHCHECK command, as the container runs it: the port from the environment, no URL.</summary>
    [Fact]
    public async Task Healthcheck_command_exits_0_for_a_live_replica_and_1_for_a_closed_port()
    {
        var live = await Repo.RunAsync("dotnet", [stack.AppDll, "healthcheck"], Path.GetTempPath(), TimeSpan.FromMinutes(1),
            new Dictionary<string, string> { ["ASPNETCORE_HTTP_PORTS"] = stack.Replicas[0].Port.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        var closed = await Repo.RunAsync("dotnet", [stack.AppDll, "healthcheck", $"http://127.0.0.1:{HostProcess.FreePort()}/healthz"], Path.GetTempPath(), TimeSpan.FromMinutes(1));

        Assert.True(live.ExitCode == 0, live.Output);
        Assert.Contains("answered 200", live.Output, StringComparison.Ordinal);
        Assert.Equal(1, closed.ExitCode);
    }

    /// <summary>
    /// The published host does not make the dashboard's cookie its default scheme (its runtimeconfig sets
    /// SuppressAutoDefaultScheme, so deliveries skip a cookie check): the dashboard still signs in and knows who is signed in.
    /// </summary>
    [Fact]
    public async Task The_dashboard_signs_in_on_a_replica_whose_host_has_no_default_scheme()
    {
        var runtimeConfig = await File.ReadAllTextAsync(Path.ChangeExtension(stack.AppDll, ".runtimeconfig.json"));
        Assert.Contains("\"Microsoft.AspNetCore.Authentication.SuppressAutoDefaultScheme\": true", runtimeConfig, StringComparison.Ordinal);
        using var handler = new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false };
        using var replica = new HttpClient(handler) { BaseAddress = stack.Replicas[0].BaseAddress };

        using var signIn = await DashboardLogin.SignInAsync(replica, ContainerStack.AdminKey);

        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Contains("class=\"who\">admin key<", await replica.GetStringAsync("/dashboard/"), StringComparison.Ordinal);
        Assert.Contains("class=\"who\">admin key<", await replica.GetStringAsync("/dashboard/login"), StringComparison.Ordinal);
    }

    private static string Chromium() =>
        new[] { "/usr/bin/chromium", "/usr/bin/chromium-browser" }.FirstOrDefault(File.Exists)
        ?? throw new InvalidOperationException("chromium is not installed (apt-get install chromium; test.sh does it).");

    private static HttpRequestMessage Delivery(RequestSigner signer, string signedPath, string body)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        return ReceiverHost.Delivery(bytes, signedPath, signer.SignV1("POST", signedPath, null, bytes));
    }
}
