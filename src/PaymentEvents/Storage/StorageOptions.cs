namespace PaymentEvents.Storage;

/// <summary>Configuration section <c>Storage</c> (see shared INTERFACE.md).</summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    /// <summary><c>sqlite</c> (default) or <c>postgres</c>.</summary>
    public string Provider { get; set; } = "sqlite";

    /// <summary>Where the SQLite file (and the development key) live.</summary>
    public string DataDir { get; set; } = "./data";
}
