using Microsoft.Extensions.Options;

namespace PaymentEvents.Admin;

/// <summary>A short admin key is guessable: refuse it at startup, naming the key.</summary>
internal sealed class AdminOptionsValidator : IValidateOptions<AdminOptions>
{
    internal const int MinimumKeyLength = 16;

    public ValidateOptionsResult Validate(string? name, AdminOptions options) =>
        options.ApiKey is { Length: > 0 } key && (key.Length < MinimumKeyLength || key.Trim().Length != key.Length)
            ? ValidateOptionsResult.Fail(
                $"{AdminOptions.SectionName}:ApiKey must be at least {MinimumKeyLength} characters without surrounding spaces; unset it to turn the admin API off.")
            : ValidateOptionsResult.Success;
}
