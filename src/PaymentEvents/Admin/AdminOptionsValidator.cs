using Microsoft.Extensions.Options;

namespace PaymentEvents.Admin;

/// <summary>A short admin key is guessable: refuse it at startup, naming the key.</summary>
internal sealed class AdminOptionsValidator : IValidateOptions<AdminOptions>
{
    internal const int MinimumKeyLength = 16;

    public ValidateOptionsResult Validate(string? name, AdminOptions options)
    {
        if (options.ApiKey is { Length: > 0 } key && (key.Length < MinimumKeyLength || key.Trim().Length != key.Length))
        {
            return ValidateOptionsResult.Fail(
                $"{AdminOptions.SectionName}:ApiKey must be at least {MinimumKeyLength} characters without surrounding spaces; unset it to turn the admin API off.");
        }

        return options.AuthFailuresPerMinute is < 1 or > 100_000
            ? ValidateOptionsResult.Fail($"{AdminOptions.SectionName}:AuthFailuresPerMinute must be between 1 and 100000 (got {options.AuthFailuresPerMinute}).")
            : ValidateOptionsResult.Success;
    }
}
