using Microsoft.Extensions.Options;

namespace PaymentEvents.Processing;

/// <summary>Refuses bad <c>Processing:*</c> settings at startup, naming the key.</summary>
internal sealed class ProcessingOptionsValidator : IValidateOptions<ProcessingOptions>
{
    private const string S = ProcessingOptions.SectionName;

    public ValidateOptionsResult Validate(string? name, ProcessingOptions options)
    {
        var errors = new List<string>();
        if (options.MaxConcurrency is < 1 or > 256)
        {
            errors.Add($"{S}:MaxConcurrency must be between 1 and 256 (is {options.MaxConcurrency}).");
        }

        if (options.MaxAttempts is < 1 or > 100)
        {
            errors.Add($"{S}:MaxAttempts must be between 1 and 100 (is {options.MaxAttempts}).");
        }

        if (options.BatchSize is < 1 or > 1000)
        {
            errors.Add($"{S}:BatchSize must be between 1 and 1000 (is {options.BatchSize}).");
        }

        if (options.BaseDelay <= TimeSpan.Zero)
        {
            errors.Add($"{S}:BaseDelay must be positive (is {options.BaseDelay}).");
        }

        if (options.MaxDelay < options.BaseDelay)
        {
            errors.Add($"{S}:MaxDelay must be at least {S}:BaseDelay (is {options.MaxDelay}, BaseDelay {options.BaseDelay}).");
        }

        if (options.LeaseDuration < TimeSpan.FromSeconds(1))
        {
            errors.Add($"{S}:LeaseDuration must be at least 1 second (is {options.LeaseDuration}); it is renewed every third of it while handlers run.");
        }

        if (options.PollInterval <= TimeSpan.Zero || options.PollInterval > TimeSpan.FromMinutes(10))
        {
            errors.Add($"{S}:PollInterval must be between 0 and 10 minutes (is {options.PollInterval}).");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
