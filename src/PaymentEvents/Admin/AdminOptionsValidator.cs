using Microsoft.Extensions.Options;

namespace PaymentEvents.Admin;

/// <summary>A short admin key is guessable: refuse it at startup, naming the key.</summary>
internal sealed class AdminOptionsValidator : IValidateOptions<AdminOptions>
{
    internal const int MinimumKeyLength = 16;
    internal const int MaxRejectionLogSize = 10_000;

    public ValidateOptionsResult Validate(string? name, AdminOptions options)
    {
        var failures = new List<string>();
        CheckKey(options.ApiKey, "ApiKey", failures);
        CheckKey(options.ReadOnlyApiKey, "ReadOnlyApiKey", failures);
        if (options.ApiKey is { Length: > 0 } && string.Equals(options.ApiKey, options.ReadOnlyApiKey, StringComparison.Ordinal))
        {
            failures.Add($"{AdminOptions.SectionName}:ReadOnlyApiKey must differ from {AdminOptions.SectionName}:ApiKey.");
        }

        if (options.AuthFailuresPerMinute is < 1 or > 100_000)
        {
            failures.Add($"{AdminOptions.SectionName}:AuthFailuresPerMinute must be between 1 and 100000 (got {options.AuthFailuresPerMinute}).");
        }

        if (options.RejectionLogSize is < 1 or > MaxRejectionLogSize)
        {
            failures.Add($"{AdminOptions.SectionName}:RejectionLogSize must be between 1 and {MaxRejectionLogSize}, got {options.RejectionLogSize}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void CheckKey(string? key, string setting, List<string> failures)
    {
        if (key is { Length: > 0 } && (key.Length < MinimumKeyLength || key.Trim().Length != key.Length))
        {
            failures.Add($"{AdminOptions.SectionName}:{setting} must be at least {MinimumKeyLength} characters without surrounding spaces; unset it to turn it off.");
        }
    }
}
