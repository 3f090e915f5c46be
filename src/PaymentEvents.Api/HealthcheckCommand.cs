namespace PaymentEvents.Api;

/// <summary>
/// <c>PaymentEvents.Api healthcheck [url]</c>: GETs the running service's <c>/healthz</c> and exits 0 on a 2xx, 1
/// otherwise. For container HEALTHCHECKs in images without a shell or curl (the chiseled runtime image). Without a
/// URL it asks the port this process would listen on: the first of <c>ASPNETCORE_URLS</c>, else of
/// <c>ASPNETCORE_HTTP_PORTS</c>, else Kestrel's default 5000, always on loopback.
/// </summary>
internal static class HealthcheckCommand
{
    public const string Name = "healthcheck";

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(3);

    public static async Task<int> RunAsync(string[] args)
    {
        Uri url;
        try
        {
            url = args.Length > 0 ? new Uri(args[0], UriKind.Absolute) : DefaultUrl(Environment.GetEnvironmentVariable);
        }
        catch (UriFormatException e)
        {
            await Console.Error.WriteLineAsync($"healthcheck: bad URL: {e.Message}");
            return 1;
        }

        using var http = new HttpClient { Timeout = Timeout };
        try
        {
            using var response = await http.GetAsync(url);
            await Console.Out.WriteLineAsync($"healthcheck: {url} answered {(int)response.StatusCode}");
            return response.IsSuccessStatusCode ? 0 : 1;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            await Console.Error.WriteLineAsync($"healthcheck: {url} failed: {e.Message}");
            return 1;
        }
    }

    internal static Uri DefaultUrl(Func<string, string?> environment)
    {
        var port = "5000";
        var scheme = "http";
        if (environment("ASPNETCORE_URLS") is { Length: > 0 } urls)
        {
            // "http://+:8080;https://+:8443": the first one; host wildcards (+, *, 0.0.0.0, [::]) become loopback.
            var first = urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)[0];
            var parsed = new Uri(first.Replace("://+", "://0.0.0.0", StringComparison.Ordinal).Replace("://*", "://0.0.0.0", StringComparison.Ordinal));
            scheme = parsed.Scheme;
            port = parsed.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        else if (environment("ASPNETCORE_HTTP_PORTS") is { Length: > 0 } ports)
        {
            port = ports.Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)[0];
        }

        return new Uri($"{scheme}://127.0.0.1:{port}/healthz");
    }
}
