using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace PaymentEvents.Dashboard;

/// <summary>Service registration of the dashboard: its options, static Razor rendering, the key cookie and policies.</summary>
internal static class DashboardServiceCollectionExtensions
{
    /// <summary>
    /// Binds and validates <c>Dashboard:*</c> and registers what the pages need. The host's default authentication
    /// scheme is left alone: the key sign-in is a cookie scheme of its own, used only by the dashboard's policies.
    /// </summary>
    public static IServiceCollection AddDashboard(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DashboardOptions>()
            .Bind(configuration.GetSection(DashboardOptions.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DashboardOptions>, DashboardOptionsValidator>());

        services.AddRazorComponents();
        services.AddAntiforgery();
        services.AddAuthentication().AddCookie(DashboardAuth.Scheme);
        services.AddOptions<CookieAuthenticationOptions>(DashboardAuth.Scheme)
            .Configure<IOptions<DashboardOptions>>((cookie, dashboard) => DashboardAuth.ConfigureCookie(cookie, dashboard.Value.Path));
        services.AddAuthorizationBuilder()
            .AddPolicy(DashboardAuth.ReadPolicy, policy => policy
                .AddAuthenticationSchemes(DashboardAuth.Scheme)
                .RequireAuthenticatedUser())
            .AddPolicy(DashboardAuth.WritePolicy, policy => policy
                .AddAuthenticationSchemes(DashboardAuth.Scheme)
                .RequireRole(DashboardAuth.FullRole));
        return services;
    }
}
