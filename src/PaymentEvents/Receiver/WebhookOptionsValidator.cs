using Microsoft.Extensions.Options;

namespace PaymentEvents.Receiver;

/// <summary>Startup validation of <see cref="WebhookOptions"/>; every message names the configuration key.</summary>
internal sealed class WebhookOptionsValidator : IValidateOptions<WebhookOptions>
{
    private const long MaxAllowedBodyBytes = 64L * 1024 * 1024;

    public ValidateOptionsResult Validate(string? name, WebhookOptions options)
    {
        List<string> failures = [];
        if (string.IsNullOrWhiteSpace(options.Path) || !options.Path.StartsWith('/'))
        {
            failures.Add($"{WebhookOptions.SectionName}:Path must start with '/' (got '{options.Path}').");
        }
        else if (options.Path.Contains('?', StringComparison.Ordinal) || options.Path.Contains('#', StringComparison.Ordinal))
        {
            failures.Add($"{WebhookOptions.SectionName}:Path must be a path only, without query or fragment (got '{options.Path}').");
        }

        if (options.MaxBodyBytes is < 1 or > MaxAllowedBodyBytes)
        {
            failures.Add($"{WebhookOptions.SectionName}:MaxBodyBytes must be between 1 and {MaxAllowedBodyBytes} (got {options.MaxBodyBytes}).");
        }

        if (options.BodyReadTimeout < TimeSpan.FromMilliseconds(100) || options.BodyReadTimeout > TimeSpan.FromMinutes(10))
        {
            failures.Add($"{WebhookOptions.SectionName}:BodyReadTimeout must be between 00:00:00.1 and 00:10:00 (got {options.BodyReadTimeout}).");
        }

        if (options.ClockSkew < TimeSpan.Zero || options.ClockSkew > TimeSpan.FromMinutes(10))
        {
            failures.Add($"{WebhookOptions.SectionName}:ClockSkew must be between 00:00:00 and 00:10:00 (got {options.ClockSkew}).");
        }

        if (options.MaxClockAhead < TimeSpan.Zero || options.MaxClockAhead > TimeSpan.FromHours(1))
        {
            failures.Add($"{WebhookOptions.SectionName}:MaxClockAhead must be between 00:00:00 and 01:00:00 (got {options.MaxClockAhead}).");
        }

        if (options.MaxValidity < TimeSpan.FromMinutes(1) || options.MaxValidity > TimeSpan.FromDays(1))
        {
            failures.Add($"{WebhookOptions.SectionName}:MaxValidity must be between 00:01:00 and 1.00:00:00 (got {options.MaxValidity}); the SDK signs 300 s windows.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
