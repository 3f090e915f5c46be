using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Npgsql;
using Xunit;

namespace PaymentEvents.TestUtilities;

/// <summary>
/// A real PostgreSQL server on loopback for the test run: <c>initdb</c> into a fresh temp dir, <c>pg_ctl start</c> on
/// a free port (fsync off: the data is thrown away), stopped and deleted on dispose. Use it through
/// <c>[Collection("postgres")]</c> and take a fresh database per test class with <see cref="CreateDatabaseAsync"/>.
/// <see cref="StopAsync"/>/<see cref="StartAsync"/> simulate an outage (affects every user of this instance: a test
/// that stops the shared server must start it again; or make a private instance with <c>new</c> + InitializeAsync).
/// When running as root, the server runs as the <c>postgres</c> user (initdb refuses root).
/// Fails (never skips) when the server binaries are missing.
/// </summary>
public sealed class PostgresServerFixture : IAsyncLifetime
{
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(60);

    private readonly string _root = Path.Combine(Path.GetTempPath(), $"pe-pg-{Guid.NewGuid():N}");
    private string _binDir = "";
    private int _port;

    /// <summary>Connection string of the <c>postgres</c> maintenance database (superuser, trust auth).</summary>
    public string ConnectionString { get; private set; } = "";

    /// <summary>The port the server listens on (127.0.0.1).</summary>
    public int Port => _port;

    private string DataDir => Path.Combine(_root, "data");

    private string LogFile => Path.Combine(_root, "server.log");

    private static bool RunAsPostgresUser => Environment.IsPrivilegedProcess;

    public async Task InitializeAsync()
    {
        _binDir = FindBinDir();
        Directory.CreateDirectory(_root);
        if (RunAsPostgresUser)
        {
            await RunAsync("chown", ["-R", "postgres:postgres", _root], asPostgres: false);
        }

        await RunAsync(Path.Combine(_binDir, "initdb"),
            ["-D", DataDir, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync", "--no-instructions"]);

        // A port picked as free can be taken by someone else before the server binds it: try a few.
        for (var attempt = 1; ; attempt++)
        {
            _port = FreePort();
            ConnectionString = BuildConnectionString("postgres");
            try
            {
                await StartAsync();
                return;
            }
            catch (InvalidOperationException) when (attempt < 3)
            {
            }
        }
    }

    /// <summary>Creates an empty database and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = $"t_{Guid.NewGuid():N}";
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
        await command.ExecuteNonQueryAsync();
        return BuildConnectionString(name);
    }

    /// <summary>Starts the (stopped) server and waits until it accepts connections.</summary>
    public async Task StartAsync()
    {
        var options = string.Join(' ',
            "-c listen_addresses=127.0.0.1",
            $"-p {_port.ToString(CultureInfo.InvariantCulture)}",
            $"-k {_root}",
            "-c fsync=off -c synchronous_commit=off -c full_page_writes=off",
            "-c max_connections=300 -c shared_buffers=32MB");
        await RunAsync(Path.Combine(_binDir, "pg_ctl"), ["start", "-D", DataDir, "-l", LogFile, "-w", "-t", "60", "-o", options]);
        await WaitUntilReadyAsync();
    }

    /// <summary>
    /// The server's own processes: the postmaster (from its <c>postmaster.pid</c>) and its children (backends, background
    /// workers), for tests that freeze it with SIGSTOP. Only processes this fixture started.
    /// </summary>
    public IReadOnlyList<int> ServerProcessIds()
    {
        var postmaster = int.Parse(File.ReadLines(Path.Combine(DataDir, "postmaster.pid")).First(), CultureInfo.InvariantCulture);
        var ids = new List<int> { postmaster };
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid))
            {
                continue;
            }

            try
            {
                // /proc/<pid>/stat: "pid (comm) state ppid ..."; comm may hold spaces, so read after its ')'.
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                if (int.Parse(fields[1], CultureInfo.InvariantCulture) == postmaster)
                {
                    ids.Add(pid);
                }
            }
            catch (IOException)
            {
                // The process ended while we looked.
            }
        }

        return ids;
    }

    /// <summary>Stops the server (fast shutdown: open connections are cut, like a crash from the client's view).</summary>
    public Task StopAsync() =>
        RunAsync(Path.Combine(_binDir, "pg_ctl"), ["stop", "-D", DataDir, "-m", "fast", "-w", "-t", "60"]);

    public async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (File.Exists(Path.Combine(DataDir, "postmaster.pid")))
        {
            await RunAsync(Path.Combine(_binDir, "pg_ctl"), ["stop", "-D", DataDir, "-m", "immediate", "-w", "-t", "60"], throwOnError: false);
        }

        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a leftover temp dir must not fail the run.
        }
    }

    private string BuildConnectionString(string database) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = _port,
        Username = "postgres",
        Database = database,
        Pooling = true,
        MaxPoolSize = 40,
        Timeout = 5,
    }.ConnectionString;

    private async Task WaitUntilReadyAsync()
    {
        // Poll the server itself (not a clock): pg_ctl -w already waited, this proves TCP on our port works.
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                await using var connection = new NpgsqlConnection(ConnectionString + ";Pooling=false");
                await connection.OpenAsync();
                return;
            }
            catch (NpgsqlException) when (deadline.Elapsed < ReadyTimeout)
            {
                await Task.Delay(50);
            }
            catch (NpgsqlException ex)
            {
                throw new InvalidOperationException($"PostgreSQL did not accept connections on port {_port}. Log:\n{LogTail()}", ex);
            }
        }
    }

    private static string FindBinDir()
    {
        var candidates = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .Select(d => Path.Combine(d, "bin"))
                .Where(d => File.Exists(Path.Combine(d, "initdb")) && File.Exists(Path.Combine(d, "pg_ctl")))
                .OrderByDescending(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out var v) ? v : 0)
                .ToList()
            : [];
        return candidates.FirstOrDefault()
            ?? throw new InvalidOperationException(
                "PostgreSQL server binaries (initdb, pg_ctl) were not found under /usr/lib/postgresql/*/bin. "
                + "Install the 'postgresql' package (apt-get install postgresql); the storage tests need a real server.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private string LogTail()
    {
        try
        {
            return string.Join('\n', File.ReadLines(LogFile).TakeLast(30));
        }
        catch (IOException)
        {
            return "(no server log)";
        }
    }

    private async Task RunAsync(string program, string[] arguments, bool asPostgres = true, bool throwOnError = true)
    {
        var start = new ProcessStartInfo
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetTempPath(),
        };
        if (asPostgres && RunAsPostgresUser)
        {
            start.FileName = "runuser";
            foreach (var a in (string[])["-u", "postgres", "--", program, .. arguments])
            {
                start.ArgumentList.Add(a);
            }
        }
        else
        {
            start.FileName = program;
            foreach (var a in arguments)
            {
                start.ArgumentList.Add(a);
            }
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {program}.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0 && throwOnError)
        {
            throw new InvalidOperationException(
                $"{Path.GetFileName(program)} {string.Join(' ', arguments)} failed ({process.ExitCode}): {await stderr}{await stdout}\n{LogTail()}");
        }
    }
}
