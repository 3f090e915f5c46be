using System.ComponentModel;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Spectre.Console;
using Spectre.Console.Cli;

namespace PaymentEvents.Cli.Commands;

/// <summary>Filters of <c>events list</c> and <c>events tail</c>, sent as the admin API's query parameters.</summary>
internal class EventFilterSettings : AdminApiSettings
{
    [CommandOption("-t|--type <TYPE>")]
    [Description("Only this event type, e.g. invoice.paid")]
    public string? Type { get; init; }

    [CommandOption("-s|--status <STATUS>")]
    [Description("received, processing, processed, failed, dead, ignored or resolved")]
    public string? Status { get; init; }

    [CommandOption("--object-id <ID>")]
    [Description("Only events of this object (subscription, invoice, ...)")]
    public string? ObjectId { get; init; }

    [CommandOption("--livemode <BOOL>")]
    [Description("true (live) or false (test)")]
    public string? Livemode { get; init; }

    [CommandOption("--handler <NAME>")]
    [Description("Only events this handler ran for")]
    public string? Handler { get; init; }

    public override ValidationResult Validate()
    {
        if (Livemode is not null and not "true" and not "false")
        {
            return ValidationResult.Error($"--livemode must be true or false, got '{Livemode}'.");
        }

        return ValidationResult.Success();
    }

    public virtual StringBuilder Query(int limit)
    {
        var query = new StringBuilder("api/events?limit=").Append(limit.ToString(CultureInfo.InvariantCulture));
        Add(query, "type", Type);
        Add(query, "status", Status);
        Add(query, "object_id", ObjectId);
        Add(query, "livemode", Livemode);
        Add(query, "handler", Handler);
        return query;
    }

    protected static void Add(StringBuilder query, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            query.Append('&').Append(name).Append('=').Append(Uri.EscapeDataString(value));
        }
    }
}

/// <summary>Table output shared by the events commands.</summary>
internal static class EventOutput
{
    public static Table Table() => new Table().AddColumns("received (UTC)", "id", "type", "object", "status", "attempts", "last error");

    public static void AddRow(Table table, JsonElement e) => table.AddRow(
        Markup.Escape(Time(e, "received_at")),
        Markup.Escape(Text(e, "id")),
        Markup.Escape(Text(e, "type")),
        Markup.Escape(Text(e, "object_id")),
        Markup.Escape(Text(e, "status")),
        e.TryGetProperty("attempt_count", out var n) ? n.ToString() : "",
        Markup.Escape(Truncate(Text(e, "last_error"), 80)));

    /// <summary>One line per event, for <c>tail</c>.</summary>
    public static string Line(JsonElement e) =>
        $"{Time(e, "received_at")}  {Text(e, "id")}  {Text(e, "type")}  {Text(e, "status")}{(Text(e, "object_id") is { Length: > 0 } o ? "  " + o : "")}";

    public static string Text(JsonElement e, string name) =>
        e.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() ?? "" : "";

    public static string Time(JsonElement e, string name) =>
        e.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.TryGetDateTimeOffset(out var time)
            ? time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)
            : "";

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..max] + "…";

    public static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}

/// <summary><c>events list</c>.</summary>
internal sealed class EventsListCommand(CliEnvironment environment) : AsyncCommand<EventsListCommand.Settings>
{
    internal sealed class Settings : EventFilterSettings
    {
        [CommandOption("-n|--limit <N>")]
        [Description("How many, newest first (1-500). Default 20")]
        [DefaultValue(20)]
        public int Limit { get; init; } = 20;

        [CommandOption("--received-after <TIME>")]
        [Description("Only events received at or after this time (ISO 8601, e.g. 2026-03-01T12:00:00Z)")]
        public string? ReceivedAfter { get; init; }

        [CommandOption("--received-before <TIME>")]
        [Description("Only events received before this time")]
        public string? ReceivedBefore { get; init; }

        [CommandOption("--cursor <CURSOR>")]
        [Description("The next_cursor of a previous page")]
        public string? Cursor { get; init; }

        public override ValidationResult Validate()
        {
            if (Limit is < 1 or > 500)
            {
                return ValidationResult.Error($"--limit must be between 1 and 500, got {Limit}.");
            }

            foreach (var (option, value) in new[] { ("--received-after", ReceivedAfter), ("--received-before", ReceivedBefore) })
            {
                if (value is not null && !DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _))
                {
                    return ValidationResult.Error($"{option} must be a time like 2026-03-01T12:00:00Z, got '{value}'.");
                }
            }

            return base.Validate();
        }

        public override StringBuilder Query(int limit)
        {
            var query = base.Query(limit);
            Add(query, "received_after", ReceivedAfter is null ? null : Iso(ReceivedAfter));
            Add(query, "received_before", ReceivedBefore is null ? null : Iso(ReceivedBefore));
            Add(query, "cursor", Cursor);
            return query;
        }

        private static string Iso(string value) =>
            DateTimeOffset.Parse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal).ToString("O", CultureInfo.InvariantCulture);
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        using var http = settings.CreateClient(environment);
        var page = await AdminApiSettings.SendAsync(http, HttpMethod.Get, settings.Query(settings.Limit).ToString(), cancellationToken).ConfigureAwait(false);
        if (settings.Json)
        {
            environment.Out.WriteLine(page.GetRawText());
            return 0;
        }

        var table = EventOutput.Table();
        var items = page.GetProperty("items");
        foreach (var e in items.EnumerateArray())
        {
            EventOutput.AddRow(table, e);
        }

        environment.Console.Write(table);
        var next = page.TryGetProperty("next_cursor", out var cursor) && cursor.ValueKind == JsonValueKind.String ? cursor.GetString() : null;
        environment.Console.MarkupLine($"[grey]{items.GetArrayLength()} event(s){(next is null ? "" : $"; more with --cursor {Markup.Escape(next)}")}[/]");
        return 0;
    }
}

/// <summary><c>events show &lt;id&gt;</c>.</summary>
internal sealed class EventsShowCommand(CliEnvironment environment) : AsyncCommand<EventsShowCommand.Settings>
{
    internal sealed class Settings : AdminApiSettings
    {
        [CommandArgument(0, "<ID>")]
        [Description("Event id (evt_...)")]
        public string Id { get; init; } = "";
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        using var http = settings.CreateClient(environment);
        var e = await AdminApiSettings.SendAsync(http, HttpMethod.Get, "api/events/" + Uri.EscapeDataString(settings.Id), cancellationToken).ConfigureAwait(false);
        if (settings.Json)
        {
            environment.Out.WriteLine(e.GetRawText());
            return 0;
        }

        var grid = new Grid().AddColumn().AddColumn();
        foreach (var name in new[] { "id", "type", "object_id", "status", "received_at", "updated_at", "next_attempt_at", "last_error" })
        {
            if (e.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null)
            {
                grid.AddRow($"[grey]{name}[/]", Markup.Escape(value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText()));
            }
        }

        grid.AddRow("[grey]attempt_count[/]", e.TryGetProperty("attempt_count", out var count) ? count.GetRawText() : "");
        environment.Console.Write(grid);
        if (e.TryGetProperty("history", out var history) && history.GetArrayLength() > 0)
        {
            var attempts = new Table().AddColumns("started (UTC)", "handler", "attempt", "duration", "outcome", "error");
            foreach (var a in history.EnumerateArray())
            {
                attempts.AddRow(
                    Markup.Escape(EventOutput.Time(a, "started_at")),
                    Markup.Escape(EventOutput.Text(a, "handler")),
                    a.TryGetProperty("attempt", out var n) ? n.GetRawText() : "",
                    a.TryGetProperty("duration_ms", out var d) ? d.GetRawText() + " ms" : "",
                    Markup.Escape(EventOutput.Text(a, "outcome")),
                    Markup.Escape(EventOutput.Text(a, "error")));
            }

            environment.Console.Write(attempts);
        }

        if (e.TryGetProperty("event", out var payload))
        {
            environment.Out.WriteLine(JsonSerializer.Serialize(payload, EventOutput.Indented));
        }

        return 0;
    }
}

/// <summary><c>events replay &lt;id&gt;</c> or <c>events replay --status dead [--type T]</c>.</summary>
internal sealed class EventsReplayCommand(CliEnvironment environment) : AsyncCommand<EventsReplayCommand.Settings>
{
    internal sealed class Settings : AdminApiSettings
    {
        [CommandArgument(0, "[ID]")]
        [Description("Event id to queue again; omit it to replay by --status/--type")]
        public string? Id { get; init; }

        [CommandOption("-s|--status <STATUS>")]
        [Description("Replay every event with this status (without an ID). Default dead")]
        public string? Status { get; init; }

        [CommandOption("-t|--type <TYPE>")]
        [Description("With --status: only this event type")]
        public string? Type { get; init; }

        public override ValidationResult Validate() =>
            Id is not null && (Status is not null || Type is not null)
                ? ValidationResult.Error("Give either an event ID or --status/--type, not both.")
                : ValidationResult.Success();
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        using var http = settings.CreateClient(environment);
        string path;
        if (settings.Id is { } id)
        {
            path = "api/events/" + Uri.EscapeDataString(id) + "/replay";
        }
        else
        {
            var query = new StringBuilder("api/events/replay?status=").Append(Uri.EscapeDataString(settings.Status ?? "dead"));
            if (settings.Type is { } type)
            {
                query.Append("&type=").Append(Uri.EscapeDataString(type));
            }

            path = query.ToString();
        }

        var result = await AdminApiSettings.SendAsync(http, HttpMethod.Post, path, cancellationToken).ConfigureAwait(false);
        if (settings.Json)
        {
            environment.Out.WriteLine(result.GetRawText());
            return 0;
        }

        var replayed = result.TryGetProperty("replayed", out var n) ? n.GetInt32() : 0;
        environment.Console.MarkupLine(settings.Id is not null
            ? $"[green]queued[/] {Markup.Escape(settings.Id)} again"
            : $"[green]queued[/] {replayed} event(s) again");
        return 0;
    }
}

/// <summary>
/// <c>events tail</c>: follows new deliveries live (like <c>stripe logs tail</c>), one line each, until Ctrl+C.
/// Polls the admin API's newest page and prints what it has not printed, oldest first.
/// </summary>
internal sealed class EventsTailCommand(CliEnvironment environment) : AsyncCommand<EventsTailCommand.Settings>
{
    private const int PageSize = 100;

    internal sealed class Settings : EventFilterSettings
    {
        [CommandOption("--interval <SECONDS>")]
        [Description("Seconds between polls. Default 1")]
        [DefaultValue(1.0)]
        public double Interval { get; init; } = 1.0;

        [CommandOption("--since-start")]
        [Description("Also print the newest events stored before tail started")]
        public bool SinceStart { get; init; }

        public override ValidationResult Validate() =>
            Interval is < 0.1 or > 3600
                ? ValidationResult.Error($"--interval must be between 0.1 and 3600 seconds, got {Interval.ToString(CultureInfo.InvariantCulture)}.")
                : base.Validate();
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        using var http = settings.CreateClient(environment);
        var path = settings.Query(PageSize).ToString();
        HashSet<string> seen = [];
        var first = true;
        if (!settings.Json)
        {
            environment.Error.WriteLine($"Following {http.BaseAddress} (Ctrl+C to stop)...");
        }

        while (!cancellationToken.IsCancellationRequested)
        {
            JsonElement page;
            try
            {
                page = await AdminApiSettings.SendAsync(http, HttpMethod.Get, path, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                break;
            }

            // Only the last page's ids are remembered (bounded memory): anything new arrives on top of the newest page.
            var items = page.GetProperty("items").EnumerateArray().ToList();
            var fresh = items.Where(e => !seen.Contains(EventOutput.Text(e, "id"))).Reverse().ToList();
            seen = new HashSet<string>(items.Select(e => EventOutput.Text(e, "id")), StringComparer.Ordinal);
            if (!first || settings.SinceStart)
            {
                foreach (var e in fresh)
                {
                    environment.Out.WriteLine(settings.Json ? e.GetRawText() : EventOutput.Line(e));
                }

                await environment.Out.FlushAsync(cancellationToken).ConfigureAwait(false);
            }

            first = false;
            try
            {
                await Task.Delay(TimeSpan.FromSeconds(settings.Interval), environment.TimeProvider, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        return 0;
    }
}
