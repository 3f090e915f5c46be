using Spectre.Console;

namespace PaymentEvents.Cli;

/// <summary>
/// Everything a command touches outside itself: console, raw output, clock, HTTP. Tests substitute these
/// (a string console, the test server's HttpClient, a fake Payment Kit handler).
/// </summary>
public sealed class CliEnvironment
{
    /// <summary>Rich output (tables, colours); plain text when not a terminal.</summary>
    public required IAnsiConsole Console { get; init; }

    /// <summary>Raw standard output for machine-readable lines (JSON, config lines): never wrapped or styled.</summary>
    public required TextWriter Out { get; init; }

    /// <summary>Raw standard error.</summary>
    public required TextWriter Error { get; init; }

    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>HttpClient used by <c>trigger</c> to POST deliveries.</summary>
    public Func<HttpClient> CreateHttpClient { get; init; } = static () => new HttpClient { Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>Primary handler under the Payment Kit client (<c>endpoints</c>); null uses the default socket handler.</summary>
    public Func<HttpMessageHandler>? PaymentKitHandler { get; init; }

    /// <summary>Environment variables (e.g. <c>PaymentKit__AppSk</c>, so secrets need not be on the command line).</summary>
    public Func<string, string?> GetEnvironmentVariable { get; init; } = Environment.GetEnvironmentVariable;

    /// <summary>True when stdout is a terminal (tables and colours); false when piped.</summary>
    public bool IsTerminal { get; init; }

    /// <summary>
    /// Width of tables when stdout is not a terminal. Spectre.Console assumes 80 columns there and wraps every cell
    /// to fit, which breaks <c>grep</c> and <c>awk</c> on piped output; this is wide enough for any row we print.
    /// </summary>
    internal const int PipedWidth = 4096;

    public static CliEnvironment CreateDefault()
    {
        var terminal = !System.Console.IsOutputRedirected;
        return new CliEnvironment
        {
            Console = CreateConsole(System.Console.Out, terminal),
            Out = System.Console.Out,
            Error = System.Console.Error,
            IsTerminal = terminal,
        };
    }

    /// <summary>The rich console over <paramref name="output"/>: colours and the terminal's width on a terminal, plain and unwrapped when piped.</summary>
    internal static IAnsiConsole CreateConsole(TextWriter output, bool terminal)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = terminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = terminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = terminal ? InteractionSupport.Detect : InteractionSupport.No,
            Out = new AnsiConsoleOutput(output),
        });
        if (!terminal)
        {
            console.Profile.Width = PipedWidth;
        }

        return console;
    }
}
