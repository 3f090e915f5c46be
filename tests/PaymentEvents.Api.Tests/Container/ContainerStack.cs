using System.Runtime.InteropServices;
using System.Text.RegularExpressions;
using PaymentEvents.Api.Tests.Infrastructure;
using PaymentEvents.Protocol;

namespace PaymentEvents.Api.Tests.Container;

/// <summary>
/// What <c>docker/compose.yaml</c> runs, without Docker: the app built by the Dockerfile's own build-stage lines
/// (its COPY and RUN instructions, executed as written into a scratch root), two replicas of that published app on
/// one real PostgreSQL, and Debian's nginx running <c>docker/nginx.conf</c> with only the upstream servers and the
/// listen address rendered for loopback.
/// </summary>
public sealed partial class ContainerStack : IAsyncLifetime
{
    public const string AdminKey = "container-stack-admin-key";

    // Outside the repository, as in a docker build (no .git in the context).
    private readonly string _root = Path.Combine(Path.GetTempPath(), $"pe-container-{Guid.NewGuid():N}");
    private readonly PostgresServerFixture _postgres = new();
    private readonly List<HostProcess> _replicas = [];
    private System.Diagnostics.Process? _nginx;

    public AppKey Key { get; } = AppKey.Generate();

    public IReadOnlyList<HostProcess> Replicas => _replicas;

    /// <summary>nginx, the only public entry point (the compose file's proxy).</summary>
    public Uri Proxy { get; private set; } = null!;

    /// <summary>The published app (what the Dockerfile's /app holds).</summary>
    public string AppDll { get; private set; } = "";

    public string NginxAccessLog => Path.Combine(_root, "nginx", "access.log");

    public async Task InitializeAsync()
    {
        var app = await RunDockerfileBuildStageAsync();
        AppDll = Path.Combine(app, "PaymentEvents.Api.dll");
        await _postgres.InitializeAsync();
        var database = await RunReadmePostgresRecipeAsync();
        for (var i = 0; i < 2; i++)
        {
            _replicas.Add(HostProcess.Start(Path.Combine(app, "PaymentEvents.Api.dll"), new Dictionary<string, string>
            {
                ["Storage__Provider"] = "postgres",
                ["ConnectionStrings__PaymentEvents"] = database,
                ["PaymentKit__AppPk"] = Key.PublicKeyHex,
                ["Admin__ApiKey"] = AdminKey,
                ["OpenApi__Enabled"] = "true",
                // nginx runs on loopback here; in compose it is the proxy's fixed address.
                ["ForwardedHeaders__KnownProxies__0"] = "127.0.0.1",
            }));
        }

        foreach (var replica in _replicas)
        {
            (await replica.WaitUntilReadyAsync()).Dispose();
        }

        await StartNginxAsync();
    }

    public async Task DisposeAsync()
    {
        if (_nginx is { HasExited: false })
        {
            _nginx.Kill(entireProcessTree: true);
            await _nginx.WaitForExitAsync();
        }

        _nginx?.Dispose();
        foreach (var replica in _replicas)
        {
            replica.Dispose();
        }

        await _postgres.DisposeAsync();
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a temp directory.
        }
    }

    /// <summary>
    /// The README's PostgreSQL recipe as printed: its SQL run as the superuser, then its connection string with only
    /// the host and port pointed at the test server.
    /// </summary>
    private async Task<string> RunReadmePostgresRecipeAsync()
    {
        var readme = File.ReadAllText(Repo.PathOf("README.md"));
        var sql = ReadmeSql().Match(readme);
        var connectionString = ReadmeConnectionString().Match(readme);
        Assert.True(sql.Success && connectionString.Success, "README.md has no PostgreSQL recipe (a ```sql block and a ConnectionStrings__PaymentEvents= line)");

        await using (var connection = new Npgsql.NpgsqlConnection(_postgres.ConnectionString))
        {
            await connection.OpenAsync();
            foreach (var statement in sql.Groups[1].Value.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                await using var command = new Npgsql.NpgsqlCommand(statement, connection);
                await command.ExecuteNonQueryAsync();
            }
        }

        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString.Groups[1].Value.Trim()) { Host = "127.0.0.1", Port = _postgres.Port };
        return builder.ConnectionString;
    }

    [GeneratedRegex(@"^```sql\n(.*?)^```", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex ReadmeSql();

    [GeneratedRegex(@"^ConnectionStrings__PaymentEvents=(.+)$", RegexOptions.Multiline)]
    private static partial Regex ReadmeConnectionString();

    /// <summary>
    /// Executes the Dockerfile's first stage: COPY from the repository (what .dockerignore lets through), RUN with
    /// its ARGs, container paths (<c>/src</c>, <c>/app</c>, <c>/data</c>) mapped into the scratch root.
    /// Returns the directory <c>/app</c> became.
    /// </summary>
    private async Task<string> RunDockerfileBuildStageAsync()
    {
        var lines = JoinContinuations(File.ReadAllLines(Repo.PathOf("docker", "Dockerfile")));
        var stage = lines.SkipWhile(l => !l.StartsWith("FROM ", StringComparison.Ordinal)).Skip(1)
            .TakeWhile(l => !l.StartsWith("FROM ", StringComparison.Ordinal)).ToList();
        var args = new Dictionary<string, string>
        {
            ["TARGETARCH"] = RuntimeInformation.OSArchitecture == Architecture.Arm64 ? "arm64" : "amd64",
        };
        var workdir = "/";
        var runs = 0;
        foreach (var line in stage.Where(l => l.Length > 0 && !l.StartsWith('#')))
        {
            var (instruction, rest) = (line.Split(' ', 2)[0], line.Split(' ', 2)[1]);
            switch (instruction)
            {
                case "ARG":
                    var arg = rest.Split('=', 2);
                    args.TryAdd(arg[0], arg.Length > 1 ? arg[1] : "");
                    break;
                case "WORKDIR":
                    workdir = rest;
                    Directory.CreateDirectory(Host(workdir));
                    break;
                case "COPY":
                    var parts = rest.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                    var destination = Path.Combine(Host(workdir), parts[^1]);
                    foreach (var source in parts[..^1])
                    {
                        CopyFromContext(source, destination);
                    }

                    break;
                case "RUN":
                    runs++;
                    var command = ContainerPath().Replace(rest, m => m.Groups[1].Value + Host(m.Groups[2].Value));
                    var environment = args.ToDictionary(p => p.Key, p => p.Value);
                    var (exitCode, output) = await Repo.RunAsync("sh", ["-c", command], Host(workdir), TimeSpan.FromMinutes(8), environment);
                    Assert.True(exitCode == 0, $"Dockerfile RUN {rest} failed:\n{output}");
                    break;
                default:
                    throw new InvalidOperationException($"The test does not know the Dockerfile instruction {instruction}.");
            }
        }

        Assert.Equal(3, runs);
        var app = Host("/app");
        Assert.True(File.Exists(Path.Combine(app, "PaymentEvents.Api.dll")), "the publish step produced no PaymentEvents.Api.dll");
        return app;
    }

    private string Host(string containerPath) => Path.Combine(_root, "fs", containerPath.TrimStart('/'));

    private static void CopyFromContext(string source, string destination)
    {
        var from = Repo.PathOf(source.TrimEnd('/'));
        if (File.Exists(from))
        {
            Directory.CreateDirectory(destination.EndsWith('/') ? destination : Path.GetDirectoryName(destination)!);
            File.Copy(from, destination.EndsWith('/') ? Path.Combine(destination, Path.GetFileName(from)) : destination, overwrite: true);
            return;
        }

        // A directory: its contents, less what .dockerignore leaves out (bin/, obj/, data/, node_modules/).
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(from, file);
            if (relative.Split(Path.DirectorySeparatorChar).Any(d => d is "bin" or "obj" or "data" or "node_modules"))
            {
                continue;
            }

            var target = Path.Combine(destination, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }
    }

    private static List<string> JoinContinuations(string[] lines)
    {
        var joined = new List<string>();
        var current = "";
        foreach (var line in lines)
        {
            current += line.TrimEnd();
            if (current.EndsWith('\\'))
            {
                current = current[..^1] + " ";
                continue;
            }

            joined.Add(current.Trim());
            current = "";
        }

        return joined;
    }

    [GeneratedRegex(@"(^|\s)(/(?:app|data|src)\b)")]
    private static partial Regex ContainerPath();

    private async Task StartNginxAsync()
    {
        var dir = Path.Combine(_root, "nginx");
        var temp = Path.Combine(dir, "tmp");
        Directory.CreateDirectory(temp);
        // nginx's workers drop root; they buffer request bodies in here.
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(temp, (UnixFileMode)0b111_111_111);
        }

        var shipped = File.ReadAllText(Repo.PathOf("docker", "nginx.conf"));
        var port = HostProcess.FreePort();
        var rendered = shipped
            .Replace("    server receiver:8080;", string.Join('\n', _replicas.Select(r => $"    server 127.0.0.1:{r.Port};")), StringComparison.Ordinal)
            .Replace("    listen 80;", $"    listen 127.0.0.1:{port};", StringComparison.Ordinal);
        Assert.True(rendered.Contains($"127.0.0.1:{_replicas[1].Port}", StringComparison.Ordinal) && rendered.Contains($"listen 127.0.0.1:{port}", StringComparison.Ordinal),
            "docker/nginx.conf no longer has the `server receiver:8080;` and `listen 80;` lines this test renders");
        File.WriteAllText(Path.Combine(dir, "default.conf"), rendered);
        File.WriteAllText(Path.Combine(dir, "nginx.conf"), $$"""
            worker_processes 1;
            daemon off;
            pid {{dir}}/nginx.pid;
            error_log {{dir}}/error.log warn;
            events { worker_connections 256; }
            http {
                log_format upstreams '$request_uri $status $upstream_addr';
                access_log {{dir}}/access.log upstreams;
                client_body_temp_path {{temp}}/body;
                proxy_temp_path {{temp}}/proxy;
                fastcgi_temp_path {{temp}}/fastcgi;
                uwsgi_temp_path {{temp}}/uwsgi;
                scgi_temp_path {{temp}}/scgi;
                include {{dir}}/default.conf;
            }
            """);

        var nginx = File.Exists("/usr/sbin/nginx") ? "/usr/sbin/nginx" : throw new InvalidOperationException(
            "nginx is not installed (apt-get install nginx-light; test.sh does it).");
        _nginx = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo(nginx)
        {
            ArgumentList = { "-p", dir, "-c", Path.Combine(dir, "nginx.conf"), "-e", Path.Combine(dir, "error.log") },
            UseShellExecute = false,
        })!;
        Proxy = new Uri($"http://127.0.0.1:{port}");
        using var http = new HttpClient { BaseAddress = Proxy };
        await Poll.UntilAsync(
            async () =>
            {
                if (_nginx.HasExited)
                {
                    throw new InvalidOperationException($"nginx exited with {_nginx.ExitCode}:\n{File.ReadAllText(Path.Combine(dir, "error.log"))}");
                }

                try
                {
                    using var response = await http.GetAsync(new Uri("/healthz", UriKind.Relative));
                    return response.IsSuccessStatusCode;
                }
                catch (HttpRequestException)
                {
                    return false;
                }
            },
            TimeSpan.FromSeconds(30),
            "nginx answers /healthz");
    }
}
