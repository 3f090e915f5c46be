using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace PaymentEvents.Storage;

/// <summary>Registers the PostgreSQL engine, used when <c>Storage:Provider=postgres</c>.</summary>
public static class PostgresServiceCollectionExtensions
{
    /// <summary>
    /// Makes the PostgreSQL engine available to <c>AddEventStorage</c> (called by <c>AddPaymentEvents</c>): the
    /// database of <c>ConnectionStrings:PaymentEvents</c>, whose syntax is checked at startup. Safe to call more than once.
    /// </summary>
    public static IServiceCollection AddPostgresEventStore(this IServiceCollection services)
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<StorageOptions>, PostgresConnectionStringValidator>());
        return services.AddEventStoreEngine(new EventStoreEngine(StorageOptions.Postgres, (provider, options) =>
            new PostgresEventStore(
                options.ConnectionString!,
                provider.GetRequiredService<TimeProvider>(),
                provider.GetRequiredService<ILogger<PostgresEventStore>>())));
    }

    /// <summary>The connection string parses (its presence is checked by the shared storage validator).</summary>
    private sealed class PostgresConnectionStringValidator : IValidateOptions<StorageOptions>
    {
        public ValidateOptionsResult Validate(string? name, StorageOptions options)
        {
            if (!options.IsPostgres || string.IsNullOrWhiteSpace(options.ConnectionString))
            {
                return ValidateOptionsResult.Skip;
            }

            try
            {
                _ = new NpgsqlConnectionStringBuilder(options.ConnectionString);
            }
            catch (ArgumentException)
            {
                // The parser's message may quote the string, and with it a password: say only which key is wrong.
                return ValidateOptionsResult.Fail("ConnectionStrings:PaymentEvents is not a valid PostgreSQL connection string.");
            }

            return ValidateOptionsResult.Success;
        }
    }
}
