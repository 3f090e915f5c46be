using System.Reflection;
using System.Text.RegularExpressions;
using PaymentEvents.Admin;
using PaymentEvents.Dashboard;
using PaymentEvents.Blocklet;
using PaymentEvents.Api.Tests.Infrastructure;
using PaymentEvents.Processing;
using PaymentEvents.Proxies;
using PaymentEvents.Receiver;
using PaymentEvents.Registration;
using PaymentEvents.Storage;

namespace PaymentEvents.Api.Tests.Docs;

/// <summary>The docs the code cites exist and say what the code reads.</summary>
public sealed partial class DocsTests
{
    [Fact]
    public void Every_protocol_citation_in_the_code_names_a_section_of_docs_protocol_md()
    {
        var sections = Section().Matches(File.ReadAllText(Repo.PathOf("docs", "protocol.md"))).Select(m => m.Groups[1].Value).ToHashSet();
        var citations = Directory.EnumerateFiles(Repo.PathOf("src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => Citation().Matches(File.ReadAllText(f)).Select(m => (File: Path.GetFileName(f), Section: m.Groups[1].Value)))
            .ToList();

        Assert.Equal(["1", "2", "3", "4", "5", "6"], sections.Order());
        Assert.True(citations.Count > 50, $"only {citations.Count} citations found");
        Assert.All(citations, c => Assert.True(sections.Contains(c.Section), $"{c.File} cites docs/protocol.md §{c.Section}, which does not exist"));
    }

    [Theory]
    [InlineData(typeof(PaymentKitOptions), PaymentKitOptions.SectionName)]
    [InlineData(typeof(PaymentKitResilienceOptions), PaymentKitResilienceOptions.SectionName)]
    [InlineData(typeof(WebhookOptions), WebhookOptions.SectionName)]
    [InlineData(typeof(StorageOptions), StorageOptions.SectionName)]
    [InlineData(typeof(ProcessingOptions), ProcessingOptions.SectionName)]
    [InlineData(typeof(AdminOptions), AdminOptions.SectionName)]
    [InlineData(typeof(BlockletEventBusOptions), BlockletEventBusOptions.SectionName)]
    [InlineData(typeof(DashboardOptions), DashboardOptions.SectionName)]
    [InlineData(typeof(TrustedProxyOptions), TrustedProxyOptions.SectionName)]
    [InlineData(typeof(PaymentEventsRouteOptions), PaymentEventsRouteOptions.SectionName)]
    public void Configuration_md_documents_every_key_an_options_class_binds(Type options, string section)
    {
        var doc = File.ReadAllText(Repo.PathOf("docs", "configuration.md"));
        var keys = options.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanWrite || typeof(System.Collections.IEnumerable).IsAssignableFrom(p.PropertyType) && p.PropertyType != typeof(string))
            .Where(p => !(options == typeof(StorageOptions) && p.Name == nameof(StorageOptions.ConnectionString)))
            .Select(p => $"`{section}:{p.Name}`")
            .ToList();

        Assert.NotEmpty(keys);
        Assert.All(keys, key => Assert.Contains(key, doc, StringComparison.Ordinal));
        Assert.Contains("`ConnectionStrings:PaymentEvents`", doc, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"^## §(\d+) ", RegexOptions.Multiline)]
    private static partial Regex Section();

    [GeneratedRegex(@"docs/protocol\.md §(\d+)")]
    private static partial Regex Citation();
}
