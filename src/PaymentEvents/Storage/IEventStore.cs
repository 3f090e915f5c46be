namespace PaymentEvents.Storage;

/// <summary>
/// The durable inbox, all roles in one (the engines and their contract suite see it whole; every other caller takes
/// only the role it uses). <see cref="EventStore"/> implements it once for every engine; the SQLite and PostgreSQL stores
/// override only what differs, and one contract test suite runs against both. Times come from the store's
/// <see cref="TimeProvider"/>, never the database clock, so tests drive leases and retries with a FakeTimeProvider.
/// </summary>
internal interface IEventStore : IStoreSchema, IInboxWriter, IEventLeases, IEventQueries, IEventAdmin;
