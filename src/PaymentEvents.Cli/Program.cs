namespace PaymentEvents.Cli;

/// <summary>Entry point of the <c>paymentevents</c> tool (namespaced, so tests that also see the Api's global Program stay unambiguous).</summary>
internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        using var cancellation = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancellation.Cancel();
        };

        return await CliApp.RunAsync(args, CliEnvironment.CreateDefault(), cancellation.Token).ConfigureAwait(false);
    }
}
