using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace PaymentEvents;

/// <summary>
/// Turns a failed start into one fatal log line that names the setting and what to do, and exit code 1,
/// instead of an unhandled exception (dozens of stack frames, exit code 134). For any host:
/// <c>return await app.RunOrExitAsync(app =&gt; app.MapPaymentEvents());</c>
/// </summary>
public static partial class PaymentEventsStartup
{
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
    internal static string Describe(Exception error) => string.Join(" ", Reasons(error).Distinct(StringComparer.Ordinal));

    private static IEnumerable<string> Reasons(Exception error) => error switch
    {
        AggregateException aggregate => aggregate.InnerExceptions.SelectMany(Reasons),
        OptionsValidationException validation => validation.Failures,
        IOException { InnerException: SocketException } bind => [$"{bind.Message} Choose another address with ASPNETCORE_URLS or --urls."],
        _ => [error.Message],
    };

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
