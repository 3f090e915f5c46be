using System.Text.RegularExpressions;
using PaymentEvents.Cli.Tests.Infrastructure;

namespace PaymentEvents.Cli.Tests;

public sealed class VersionTests
{
    [Fact]
    public async Task Version_flag_prints_the_git_derived_version_and_commit()
    {
        var result = await CliRunner.RunAsync(["--version"]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(CliApp.Version, result.Stdout.Trim());
        // MinVer: a SemVer from the last v* tag (0.0.0-alpha.0.<height> before the first), then the commit from SourceLink.
        Assert.Matches(new Regex(@"^\d+\.\d+\.\d+(-[0-9A-Za-z.]+)?\+[0-9a-f]{40}$"), CliApp.Version);
    }
}
