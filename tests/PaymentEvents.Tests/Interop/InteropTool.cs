using System.Diagnostics;

namespace PaymentEvents.Tests.Interop;

/// <summary>
/// Locates <c>tests/interop</c> (the Node tool around the real <c>@blocklet/sdk</c>) and runs it.
/// A missing <c>node_modules</c> is a failure with the fix, never a skip: these tests are the
/// only thing that proves compatibility with Payment Kit.
/// </summary>
internal static class InteropTool
{
    private static readonly Lazy<string> InteropDirectory = new(FindInteropDirectory);

    public static string Directory => InteropDirectory.Value;

    /// <summary>Fails the test with the command to run when the npm packages are not installed.</summary>
    public static void RequireInstalled()
    {
        var sdk = Path.Combine(Directory, "node_modules", "@blocklet", "sdk", "package.json");
        var stable = Path.Combine(Directory, "node_modules", "json-stable-stringify", "package.json");
        if (!File.Exists(sdk) || !File.Exists(stable))
        {
            Assert.Fail(
                $"The interop tool's npm packages are missing ({Path.Combine(Directory, "node_modules")}). " +
                $"Run `npm ci --ignore-scripts` in {Directory} (see tests/interop/README.md).");
        }
    }

    /// <summary>Starts <c>node script args</c> in tests/interop with redirected stdio (an absolute script path runs any script there).</summary>
    public static Process StartNode(string script, params string[] args)
    {
        RequireInstalled();
        var psi = new ProcessStartInfo("node")
        {
            WorkingDirectory = Directory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = System.Text.Encoding.UTF8,
            StandardErrorEncoding = System.Text.Encoding.UTF8,
        };
        psi.ArgumentList.Add(Path.Combine(Directory, script));
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        try
        {
            return Process.Start(psi) ?? throw new InvalidOperationException("node did not start");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            Assert.Fail($"Cannot start `node` ({e.Message}). Install Node.js 20+ and run `npm ci --ignore-scripts` in {Directory}.");
            throw;
        }
    }

    /// <summary>Runs a script to completion (bounded) and returns exit code, stdout and stderr.</summary>
    public static async Task<(int ExitCode, string StdOut, string StdErr)> RunNodeAsync(string script, TimeSpan timeout, params string[] args)
    {
        using var process = StartNode(script, args);
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"node {script} did not finish within {timeout}.");
        }

        return (process.ExitCode, await stdout, await stderr);
    }

    private static string FindInteropDirectory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "PaymentEvents.sln")))
            {
                return Path.Combine(dir.FullName, "tests", "interop");
            }
        }

        throw new InvalidOperationException($"PaymentEvents.sln not found above {AppContext.BaseDirectory}.");
    }
}
