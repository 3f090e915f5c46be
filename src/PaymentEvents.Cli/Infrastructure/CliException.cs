namespace PaymentEvents.Cli.Infrastructure;

/// <summary>A problem with the user's input or setup; its message says what to do. Printed without a stack trace.</summary>
internal sealed class CliException(string message, int exitCode = CliApp.UsageError) : Exception(message)
{
    public int ExitCode { get; } = exitCode;
}
