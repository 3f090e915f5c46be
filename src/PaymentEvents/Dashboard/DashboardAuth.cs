using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using PaymentEvents.Admin;

namespace PaymentEvents.Dashboard;

/// <summary>The key sign-in: a cookie scheme of its own (the host's default scheme is untouched) and two policies.</summary>
internal static class DashboardAuth
{
    public const string Scheme = "PaymentEvents.Dashboard";
    public const string CookieName = "PaymentEvents.Dashboard";

    /// <summary>Signed in with either key.</summary>
    public const string ReadPolicy = "PaymentEvents.Dashboard.Read";

    /// <summary>Signed in with <c>Admin:ApiKey</c>: may replay and resolve.</summary>
    public const string WritePolicy = "PaymentEvents.Dashboard.Write";

    public const string FullRole = "admin";
    public const string ReadOnlyRole = "reader";

    public static Task SignInAsync(HttpContext http, AdminAccess access)
    {
        var role = access == AdminAccess.Full ? FullRole : ReadOnlyRole;
        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, role == FullRole ? "admin key" : "read-only key"), new Claim(ClaimTypes.Role, role)],
            Scheme);
        return http.SignInAsync(Scheme, new ClaimsPrincipal(identity), new AuthenticationProperties { IsPersistent = false });
    }

    public static Task SignOutAsync(HttpContext http) => http.SignOutAsync(Scheme);

    /// <summary>
    /// Sets <see cref="HttpContext.User"/> from the dashboard's cookie when nothing has authenticated the request yet.
    /// The pages behind the read and write policies need no call: a policy naming this scheme authenticates with it. A
    /// host need not make this scheme its default, and PaymentEvents.Api does not: it sets
    /// <c>Microsoft.AspNetCore.Authentication.SuppressAutoDefaultScheme</c>, so a webhook delivery is never put through
    /// a cookie check (profiled: ~2.3% of the callback's CPU).
    /// </summary>
    public static async Task AuthenticateAsync(HttpContext http)
    {
        if (http.User.Identity is { IsAuthenticated: true })
        {
            return;
        }

        var result = await http.AuthenticateAsync(Scheme);
        if (result.Succeeded)
        {
            http.User = result.Principal;
        }
    }

    public static void ConfigureCookie(CookieAuthenticationOptions cookie, string dashboardPath)
    {
        cookie.Cookie.Name = CookieName;
        cookie.Cookie.HttpOnly = true;
        cookie.Cookie.SameSite = SameSiteMode.Strict;
        cookie.Cookie.SecurePolicy = Microsoft.AspNetCore.Http.CookieSecurePolicy.SameAsRequest;
        cookie.ExpireTimeSpan = TimeSpan.FromHours(8);
        cookie.SlidingExpiration = true;
        cookie.LoginPath = dashboardPath + "/login";
        cookie.LogoutPath = dashboardPath + "/logout";
        cookie.ReturnUrlParameter = "returnUrl";
        // A read-only key pressing replay gets a plain 403, not a redirect loop to an access-denied page.
        cookie.Events.OnRedirectToAccessDenied = context =>
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return Task.CompletedTask;
        };
    }
}
