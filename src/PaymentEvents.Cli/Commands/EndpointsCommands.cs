using System.ComponentModel;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using PaymentEvents.Cli.Infrastructure;
using PaymentEvents.Registration;
using Spectre.Console;
using Spectre.Console.Cli;

namespace PaymentEvents.Cli.Commands;

/// <summary>Output shared by the endpoints commands.</summary>
internal static class EndpointOutput
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static void Print(CliEnvironment environment, IReadOnlyList<WebhookEndpoint> endpoints, bool json)
    {
        if (json)
        {
            environment.Out.WriteLine(JsonSerializer.Serialize(endpoints, Json));
            return;
        }

        var table = new Table().AddColumns("id", "status", "url", "events", "metadata");
        foreach (var e in endpoints)
        {
            var events = e.EnabledEvents is { Count: > 3 } many ? $"{string.Join(", ", many.Take(3))} (+{many.Count - 3})" : string.Join(", ", e.EnabledEvents ?? []);
            var metadata = e.Metadata is null ? "" : JsonSerializer.Serialize(e.Metadata, Json);
            table.AddRow(Markup.Escape(e.Id), Markup.Escape(e.Status ?? ""), Markup.Escape(e.Url ?? ""), Markup.Escape(events), Markup.Escape(metadata));
        }

        environment.Console.Write(table);
        environment.Console.MarkupLine($"[grey]{endpoints.Count} endpoint(s)[/]");
    }
}

/// <summary><c>endpoints list</c>.</summary>
internal sealed class EndpointsListCommand(CliEnvironment environment) : AsyncCommand<EndpointsSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, EndpointsSettings settings, CancellationToken cancellationToken)
    {
        await using var services = settings.BuildServices(environment);
        var result = await services.GetRequiredService<PaymentKitClient>().ListAllAsync(cancellationToken).ConfigureAwait(false);
        if (!result.IsSuccess)
        {
            return EndpointsSettings.Fail(environment, result.Error);
        }

        EndpointOutput.Print(environment, result.Value!, settings.Json);
        return 0;
    }
}

/// <summary><c>endpoints ensure</c>: what the service does at startup, on demand.</summary>
internal sealed class EndpointsEnsureCommand(CliEnvironment environment) : AsyncCommand<EndpointsEnsureCommand.Settings>
{
    internal sealed class Settings : EndpointsSettings
    {
        [CommandOption("--callback-url <URL>")]
        [Description("Our public callback URL. Default: PaymentKit__CallbackUrl")]
        public string? CallbackUrl { get; init; }

        [CommandOption("--instance <NAME>")]
        [Description("Instance name in the metadata marker (PaymentKit:InstanceName). Default 'default'")]
        public string Instance { get; init; } = "default";

        [CommandOption("-e|--events <TYPES>")]
        [Description("Event types, comma separated or repeated; '*' for all. Default: the documented types")]
        public string[] Events { get; init; } = [];
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var callback = Keys.ParseUrl(settings.CallbackUrl ?? environment.GetEnvironmentVariable("PaymentKit__CallbackUrl"), "--callback-url");
        var events = settings.Events.SelectMany(e => e.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).Distinct(StringComparer.Ordinal).ToList();
        if (events.Count == 0)
        {
            events.AddRange(PaymentEvents.Events.EventTypes.Documented);
        }

        await using var services = settings.BuildServices(environment);
        var desired = new DesiredEndpoint(callback.AbsoluteUri, [.. events.Order(StringComparer.Ordinal)], settings.Instance);
        var result = await services.GetRequiredService<WebhookEndpointReconciler>().EnsureAsync(desired, cancellationToken).ConfigureAwait(false);
        if (!result.IsSuccess)
        {
            return EndpointsSettings.Fail(environment, result.Error);
        }

        var outcome = result.Value!;
        if (settings.Json)
        {
            environment.Out.WriteLine(JsonSerializer.Serialize(new { action = outcome.Action.ToString().ToLowerInvariant(), endpoint = outcome.Endpoint, other_matches = outcome.OtherMatches }, EndpointOutput.Json));
            return 0;
        }

        environment.Console.MarkupLine($"[green]{outcome.Action.ToString().ToLowerInvariant()}[/] {Markup.Escape(outcome.Endpoint.Id)} → {Markup.Escape(outcome.Endpoint.Url ?? "")} ({desired.EnabledEvents.Count} event types)");
        if (outcome.OtherMatches.Count > 0)
        {
            environment.Console.MarkupLine($"[yellow]also ours, left alone:[/] {Markup.Escape(string.Join(", ", outcome.OtherMatches))}");
        }

        return 0;
    }
}

/// <summary><c>endpoints delete &lt;id&gt;</c>.</summary>
internal sealed class EndpointsDeleteCommand(CliEnvironment environment) : AsyncCommand<EndpointsDeleteCommand.Settings>
{
    internal sealed class Settings : EndpointsSettings
    {
        [CommandArgument(0, "<ID>")]
        [Description("Endpoint id (we_...)")]
        public string Id { get; init; } = "";
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        await using var services = settings.BuildServices(environment);
        var result = await services.GetRequiredService<PaymentKitClient>().DeleteAsync(settings.Id, cancellationToken).ConfigureAwait(false);
        if (!result.IsSuccess)
        {
            return EndpointsSettings.Fail(environment, result.Error);
        }

        if (settings.Json)
        {
            environment.Out.WriteLine(JsonSerializer.Serialize(new { deleted = settings.Id }, EndpointOutput.Json));
        }
        else
        {
            environment.Console.MarkupLine($"[green]deleted[/] {Markup.Escape(settings.Id)}");
        }

        return 0;
    }
}
