using Microsoft.Extensions.Options;
using Npgsql;

namespace PaymentEvents.Storage;

/// <summary>Stops startup on bad storage configuration, naming the key to fix (INTERFACE.md "Configuration").</summary>
internal sealed class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        if (options.Retention < TimeSpan.Zero)
        {
            return ValidateOptionsResult.Fail($"Storage:Retention must be 0 (keep everything) or a positive time span such as 30.00:00:00 (got {options.Retention}).");
        }

        if (options.IsSqlite)
        {
            return string.IsNullOrWhiteSpace(options.DataDir)
                ? ValidateOptionsResult.Fail("Storage:DataDir must name a directory for the SQLite database when Storage:Provider=sqlite.")
                : ValidateOptionsResult.Success;
        }

        if (!options.IsPostgres)
        {
            return ValidateOptionsResult.Fail(
                $"Storage:Provider must be 'sqlite' or 'postgres' (got '{options.Provider}').");
        }

        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            return ValidateOptionsResult.Fail("ConnectionStrings:PaymentEvents is required when Storage:Provider=postgres.");
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
