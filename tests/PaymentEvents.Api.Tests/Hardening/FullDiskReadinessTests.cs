using System.Diagnostics;
using System.Net;
using System.Text.Json;
using PaymentEvents.Api.Tests.Infrastructure;
using PaymentEvents.Storage;

namespace PaymentEvents.Api.Tests.Hardening;

/// <summary>
/// Issue 16 item 5: SQLite on a small tmpfs this test mounts, filled until writes fail: deliveries get 503, readiness
/// goes unhealthy (it only read before, and said healthy), and once space is freed readiness is healthy again by
/// itself and deliveries are stored. Needs root (mount); unmounted in finally.
/// </summary>
public sealed class FullDiskReadinessTests
{
    [Fact]
    public async Task A_full_disk_makes_readiness_unhealthy_and_it_recovers_by_itself()
    {
        var mountPoint = Directory.CreateTempSubdirectory("paymentevents-tmpfs-").FullName;
        await RunAsync("mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", mountPoint);
        try
        {
            // The processor stays on: its small completion writes can commit between refused inserts, and readiness must
            // stay unhealthy anyway (a commit clears a failure only after EventStore.WriteFailureHold).
            using (var host = new ReceiverHost(s => s["Storage:DataDir"] = mountPoint))
            {
                using var client = host.CreateClient();
                Assert.Equal("healthy", await StorageStatusAsync(client));
                Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(host.SignedDelivery(TestEvents.Json()))).StatusCode);

                var filler = Path.Combine(mountPoint, "filler");
                FillUp(filler);

                // Deliveries with a 32 KiB field until the store refuses one (the WAL may still hold a little room).
                var refused = false;
                for (var i = 0; i < 100 && !refused; i++)
                {
                    var json = TestEvents.Json().Replace("\"status\":\"active\"", "\"status\":\"active\",\"pad\":\"" + new string('x', 32 * 1024) + "\"", StringComparison.Ordinal);
                    var response = await client.SendAsync(host.SignedDelivery(json));
                    Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.ServiceUnavailable, $"{response.StatusCode}");
                    refused = response.StatusCode == HttpStatusCode.ServiceUnavailable;
                }

                Assert.True(refused, "a delivery was refused on the full disk");
                var (status, description) = await StorageCheckAsync(client);
                Assert.Equal("unhealthy", status);
                Assert.Contains("Writes to the event store are failing", description, StringComparison.Ordinal);

                // Space freed: once the failure is older than the hold, a check's own tiny write commits.
                File.Delete(filler);
                host.Time.Advance(EventStore.WriteFailureHold + TimeSpan.FromSeconds(1));
                await Poll.UntilAsync(async () => await StorageStatusAsync(client) == "healthy", what: "readiness healthy again");

                var id = TestEvents.NewId();
                Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(host.SignedDelivery(TestEvents.Json(id)))).StatusCode);
                Assert.NotNull(await host.Store.GetAsync(id, CancellationToken.None));
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            await RunAsync("umount", "-l", mountPoint);
            Directory.Delete(mountPoint);
        }
    }

    private static void FillUp(string path)
    {
        using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1, FileOptions.WriteThrough);
        var block = new byte[64 * 1024];
        try
        {
            while (true)
            {
                file.Write(block);
            }
        }
        catch (IOException)
        {
            // ENOSPC: the filesystem is full.
        }

        // What is left is less than one block: take it too, a byte at a time is enough for a few KiB.
        try
        {
            while (true)
            {
                file.Write(block.AsSpan(0, 1));
                file.Flush();
            }
        }
        catch (IOException)
        {
        }
    }

    private static async Task<string> StorageStatusAsync(HttpClient client) => (await StorageCheckAsync(client)).Status;

    private static async Task<(string Status, string Description)> StorageCheckAsync(HttpClient client)
    {
        var response = await client.GetAsync("/readyz");
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var storage = document.RootElement.GetProperty("checks").GetProperty("storage");
        var status = storage.GetProperty("status").GetString()!;
        Assert.Equal(status == "unhealthy" ? HttpStatusCode.ServiceUnavailable : HttpStatusCode.OK, response.StatusCode);
        return (status, storage.GetProperty("description").GetString() ?? "");
    }

    private static async Task RunAsync(string program, params string[] args)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"{program} {string.Join(' ', args)}: exit {process.ExitCode}: {error}");
    }
}
