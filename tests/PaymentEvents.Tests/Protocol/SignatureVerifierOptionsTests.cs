using Microsoft.Extensions.Configuration;
using PaymentEvents.Protocol;

namespace PaymentEvents.Tests.Protocol;

public sealed class SignatureVerifierOptionsTests
{
    [Fact]
    public void Defaults_are_safe()
    {
        var options = new SignatureVerifierOptions();
        Assert.False(options.AllowV0);
        Assert.Equal(TimeSpan.FromSeconds(30), options.ClockSkew);
        Assert.True(new SignatureVerifierOptionsValidator().Validate(null, options).Succeeded);
    }

    [Fact]
    public void The_documented_configuration_keys_bind()
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Webhooks:AllowV0Signatures"] = "true",
            ["Webhooks:ClockSkew"] = "00:00:05",
        }).Build();
        var options = config.GetSection("Webhooks").Get<SignatureVerifierOptions>()!;
        Assert.True(options.AllowV0);
        Assert.Equal(TimeSpan.FromSeconds(5), options.ClockSkew);
    }

    [Fact]
    public void Bad_values_fail_validation_naming_the_key()
    {
        var result = new SignatureVerifierOptionsValidator().Validate(null, new SignatureVerifierOptions { ClockSkew = TimeSpan.FromSeconds(-1), MaxValidity = TimeSpan.Zero });
        Assert.True(result.Failed);
        Assert.Contains("Webhooks:ClockSkew", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("Webhooks:MaxValidity", result.FailureMessage, StringComparison.Ordinal);
    }
}
