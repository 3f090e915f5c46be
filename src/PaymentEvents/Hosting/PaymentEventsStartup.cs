using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace PaymentEvents;

/// <summary>
/// Turns a failed start into one fatal log line that names the setting and what to do, and exit code 1,
/// instead of an unhandled exception (dozens of stack frames, exit code 134). For any host, either the whole
/// program inside the guard (an unreadable <c>appsettings*.json</c> is one line too):
/// <code>
/// return await PaymentEventsStartup.RunOrExitAsync(args,
///     builder =&gt; { builder.AddPaymentEvents(); builder.Services.AddSqliteEventStore(); },
///     app =&gt; app.MapPaymentEvents());
/// </code>
/// or, when the host builds its application itself: <c>return await app.RunOrExitAsync(app =&gt; app.MapPaymentEvents());</c>
/// </summary>
public static partial class PaymentEventsStartup
{
    /// <summary>
    /// Creates the builder from <paramref name="args"/> (command line, environment, <c>appsettings*.json</c>), lets
    /// <paramref name="configureBuilder"/> add services, builds the application and runs it as
    /// <see cref="RunOrExitAsync(WebApplication, Action{WebApplication})"/> does. A failure anywhere before the
    /// application runs, including a malformed or empty settings file, is one fatal line naming the cause and exit code 1.
    /// </summary>
    /// <param name="args">The program's command-line arguments.</param>
    /// <param name="configureBuilder">Services and configuration: <c>builder.AddPaymentEvents()</c>, a storage engine, the host's own.</param>
    /// <param name="configureApp">Middleware and endpoints: <c>app.MapPaymentEvents()</c>, the host's own.</param>
    /// <returns>The process exit code: 0 after a normal shutdown, 1 when the application could not start.</returns>
    public static async Task<int> RunOrExitAsync(string[] args, Action<WebApplicationBuilder> configureBuilder, Action<WebApplication> configureApp)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(configureBuilder);
        ArgumentNullException.ThrowIfNull(configureApp);
        WebApplication app;
        try
        {
            var builder = WebApplication.CreateBuilder(args);
            configureBuilder(builder);
            app = builder.Build();
        }
        catch (Exception error) when (error is not HostAbortedException)
        {
            // No host, so none of its logging: the configuration that would set it up may be what failed. A plain
            // one-line console logger says why; HostAbortedException is WebApplicationFactory taking the host, not a failure.
            using (var loggers = LoggerFactory.Create(logging => logging.AddSimpleConsole(console => console.SingleLine = true)))
            {
                var logger = loggers.CreateLogger("PaymentEvents.Startup");
                var reason = Describe(error);
                Failed(logger, reason);
                if (!IsExpected(error))
                {
                    Details(logger, error);
                }
            }

            return 1;
        }

        return await app.RunOrExitAsync(configureApp).ConfigureAwait(false);
    }

    /// <summary>
    /// Builds the pipeline with <paramref name="configure"/> (mapping reads, and so validates, options), starts
    /// <paramref name="app"/> and runs it until shutdown.
    /// </summary>
    /// <param name="app">The built application.</param>
    /// <param name="configure">Middleware and endpoints; runs inside the guard, so a bad setting it reads is one line too.</param>
    /// <returns>The process exit code: 0 after a normal shutdown, 1 when the application could not start.</returns>
    public static async Task<int> RunOrExitAsync(this WebApplication app, Action<WebApplication> configure)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(configure);
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("PaymentEvents.Startup");
        try
        {
            configure(app);
            await app.StartAsync();
        }
        catch (Exception error)
        {
            // Logged before the host (and with it the logger) is disposed.
            var reason = Describe(error);
            Failed(logger, reason);
            if (!IsExpected(error))
            {
                Details(logger, error);
            }

            await DisposeQuietlyAsync(app);
            return 1;
        }

        await app.WaitForShutdownAsync();
        await app.DisposeAsync();
        return 0;
    }

    /// <summary>The reasons, one sentence each, without wrapper exceptions or inner noise.</summary>
    internal static string Describe(Exception error) =>
        string.Join(" ", Reasons(error).Distinct(StringComparer.Ordinal)).ReplaceLineEndings(" ");

    private static IEnumerable<string> Reasons(Exception error) => error switch
    {
        AggregateException aggregate => aggregate.InnerExceptions.SelectMany(Reasons),
        OptionsValidationException validation => validation.Failures,
        IOException { InnerException: SocketException } bind => [$"{bind.Message} Choose another address with ASPNETCORE_URLS or --urls."],
        // A settings file that does not parse: "Failed to load configuration from file '/app/appsettings.json'." wraps
        // the parser's own words (what is wrong, line and position), which are the useful half.
        InvalidDataException { InnerException: { } inner } file => [file.Message, .. Chain(inner)],
        _ => [error.Message],
    };

    private static IEnumerable<string> Chain(Exception error)
    {
        for (var e = error; e is not null; e = e.InnerException)
        {
            yield return e.Message;
        }
    }

    /// <summary>Configuration and environment problems, whose message says it all; anything else may be a bug.</summary>
    private static bool IsExpected(Exception error) => error switch
    {
        AggregateException aggregate => aggregate.InnerExceptions.All(IsExpected),
        OptionsValidationException or InvalidOperationException or IOException or UnauthorizedAccessException or InvalidDataException => true,
        _ => false,
    };

    private static async Task DisposeQuietlyAsync(WebApplication app)
    {
        try
        {
            await app.DisposeAsync();
        }
        catch (Exception ex) when (ex is ObjectDisposedException or InvalidOperationException or OperationCanceledException)
        {
            // The host is half started; nothing more to report.
        }
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Critical, Message = "Startup failed: {Reason}")]
    private static partial void Failed(ILogger logger, string reason);

    [LoggerMessage(EventId = 2, Level = LogLevel.Debug, Message = "Startup failure details")]
    private static partial void Details(ILogger logger, Exception exception);
}
