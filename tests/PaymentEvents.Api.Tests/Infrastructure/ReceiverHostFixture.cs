namespace PaymentEvents.Api.Tests.Infrastructure;

/// <summary>One default host (own temp DataDir) shared by the tests of a class.</summary>
public sealed class ReceiverHostFixture : IDisposable
{
    public ReceiverHost Host { get; } = new(s => s["OpenApi:Enabled"] = "true");

    public void Dispose() => Host.Dispose();
}
