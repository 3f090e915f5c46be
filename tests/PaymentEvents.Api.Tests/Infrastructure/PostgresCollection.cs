
namespace PaymentEvents.Api.Tests.Infrastructure;

/// <summary>Api test classes that need PostgreSQL share one real server: <c>[Collection("api-postgres")]</c>.</summary>
[CollectionDefinition("api-postgres")]
public sealed class PostgresCollection : ICollectionFixture<PostgresServerFixture>;
