using Microsoft.Data.Sqlite;

namespace PaymentEvents.TestUtilities;

/// <summary>A uniquely named directory under the system temp folder, deleted (best effort) on dispose.</summary>
public sealed class TempDirectory : IDisposable
{
    /// <param name="prefix">Start of the directory name, so a leftover says which test made it.</param>
    public TempDirectory(string prefix = "pe-test")
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"{prefix}-{Guid.NewGuid():N}");
    }

    public string Path { get; }

    public void Dispose() => Delete(Path);

    /// <summary>
    /// Deletes <paramref name="path"/> and everything in it. Pooled SQLite connections keep a database file open after
    /// its host is disposed, so the pools are cleared first.
    /// </summary>
    public static void Delete(string path)
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(path, recursive: true);
        }
        catch (IOException)
        {
            // Not there (the test never created it), or a file still open elsewhere; the OS cleans temp eventually.
        }
    }
}
