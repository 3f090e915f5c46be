using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace PaymentEvents.Api.Tests.Infrastructure;

/// <summary>
/// A built or published host (<c>PaymentEvents.Api.dll</c>) as a child process in Production on a free loopback
/// port, configured by environment variables; killed (SIGKILL) on dispose if still running.
/// </summary>
public sealed class HostProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private HostProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public int Port => BaseAddress.Port;

    public bool IsRunning => !_process.HasExited;

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>The host built beside the tests.</summary>
    /// <param name="environment">Settings as environment variables (<c>Section__Key</c>); Production unless it says otherwise.</param>
    public static HostProcess Start(IReadOnlyDictionary<string, string> environment) =>
        Start(Path.Combine(AppContext.BaseDirectory, "PaymentEvents.Api.dll"), environment);

    /// <param name="dll">The host to run.</param>
    /// <param name="environment">Settings as environment variables.</param>
    /// <param name="descriptorLimit">When set, the process runs under <c>ulimit -n</c> of this many descriptors.</param>
    public static HostProcess Start(string dll, IReadOnlyDictionary<string, string> environment, int? descriptorLimit = null)
    {
        var port = FreePort();
        var start = new ProcessStartInfo(descriptorLimit is null ? "dotnet" : "bash")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (descriptorLimit is { } limit)
        {
            start.ArgumentList.Add("-c");
            start.ArgumentList.Add($"ulimit -n {limit.ToString(System.Globalization.CultureInfo.InvariantCulture)} && exec dotnet \"$0\"");
        }

        start.ArgumentList.Add(dll);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        start.Environment["Serilog__MinimumLevel__Default"] = "Warning";
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        var host = new HostProcess(process, new Uri($"http://127.0.0.1:{port}"));
        process.OutputDataReceived += (_, e) => host.Append(e.Data);
        process.ErrorDataReceived += (_, e) => host.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return host;
    }

    public async Task<HttpClient> WaitUntilReadyAsync()
    {
        var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(10) };
        await Poll.UntilAsync(
            async () =>
            {
                if (_process.HasExited)
                {
                    throw new InvalidOperationException($"The host exited with {_process.ExitCode}:\n{Output}");
                }

                try
                {
                    using var response = await http.GetAsync(new Uri("/readyz", UriKind.Relative));
                    return response.IsSuccessStatusCode;
                }
                catch (HttpRequestException)
                {
                    return false;
                }
            },
            TimeSpan.FromSeconds(60),
            "the host answers /readyz");
        return http;
    }

    /// <summary>Polls the admin API until event <paramref name="id"/> is processed or dead, and returns the stored event.</summary>
    public static async Task<JsonElement> WaitUntilFinalAsync(HttpClient admin, string id)
    {
        JsonElement stored = default;
        await Poll.UntilAsync(
            async () =>
            {
                stored = JsonDocument.Parse(await admin.GetStringAsync(new Uri($"/api/events/{id}", UriKind.Relative))).RootElement;
                return stored.GetProperty("status").GetString() is "processed" or "dead";
            },
            TimeSpan.FromSeconds(60),
            $"{id} is processed or dead");
        return stored;
    }

    /// <summary>SIGKILL: no shutdown hooks, no flush, no lease release.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            Kill();
        }

        _process.Dispose();
    }

    internal static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Waits for a host that should not start to exit; its exit code and everything it printed.</summary>
    public async Task<(int ExitCode, string Output)> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cancel.Token);
        _process.WaitForExit(); // drains the redirected output
        return (_process.ExitCode, Output);
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }
}
