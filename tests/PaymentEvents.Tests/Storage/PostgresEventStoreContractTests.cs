using Microsoft.Extensions.Logging.Abstractions;
using PaymentEvents.Storage;

namespace PaymentEvents.Tests.Storage;

/// <summary>The contract against a real PostgreSQL server, a fresh database per test.</summary>
[Collection("postgres")]
public sealed class PostgresEventStoreContractTests(PostgresServerFixture server) : EventStoreContractTests
{
    private string _connectionString = "";

    protected override async Task CreateDatabaseAsync() => _connectionString = await server.CreateDatabaseAsync();

    protected override IEventStore NewStore(TimeProvider time) =>
        new PostgresEventStore(_connectionString, time, NullLogger<PostgresEventStore>.Instance);
}
