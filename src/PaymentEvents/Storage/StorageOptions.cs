namespace PaymentEvents.Storage;

/// <summary>Configuration section <c>Storage</c> plus <c>ConnectionStrings:PaymentEvents</c> (docs/configuration.md).</summary>
public sealed class StorageOptions
{
    /// <summary>Configuration section: <c>Storage</c>.</summary>
    public const string SectionName = "Storage";

    /// <summary>Name under <c>ConnectionStrings</c> of the PostgreSQL connection string.</summary>
    public const string ConnectionStringName = "PaymentEvents";

    /// <summary>The <c>Storage:Provider</c> value of the SQLite engine.</summary>
    public const string Sqlite = "sqlite";
    /// <summary>The <c>Storage:Provider</c> value of the PostgreSQL engine.</summary>
    public const string Postgres = "postgres";

    /// <summary><c>sqlite</c> (default) or <c>postgres</c>.</summary>
    public string Provider { get; set; } = Sqlite;

    /// <summary>Where the SQLite file (and the development key) live.</summary>
    public string DataDir { get; set; } = "./data";

    /// <summary>
    /// Processed, ignored and resolved events older than this (by received time) are purged with their attempts, in
    /// small batches in the background. <see cref="TimeSpan.Zero"/> (<c>0</c>) keeps everything. Dead and unfinished
    /// events are never purged.
    /// </summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(30);

    /// <summary>
    /// The store's deadline: a delivery whose event is not stored within it is answered 503 + Retry-After (whatever the
    /// database does: frozen, unreachable, slow), and a readiness probe that takes longer reports the store unhealthy.
    /// Default 5 seconds; at most 2 minutes.
    /// </summary>
    public TimeSpan WriteTimeout { get; set; } = DefaultWriteTimeout;

    /// <summary>Default of <see cref="WriteTimeout"/>.</summary>
    public static readonly TimeSpan DefaultWriteTimeout = TimeSpan.FromSeconds(5);

    /// <summary>PostgreSQL connection string, from <c>ConnectionStrings:PaymentEvents</c>.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>True when <see cref="Provider"/> names PostgreSQL (case-insensitive).</summary>
    public bool IsPostgres => string.Equals(Provider?.Trim(), Postgres, StringComparison.OrdinalIgnoreCase);

    /// <summary>True when <see cref="Provider"/> names SQLite (case-insensitive).</summary>
    public bool IsSqlite => string.Equals(Provider?.Trim(), Sqlite, StringComparison.OrdinalIgnoreCase);
}
