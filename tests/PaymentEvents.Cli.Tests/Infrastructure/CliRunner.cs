namespace PaymentEvents.Cli.Tests.Infrastructure;

/// <summary>Runs the real command tree in-process with captured output.</summary>
internal static class CliRunner
{
    public static async Task<CliResult> RunAsync(
        string[] args,
        Func<HttpClient>? httpClient = null,
        Func<HttpMessageHandler>? paymentKitHandler = null,
        IReadOnlyDictionary<string, string>? environmentVariables = null,
        TextWriter? stdoutWriter = null,
        CancellationToken cancellationToken = default)
    {
        using var ownStdout = new StringWriter();
        var stdout = stdoutWriter ?? ownStdout;
        using var stderr = new StringWriter();
        // What a user sees with the output piped (| grep, > file), the same console the tool makes then.
        var console = CliEnvironment.CreateConsole(stdout, terminal: false);
        var environment = new CliEnvironment
        {
            Console = console,
            Out = stdout,
            Error = stderr,
            CreateHttpClient = httpClient ?? (() => new HttpClient()),
            PaymentKitHandler = paymentKitHandler,
            GetEnvironmentVariable = name => environmentVariables?.GetValueOrDefault(name),
        };
        var exitCode = await CliApp.RunAsync(args, environment, cancellationToken);
        return new CliResult(exitCode, stdout.ToString() ?? "", stderr.ToString());
    }
}

internal sealed record CliResult(int ExitCode, string Stdout, string Stderr)
{
    public override string ToString() => $"exit {ExitCode}\nstdout:\n{Stdout}\nstderr:\n{Stderr}";
}
