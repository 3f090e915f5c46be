using PaymentEvents.Cli;

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancellation.Cancel();
};

return await CliApp.RunAsync(args, CliEnvironment.CreateDefault(), cancellation.Token).ConfigureAwait(false);
