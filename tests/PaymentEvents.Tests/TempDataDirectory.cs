namespace PaymentEvents.Tests;

/// <summary>Clean-up shared by the test hosts (Api and CLI tests) that run the receiver on SQLite in a temporary DataDir.</summary>
public static class TempDataDirectory
{
    /// <summary>
    /// Deletes <paramref name="path"/> and everything in it. Pooled SQLite connections keep the database file open
    /// after the host is disposed, so the pools are cleared first.
    /// </summary>
    public static void Delete(string path)
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(path, recursive: true);
        }
        catch (IOException)
        {
            // A file still open elsewhere; the OS cleans the temp directory eventually.
        }
    }
}
