using System.Diagnostics;
using System.Text.Json;
using System.Threading.Channels;

namespace PaymentEvents.Api.Tests.Blocklet;

/// <summary>
/// A Node script of <c>tests/eventbus</c> (the real npm packages) with line-JSON stdout: every line is kept, and
/// tests wait for a line that matches (state, not time). A missing <c>node_modules</c> fails with the fix, never skips.
/// </summary>
public sealed class NodeProcess : IAsyncDisposable
{
    private static readonly Lazy<string> ToolDirectory = new(Find);
    private readonly Process _process;
    private readonly List<JsonElement> _lines = [];
    private readonly Lock _gate = new();
    private readonly Channel<bool> _changed = Channel.CreateUnbounded<bool>();
    private readonly System.Text.StringBuilder _stderr = new();

    private NodeProcess(Process process)
    {
        _process = process;
        _ = Task.Run(ReadStdoutAsync);
        _ = Task.Run(async () =>
        {
            while (await process.StandardError.ReadLineAsync() is { } line)
            {
                lock (_gate)
                {
                    _stderr.AppendLine(line);
                }
            }
        });
    }

    public static string Directory => ToolDirectory.Value;

    public string StdErr
    {
        get
        {
            lock (_gate)
            {
                return _stderr.ToString();
            }
        }
    }

    public static NodeProcess Start(string script, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        if (!File.Exists(Path.Combine(Directory, "node_modules", "@arcblock", "ws", "package.json")))
        {
            Assert.Fail($"The event-bus simulator's npm packages are missing: run `npm ci --ignore-scripts` in {Directory}.");
        }

        var psi = new ProcessStartInfo("node")
        {
            WorkingDirectory = Directory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        psi.ArgumentList.Add(Path.Combine(Directory, script));
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        foreach (var (key, value) in environment)
        {
            psi.Environment[key] = value;
        }

        psi.Environment["DEBUG"] = string.Empty;
        return new NodeProcess(Process.Start(psi) ?? throw new InvalidOperationException("node did not start"));
    }

    public async Task SendAsync(string line)
    {
        await _process.StandardInput.WriteLineAsync(line);
        await _process.StandardInput.FlushAsync();
    }

    /// <summary>The first line (from the start) that matches, waiting for it up to <paramref name="timeout"/>.</summary>
    public async Task<JsonElement> WaitForAsync(Func<JsonElement, bool> match, TimeSpan? timeout = null, string? what = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            lock (_gate)
            {
                foreach (var line in _lines)
                {
                    if (match(line))
                    {
                        return line;
                    }
                }
            }

            try
            {
                await _changed.Reader.ReadAsync(cts.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"node: no line for {what ?? "condition"}; exited={_process.HasExited}; stderr:\n{StdErr}");
            }
        }
    }

    public IReadOnlyList<JsonElement> Lines(Func<JsonElement, bool> match)
    {
        lock (_gate)
        {
            return _lines.Where(match).ToList();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private async Task ReadStdoutAsync()
    {
        while (await _process.StandardOutput.ReadLineAsync() is { } line)
        {
            if (!line.StartsWith('{'))
            {
                continue;
            }

            JsonElement element;
            try
            {
                element = JsonElement.Parse(line);
            }
            catch (JsonException)
            {
                continue;
            }

            lock (_gate)
            {
                _lines.Add(element);
            }

            _changed.Writer.TryWrite(true);
        }

        _changed.Writer.TryWrite(true);
    }

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "eventbus");
            if (File.Exists(Path.Combine(candidate, "simulator.js")))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("tests/eventbus not found above " + AppContext.BaseDirectory);
    }
}

internal static class JsonLine
{
    public static bool Has(this JsonElement e, string name) => e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out _);

    public static string? Text(this JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
