using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using PaymentEvents.Storage;

namespace PaymentEvents.Tests.Storage;

/// <summary>The contract against a real PostgreSQL server, a fresh database per test.</summary>
[Collection("postgres")]
public sealed class PostgresEventStoreContractTests(PostgresServerFixture server) : EventStoreContractTests
{
    private string _connectionString = "";

    protected override async Task CreateDatabaseAsync() => _connectionString = await server.CreateDatabaseAsync();

    private protected override IEventStore NewStore(TimeProvider time) =>
        new PostgresEventStore(_connectionString, time, NullLogger<PostgresEventStore>.Instance);

    protected override async Task ExecuteAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        await command.ExecuteNonQueryAsync();
    }

    protected override string FailInsertsOf(string id)
    {
        var name = $"fail_{(uint)id.GetHashCode(StringComparison.Ordinal):x}";
        return $"""
            CREATE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN IF NEW.id LIKE '{id}' THEN RAISE EXCEPTION 'injected failure'; END IF; RETURN NEW; END $$;
            CREATE TRIGGER {name} BEFORE INSERT ON payment_events FOR EACH ROW EXECUTE FUNCTION {name}();
            """;
    }

    protected override string Version1Schema => PostgresSchema.Migrations[0].Sql;

    protected override object Version1Time(DateTimeOffset time) => time;
}
