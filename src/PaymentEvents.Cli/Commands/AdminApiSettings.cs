using System.ComponentModel;
using System.Text.Json;
using PaymentEvents.Cli.Infrastructure;
using Spectre.Console.Cli;

namespace PaymentEvents.Cli.Commands;

/// <summary>Connection options of the <c>events</c> commands: the service's admin API.</summary>
internal class AdminApiSettings : CommandSettings
{
    /// <summary>Where <c>dotnet run --project src/PaymentEvents.Api</c> listens (launchSettings.json).</summary>
    public const string DefaultUrl = "http://127.0.0.1:5080";

    public const string ApiKeyVariable = "PAYMENTEVENTS_API_KEY";

    [CommandOption("-u|--url <URL>")]
    [Description("The service's base URL (with any proxy prefix). Default " + DefaultUrl)]
    [DefaultValue(DefaultUrl)]
    public string Url { get; init; } = DefaultUrl;

    [CommandOption("--api-key <KEY>")]
    [Description("Admin:ApiKey or Admin:ReadOnlyApiKey. Default: " + ApiKeyVariable + " (keeps it off the command line)")]
    public string? ApiKey { get; init; }

    [CommandOption("--json")]
    [Description("Machine-readable output (the API's JSON)")]
    public bool Json { get; init; }

    /// <summary>An HttpClient on the service with the X-Api-Key header.</summary>
    public HttpClient CreateClient(CliEnvironment environment)
    {
        var url = Keys.ParseUrl(Url, "--url");
        var key = ApiKey ?? environment.GetEnvironmentVariable(ApiKeyVariable);
        if (string.IsNullOrWhiteSpace(key))
        {
            throw new CliException($"--api-key is required (or set {ApiKeyVariable}): the admin API needs Admin:ApiKey or Admin:ReadOnlyApiKey.");
        }

        var http = environment.CreateHttpClient();
        http.BaseAddress = new Uri(url.AbsoluteUri.TrimEnd('/') + "/");
        http.DefaultRequestHeaders.Add("X-Api-Key", key);
        return http;
    }

    /// <summary>Sends and returns the JSON body; an error status or no answer becomes a one-line CLI error.</summary>
    public static async Task<JsonElement> SendAsync(HttpClient http, HttpMethod method, string path, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, path);
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException ex)
        {
            throw new CliException($"Could not reach {http.BaseAddress}: {ex.Message}. Is the service running there (--url)?", CliApp.Failure);
        }

        using (response)
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                var detail = TryDetail(text) ?? text;
                var hint = (int)response.StatusCode switch
                {
                    401 => " Check --api-key / " + ApiKeyVariable + ".",
                    404 when text.Length == 0 => " Is the admin API on (Admin:ApiKey set) and --url the service's base URL?",
                    _ => "",
                };
                throw new CliException($"{method} {path} answered {(int)response.StatusCode}: {detail}{hint}", CliApp.Failure);
            }

            using var document = JsonDocument.Parse(text.Length == 0 ? "{}" : text);
            return document.RootElement.Clone();
        }
    }

    private static string? TryDetail(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            return document.RootElement.TryGetProperty("detail", out var detail) ? detail.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
