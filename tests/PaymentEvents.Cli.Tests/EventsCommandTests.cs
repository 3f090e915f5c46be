using System.Collections.Concurrent;
using System.Text.Json;
using PaymentEvents.Cli.Tests.Infrastructure;

namespace PaymentEvents.Cli.Tests;

/// <summary><c>events list|show|replay|tail</c> against the real host's admin API.</summary>
public sealed class EventsCommandTests : IDisposable
{
    private const string AdminKey = "cli-admin-key-0123456789abcdef";
    private static readonly Dictionary<string, string> KeyVariable = new() { ["PAYMENTEVENTS_API_KEY"] = AdminKey };

    private readonly DevelopmentHost _host = new(new Dictionary<string, string> { ["Admin:ApiKey"] = AdminKey });

    public EventsCommandTests() => _host.Start();

    [Fact]
    public async Task List_shows_stored_events_newest_first_and_filters_by_type()
    {
        var paid = await TriggerAsync("invoice.paid");
        var renewed = await TriggerAsync("customer.subscription.renewed");

        var all = await EventsAsync("list", "--json");
        var ids = JsonDocument.Parse(all.Stdout).RootElement.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("id").GetString()).ToList();
        var table = await EventsAsync("list", "--type", "invoice.paid");

        Assert.Equal([renewed, paid], ids);
        Assert.Contains(paid, table.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain(renewed, table.Stdout, StringComparison.Ordinal);
        Assert.Contains("1 event(s)", table.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Show_prints_the_event_and_its_payload_and_replay_queues_it_again()
    {
        var id = await TriggerAsync("invoice.paid");

        var show = await EventsAsync("show", id);
        var replay = await EventsAsync("replay", id, "--json");
        var missing = await EventsAsync("show", "evt_not_there");

        Assert.True(show.ExitCode == 0, show.ToString());
        Assert.Contains("invoice.paid", show.Stdout, StringComparison.Ordinal);
        Assert.Contains($"\"id\": \"{id}\"", show.Stdout, StringComparison.Ordinal);
        Assert.Equal(1, JsonDocument.Parse(replay.Stdout).RootElement.GetProperty("replayed").GetInt32());
        Assert.Equal(CliApp.Failure, missing.ExitCode);
        Assert.Contains("404", missing.Stderr, StringComparison.Ordinal);
        Assert.Contains("evt_not_there", missing.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_key_or_with_a_wrong_one_the_error_says_what_to_set()
    {
        var none = await CliRunner.RunAsync(["events", "list", "--url", "http://localhost"], httpClient: () => _host.CreateClient());
        var wrong = await CliRunner.RunAsync(["events", "list", "--url", "http://localhost", "--api-key", "not-the-key-at-all"], httpClient: () => _host.CreateClient());

        Assert.Equal(CliApp.UsageError, none.ExitCode);
        Assert.Contains("PAYMENTEVENTS_API_KEY", none.Stderr, StringComparison.Ordinal);
        Assert.Equal(CliApp.Failure, wrong.ExitCode);
        Assert.Contains("401", wrong.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tail_prints_each_new_delivery_once_as_it_arrives()
    {
        var before = await TriggerAsync("invoice.paid");
        using var output = new LineWriter();
        using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        var tail = CliRunner.RunAsync(
            ["events", "tail", "--url", "http://localhost", "--interval", "0.1"],
            httpClient: () => _host.CreateClient(), environmentVariables: KeyVariable, cancellationToken: stop.Token, stdoutWriter: output);
        await Poll.UntilAsync(() => output.Polls > 0 || tail.IsCompleted, what: "the first poll");

        var first = await TriggerAsync("invoice.paid");
        await Poll.UntilAsync(() => output.Text.Contains(first, StringComparison.Ordinal) || tail.IsCompleted, what: "the first event in the output");
        var second = await TriggerAsync("customer.subscription.renewed");
        await Poll.UntilAsync(() => output.Text.Contains(second, StringComparison.Ordinal) || tail.IsCompleted, what: "the second event in the output");
        await stop.CancelAsync();
        var result = await tail;

        Assert.True(result.ExitCode == 0, result.ToString());
        var lines = output.Text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.DoesNotContain(lines, l => l.Contains(before, StringComparison.Ordinal));
        Assert.Single(lines, l => l.Contains(first, StringComparison.Ordinal));
        Assert.Single(lines, l => l.Contains(second, StringComparison.Ordinal));
        Assert.True(Array.FindIndex(lines, l => l.Contains(first, StringComparison.Ordinal)) < Array.FindIndex(lines, l => l.Contains(second, StringComparison.Ordinal)));
    }

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task Piped_tables_keep_each_row_on_one_line()
    {
        // A row far wider than the 80 columns Spectre.Console assumes when stdout is not a terminal.
        const string LongType = "acme.ledger.reconciliation.completed.for.every.account.of.the.quarter";
        var id = await TriggerAsync(LongType, "--allow-unknown");

        var table = await EventsAsync("list");

        Assert.True(table.ExitCode == 0, table.ToString());
        Assert.Single(table.Stdout.Split('\n'), line => line.Contains(id, StringComparison.Ordinal) && line.Contains(LongType, StringComparison.Ordinal));
    }

    private async Task<string> TriggerAsync(string type, params string[] more)
    {
        var result = await CliRunner.RunAsync(
            ["trigger", type, "--url", DevelopmentHost.CallbackUrl, "--data-dir", _host.DataDir, "--json", .. more],
            httpClient: () => _host.CreateClient());
        Assert.True(result.ExitCode == 0, result.ToString());
        return JsonDocument.Parse(result.Stdout).RootElement.GetProperty("event_id").GetString()!;
    }

    private Task<CliResult> EventsAsync(params string[] args) =>
        CliRunner.RunAsync(["events", .. args, "--url", "http://localhost"], httpClient: () => _host.CreateClient(), environmentVariables: KeyVariable);

    /// <summary>Thread-safe stdout for a command that runs while the test reads it; counts flushes (one per poll).</summary>
    private sealed class LineWriter : StringWriter
    {
        private readonly ConcurrentQueue<string> _parts = new();
        private int _polls;

        public int Polls => Volatile.Read(ref _polls);

        public string Text => string.Concat(_parts);

        public override void Write(char value) => _parts.Enqueue(value.ToString());

        public override void Write(string? value)
        {
            if (value is not null)
            {
                _parts.Enqueue(value);
            }
        }

        public override void WriteLine(string? value) => Write(value + "\n");

        public override Task FlushAsync(CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _polls);
            return Task.CompletedTask;
        }
    }
}
