namespace PaymentEvents.Tests.Storage;

/// <summary>
/// Test classes that need PostgreSQL share one server: <c>[Collection("postgres")]</c>. Defined here, not beside the
/// fixture in TestUtilities, because xUnit finds collection definitions only in the test assembly itself.
/// </summary>
[CollectionDefinition("postgres")]
public sealed class PostgresCollection : ICollectionFixture<PostgresServerFixture>;
