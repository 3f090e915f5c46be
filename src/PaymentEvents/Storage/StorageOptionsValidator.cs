using Microsoft.Extensions.Options;

namespace PaymentEvents.Storage;

/// <summary>Stops startup on bad storage configuration, naming the key to fix (docs/configuration.md).</summary>
/// <remarks>Engine-specific checks (the PostgreSQL connection string's syntax) are the engine package's own validators.</remarks>
internal sealed class StorageOptionsValidator(IEnumerable<EventStoreEngine> engines) : IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        if (options.Retention < TimeSpan.Zero)
        {
            return ValidateOptionsResult.Fail($"Storage:Retention must be 0 (keep everything) or a positive time span such as 30.00:00:00 (got {options.Retention}).");
        }

        if (options.WriteTimeout <= TimeSpan.Zero || options.WriteTimeout > TimeSpan.FromMinutes(2))
        {
            return ValidateOptionsResult.Fail($"Storage:WriteTimeout must be a time span above 0 and at most 00:02:00, such as 00:00:05 (got {options.WriteTimeout}).");
        }

        if (!options.IsSqlite && !options.IsPostgres)
        {
            return ValidateOptionsResult.Fail(
                $"Storage:Provider must be 'sqlite' or 'postgres' (got '{options.Provider}').");
        }

        if (!engines.Any(e => e.Serves(options.Provider)))
        {
            return ValidateOptionsResult.Fail(
                $"Storage:Provider={options.Provider.Trim()} but that storage engine is not registered: {EventStoreEngine.HowToAdd(options.Provider)}.");
        }

        if (options.IsSqlite)
        {
            return string.IsNullOrWhiteSpace(options.DataDir)
                ? ValidateOptionsResult.Fail("Storage:DataDir must name a directory for the SQLite database when Storage:Provider=sqlite.")
                : ValidateOptionsResult.Success;
        }

        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            return ValidateOptionsResult.Fail("ConnectionStrings:PaymentEvents is required when Storage:Provider=postgres.");
        }

        return ValidateOptionsResult.Success;
    }
}
