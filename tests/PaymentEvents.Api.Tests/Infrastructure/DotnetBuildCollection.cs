namespace PaymentEvents.Api.Tests.Infrastructure;

/// <summary>Tests that run dotnet restore/build/publish themselves: one at a time, so their builds do not race.</summary>
[CollectionDefinition(Name)]
public sealed class DotnetBuildCollection
{
    public const string Name = "dotnet-build";
}
