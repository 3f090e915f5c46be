using System.Text.RegularExpressions;
using Spectre.Console.Cli;

namespace PaymentEvents.Cli;

/// <summary>
/// One-line errors that name the option and the value: Spectre's parse errors reworded, with a "did you mean" for a
/// mistyped option.
/// </summary>
internal static partial class CliErrors
{
    public static string Describe(Exception ex, IReadOnlyList<string> args)
    {
        var message = ex.Message;
        if (ex is CommandParseException or CommandRuntimeException)
        {
            if (UnknownOption().Match(message) is { Success: true } unknown)
            {
                var name = unknown.Groups[1].Value.TrimStart('-');
                var suggestion = Suggest(name);
                return $"unknown option '{(name.Length == 1 ? "-" : "--")}{name}'{(suggestion is null ? "" : $"; did you mean '--{suggestion}'?")} (--help lists the options)";
            }

            if (ConversionFailed().Match(message) is { Success: true } conversion)
            {
                var value = conversion.Groups[1].Value;
                var option = OptionBefore(args, value) ?? "the option";
                var kind = conversion.Groups[2].Value switch
                {
                    "Int32" or "Int64" => "a whole number",
                    "Double" or "Decimal" => "a number",
                    "Boolean" => "true or false",
                    var other => "a " + other,
                };
                return $"{option} must be {kind}, got '{value}'";
            }
        }

        return message;
    }

    /// <summary>The option that was followed by <paramref name="value"/> on the command line.</summary>
    private static string? OptionBefore(IReadOnlyList<string> args, string value)
    {
        for (var i = 1; i < args.Count; i++)
        {
            if (args[i] == value && args[i - 1].StartsWith('-'))
            {
                return args[i - 1];
            }
        }

        return args.FirstOrDefault(a => a.StartsWith('-') && a.EndsWith("=" + value, StringComparison.Ordinal))?.Split('=')[0];
    }

    /// <summary>The closest option by edit distance, when it is close enough to be a typo.</summary>
    internal static string? Suggest(string typed) => Options
        .Where(o => o != typed)
        .Select(o => (Option: o, Distance: Distance(typed, o)))
        .Where(p => p.Distance <= Math.Max(1, typed.Length / 3))
        .OrderBy(p => p.Distance)
        .Select(p => p.Option)
        .FirstOrDefault();

    /// <summary>Every long option of the tool (Spectre's message does not list the command's options).</summary>
    internal static readonly string[] Options =
    [
        "count", "set", "dup", "livemode", "allow-unknown", "url", "json", "key", "data-dir", "wallet-type", "v0", "type",
        "status", "object-id", "handler", "limit", "cursor", "received-after", "received-before", "api-key", "interval",
        "since-start", "headers", "body", "pk", "base-url", "sk", "component-did", "callback-url", "instance", "events", "help", "version",
    ];

    /// <summary>Edit distance where swapping two neighbouring letters (coutn, count) is one edit.</summary>
    private static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }

    [GeneratedRegex(@"Unknown option '([^']+)'", RegexOptions.IgnoreCase)]
    private static partial Regex UnknownOption();

    [GeneratedRegex(@"Failed to convert '([^']*)' to (\w+)", RegexOptions.IgnoreCase)]
    private static partial Regex ConversionFailed();
}
