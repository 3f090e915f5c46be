using PaymentEvents.Processing;

namespace PaymentEvents.Tests.Processing;

public sealed class ProcessingOptionsValidatorTests
{
    private static readonly ProcessingOptionsValidator Validator = new();

    [Fact]
    public void Defaults_are_valid()
    {
        var options = new ProcessingOptions();

        Assert.True(Validator.Validate(null, options).Succeeded);
        Assert.Equal(16, options.MaxConcurrency);
        Assert.Equal(64, options.BatchSize);
        Assert.Equal(8, options.MaxAttempts);
        Assert.Equal(TimeSpan.FromSeconds(1), options.PollInterval);
    }

    [Theory]
    [InlineData(nameof(ProcessingOptions.MaxConcurrency), "Processing:MaxConcurrency")]
    [InlineData(nameof(ProcessingOptions.MaxAttempts), "Processing:MaxAttempts")]
    [InlineData(nameof(ProcessingOptions.BatchSize), "Processing:BatchSize")]
    [InlineData(nameof(ProcessingOptions.BaseDelay), "Processing:BaseDelay")]
    [InlineData(nameof(ProcessingOptions.MaxDelay), "Processing:MaxDelay")]
    [InlineData(nameof(ProcessingOptions.LeaseDuration), "Processing:LeaseDuration")]
    [InlineData(nameof(ProcessingOptions.PollInterval), "Processing:PollInterval")]
    public void Each_bad_value_is_refused_naming_its_key(string property, string key)
    {
        var options = new ProcessingOptions();
        switch (property)
        {
            case nameof(ProcessingOptions.MaxConcurrency): options.MaxConcurrency = 257; break;
            case nameof(ProcessingOptions.MaxAttempts): options.MaxAttempts = 0; break;
            case nameof(ProcessingOptions.BatchSize): options.BatchSize = 0; break;
            case nameof(ProcessingOptions.BaseDelay): options.BaseDelay = TimeSpan.Zero; break;
            case nameof(ProcessingOptions.MaxDelay): options.MaxDelay = TimeSpan.FromSeconds(1); break;
            case nameof(ProcessingOptions.LeaseDuration): options.LeaseDuration = TimeSpan.FromMilliseconds(10); break;
            case nameof(ProcessingOptions.PollInterval): options.PollInterval = TimeSpan.Zero; break;
        }

        var result = Validator.Validate(null, options);

        Assert.True(result.Failed);
        var failure = Assert.Single(result.Failures!);
        Assert.StartsWith(key, failure);
    }
}
