using PaymentEvents.Cli.Tests.Infrastructure;

namespace PaymentEvents.Cli.Tests;

/// <summary>The CLI as a new user meets it: typos, bad values, --version, help examples.</summary>
public sealed class CliUsageTests
{
    [Fact]
    public async Task A_mistyped_option_is_an_error_with_a_suggestion_and_nothing_is_sent()
    {
        var sent = 0;
        var result = await CliRunner.RunAsync(
            ["trigger", "invoice.paid", "--coutn", "5"],
            httpClient: () => { Interlocked.Increment(ref sent); return new HttpClient(); });

        Assert.Equal(CliApp.UsageError, result.ExitCode);
        Assert.Contains("unknown option '--coutn'; did you mean '--count'?", result.Stderr, StringComparison.Ordinal);
        Assert.Equal(0, sent);
    }

    [Theory]
    [InlineData(new[] { "trigger", "invoice.paid", "--count", "abc" }, "--count must be a whole number, got 'abc'")]
    [InlineData(new[] { "trigger", "invoice.paid", "--count", "0" }, "--count must be at least 1, got 0")]
    [InlineData(new[] { "events", "list", "--limit", "x" }, "--limit must be a whole number, got 'x'")]
    [InlineData(new[] { "events", "list", "--livemode", "maybe" }, "--livemode must be true or false, got 'maybe'")]
    [InlineData(new[] { "events", "list", "--stauts", "dead" }, "did you mean '--status'?")]
    public async Task Errors_name_the_option_and_the_value(string[] args, string expected)
    {
        var result = await CliRunner.RunAsync(args);

        Assert.Equal(CliApp.UsageError, result.ExitCode);
        Assert.Contains(expected, result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Version_prints_the_tool_version()
    {
        var result = await CliRunner.RunAsync(["--version"]);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(CliApp.Version, result.Stdout.Trim());
        Assert.Matches(@"^\d+\.\d+\.\d+", result.Stdout.Trim());
    }

    [Theory]
    [InlineData("trigger")]
    [InlineData("sign")]
    [InlineData("events")]
    public async Task Help_examples_use_the_real_default_url(string command)
    {
        var result = await CliRunner.RunAsync([command, "--help"]);

        Assert.DoesNotContain("localhost:5000", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("127.0.0.1:5080", result.Stdout, StringComparison.Ordinal);
    }
}
