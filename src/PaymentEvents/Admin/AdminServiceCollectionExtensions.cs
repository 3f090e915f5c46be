using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace PaymentEvents.Admin;

/// <summary>Service registration of the admin API.</summary>
internal static class AdminServiceCollectionExtensions
{
    /// <summary>Binds and validates <c>Admin:*</c>; the routes are mapped only when an admin key is set.</summary>
    public static IServiceCollection AddAdminApi(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AdminOptions>()
            .Bind(configuration.GetSection(AdminOptions.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AdminOptions>, AdminOptionsValidator>());
        services.TryAddSingleton<AdminKeys>();
        services.TryAddSingleton<AdminAuthGuard>();
        services.TryAddSingleton<ApiKeyFilter>();
        return services;
    }
}
