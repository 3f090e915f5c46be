using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PaymentEvents.Admin;
using PaymentEvents.Dashboard.Pages;
using PaymentEvents.Telemetry;

namespace PaymentEvents.Dashboard;

/// <summary>The dashboard's routes under <c>{PathBase}{Dashboard:Path}</c>: sign-in, pages, actions, embedded assets.</summary>
internal static partial class DashboardEndpoints
{
    private static readonly string[] Assets = ["dashboard.css", "dashboard.js"];

    public static RouteGroupBuilder MapDashboard(this IEndpointRouteBuilder endpoints, DashboardOptions options)
    {
        // Counting starts now, before the first delivery.
        _ = endpoints.ServiceProvider.GetRequiredService<SignatureFailureCounts>();
        var group = endpoints.MapGroup(options.Path).ExcludeFromDescription();
        group.AddEndpointFilter(static async (context, next) =>
        {
            // Pages show events and payloads: never cached, never framed, no script or style from anywhere else.
            var headers = context.HttpContext.Response.Headers;
            headers.CacheControl = "no-store";
            headers.ContentSecurityPolicy = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "same-origin";
            return await next(context);
        });

        group.MapGet("/assets/{name}", Asset).AllowAnonymous();
        var hostPolicy = options.AuthorizationPolicy;
        if (hostPolicy is null)
        {
            group.MapGet("/login", LoginPage).AllowAnonymous();
            group.MapPost("/login", SignInAsync).AllowAnonymous();
        }

        var read = group.MapGroup("/").RequireAuthorization(hostPolicy ?? DashboardAuth.ReadPolicy);
        var write = group.MapGroup("/").RequireAuthorization(hostPolicy ?? DashboardAuth.WritePolicy);
        read.MapPost("/logout", (Func<HttpContext, Task<IResult>>)SignOutAsync);
        MapPages(read, write);
        return group;
    }

    /// <summary>The view model every page gets: base URL, who is signed in, what they may do, a form token.</summary>
    internal static DashboardView View(HttpContext http, string section)
    {
        var options = http.RequestServices.GetRequiredService<IOptions<DashboardOptions>>().Value;
        var hostPolicy = options.AuthorizationPolicy is not null;
        var user = http.User.Identity is { IsAuthenticated: true } identity ? identity.Name ?? "signed in" : null;
        var canWrite = user is not null && (hostPolicy || http.User.IsInRole(DashboardAuth.FullRole));
        var tokens = http.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(http);
        return new DashboardView(http.Request.PathBase + options.Path, section, user is not null, canWrite, user, tokens);
    }

    internal static RazorComponentResult Page<TPage>(HttpContext http, string section, Dictionary<string, object?> parameters, int status = StatusCodes.Status200OK)
        where TPage : IComponent
    {
        parameters["View"] = View(http, section);
        return new RazorComponentResult<TPage>(parameters) { StatusCode = status };
    }

    /// <summary>Every state change posts a form with the anti-forgery token; without a valid one it is refused with 400.</summary>
    internal static async Task<RazorComponentResult?> RefuseForgedAsync(HttpContext http)
    {
        if (await http.RequestServices.GetRequiredService<IAntiforgery>().IsRequestValidAsync(http))
        {
            return null;
        }

        return Page<MessagePage>(http, "", new()
        {
            ["Title"] = "Form expired",
            ["Message"] = "The form was not sent by this dashboard or has expired (anti-forgery check failed). Go back, reload the page and try again.",
        }, StatusCodes.Status400BadRequest);
    }

    private static async Task<RazorComponentResult> LoginPage(HttpContext http, string? returnUrl)
    {
        // The only anonymous page that shows who is signed in: it authenticates with the dashboard's scheme itself, so
        // it does not depend on the host authenticating every request with a default scheme (see DashboardAuth).
        await DashboardAuth.AuthenticateAsync(http);
        return Page<LoginPage>(http, "login", new() { ["ReturnUrl"] = returnUrl });
    }

    private static async Task<IResult> SignInAsync(HttpContext http, AdminAuthGuard guard)
    {
        if (await RefuseForgedAsync(http) is { } forged)
        {
            return forged;
        }

        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        var returnUrl = form["returnUrl"].ToString();
        // The same guard as the API's X-Api-Key: a wrong key counts against the client's failures, and a client that
        // used them up gets 429 here too.
        var access = guard.Authenticate(http, form["key"].ToString(), out var refusal);
        if (refusal is IStatusCodeHttpResult { StatusCode: StatusCodes.Status429TooManyRequests })
        {
            return refusal;
        }

        if (access == AdminAccess.None)
        {
            return Page<LoginPage>(http, "login", new() { ["ReturnUrl"] = returnUrl, ["Error"] = "That key is not Admin:ApiKey or Admin:ReadOnlyApiKey." }, StatusCodes.Status401Unauthorized);
        }

        await DashboardAuth.SignInAsync(http, access);
        var home = View(http, "").Base + "/";
        // Only a local path: an absolute or protocol-relative returnUrl would make the sign-in an open redirect.
        return TypedResults.Redirect(IsLocal(returnUrl) ? returnUrl : home);
    }

    private static async Task<IResult> SignOutAsync(HttpContext http)
    {
        if (await RefuseForgedAsync(http) is { } forged)
        {
            return forged;
        }

        await DashboardAuth.SignOutAsync(http);
        return TypedResults.Redirect(View(http, "").Base + "/login");
    }

    private static bool IsLocal(string url) =>
        url.Length > 0 && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'));

    private static IResult Asset(string name, HttpContext http)
    {
        if (!Assets.Contains(name, StringComparer.Ordinal))
        {
            return TypedResults.NotFound();
        }

        var stream = typeof(DashboardEndpoints).Assembly.GetManifestResourceStream("PaymentEvents.Dashboard." + name)
            ?? throw new InvalidOperationException($"Embedded dashboard asset {name} is missing from the build.");
        http.Response.Headers.CacheControl = "public, max-age=300";
        return TypedResults.Stream(stream, name.EndsWith(".css", StringComparison.Ordinal) ? "text/css; charset=utf-8" : "text/javascript; charset=utf-8");
    }
}
