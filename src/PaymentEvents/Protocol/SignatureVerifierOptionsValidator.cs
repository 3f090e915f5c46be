using Microsoft.Extensions.Options;

namespace PaymentEvents.Protocol;

/// <summary>Startup validation of <see cref="SignatureVerifierOptions"/>; messages name the configuration key.</summary>
internal sealed class SignatureVerifierOptionsValidator : IValidateOptions<SignatureVerifierOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, SignatureVerifierOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.ClockSkew < TimeSpan.Zero || options.ClockSkew > TimeSpan.FromHours(1))
        {
            failures.Add($"Webhooks:ClockSkew must be between 00:00:00 and 01:00:00 (got {options.ClockSkew}).");
        }

        if (options.MaxClockAhead < TimeSpan.Zero || options.MaxClockAhead > TimeSpan.FromHours(1))
        {
            failures.Add($"Webhooks:MaxClockAhead must be between 00:00:00 and 01:00:00 (got {options.MaxClockAhead}).");
        }

        if (options.MaxValidity <= TimeSpan.Zero)
        {
            failures.Add($"Webhooks:MaxValidity must be positive (got {options.MaxValidity}); the SDK signs 300 s windows.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
