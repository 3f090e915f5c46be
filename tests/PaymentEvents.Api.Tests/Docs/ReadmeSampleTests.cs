using System.Text.RegularExpressions;
using PaymentEvents.Api.Tests.Infrastructure;

namespace PaymentEvents.Api.Tests.Docs;

/// <summary>
/// The README's C# samples compile as printed, inside a copy of the host project with the host's own build rules,
/// and so does ordinary handler code a user writes first (a log line, a throw before other code, an unread
/// constructor parameter): the host reports such things as warnings, it does not refuse to build. The README
/// samples themselves must not raise even a warning.
/// </summary>
[Collection(DotnetBuildCollection.Name)]
public sealed partial class ReadmeSampleTests : IDisposable
{
    private readonly string _work = Repo.PathOf("artifacts", "readme-samples", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        try
        {
            Directory.Delete(_work, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: artifacts/ is ignored by git.
        }
    }

    [Fact]
    public void Readme_has_the_samples_this_test_compiles()
    {
        var blocks = CSharpBlocks(File.ReadAllText(Repo.PathOf("README.md")));

        Assert.Contains(blocks, b => b.Contains("IPaymentEventHandler<", StringComparison.Ordinal) && IsFile(b));
        Assert.Contains(blocks, b => b.Contains("builder.Services.", StringComparison.Ordinal) && !IsFile(b));
        Assert.Contains(blocks, b => b.Contains("IPaymentEventBus", StringComparison.Ordinal));
        Assert.Contains(blocks, b => IsProgram(b) && b.Contains("PaymentEventsStartup.RunOrExitAsync(", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Readme_samples_and_ordinary_handler_code_build_in_a_copy_of_the_host()
    {
        var host = CopyHost();
        var blocks = CSharpBlocks(File.ReadAllText(Repo.PathOf("README.md"))).Where(b => SampleFileOf(b) is null).ToList();
        for (var i = 0; i < blocks.Count; i++)
        {
            // A whole Program.cs (the embedding sample) takes the place of the host's own.
            File.WriteAllText(
                Path.Combine(host, IsProgram(blocks[i]) ? "Program.cs" : $"ReadmeSample{i}.cs"),
                IsFile(blocks[i]) ? blocks[i] : AsProgramLines(i, blocks[i]));
        }

        File.WriteAllText(Path.Combine(host, "OrdinaryHandlers.cs"), OrdinaryHandlers);

        var (exitCode, output) = await Repo.RunAsync(
            "dotnet",
            ["build", "PaymentEvents.Api.csproj", "-c", Repo.Configuration, "-p:BuildProjectReferences=false", "--nologo", "-v", "q", "-clp:NoSummary"],
            host,
            TimeSpan.FromMinutes(5));

        Assert.True(exitCode == 0, $"the host copy with the README samples did not build:\n{output}");
        // The ordinary code does warn (CS0162, CS9113): proof that the host's rules ran and kept them warnings.
        Assert.Contains("OrdinaryHandlers.cs", output, StringComparison.Ordinal);
        var sampleWarnings = output.Split('\n').Where(l => l.Contains("ReadmeSample", StringComparison.Ordinal) || l.Contains("Program.cs(", StringComparison.Ordinal)).ToList();
        Assert.True(sampleWarnings.Count == 0, "README samples raise warnings:\n" + string.Join('\n', sampleWarnings));
    }

    /// <summary>A complete <c>Program.cs</c>: says so on its first line.</summary>
    private static bool IsProgram(string block) => block.StartsWith("// Program.cs\n", StringComparison.Ordinal);

    /// <summary>
    /// The blocks headed <c>// samples/...</c> are that file of an app of its own (samples/, built and tested with the
    /// solution) exactly, so they cannot drift from code that compiles; they are not compiled into the host copy.
    /// </summary>
    [Fact]
    public void Readme_blocks_naming_a_sample_file_are_that_file()
    {
        var samples = CSharpBlocks(File.ReadAllText(Repo.PathOf("README.md")))
            .Select(b => (Path: SampleFileOf(b), Block: b))
            .Where(s => s.Path is not null)
            .ToList();

        Assert.Contains(samples, s => s.Path == "samples/Shop/Program.cs");
        Assert.Contains(samples, s => s.Path == "samples/Shop.Tests/InvoicePaidTests.cs");
        foreach (var (path, block) in samples)
        {
            var file = Repo.PathOf(path!.Split('/'));
            Assert.True(File.Exists(file), $"README names {path}, which does not exist");
            Assert.Equal(File.ReadAllText(file), block[(block.IndexOf('\n', StringComparison.Ordinal) + 1)..]);
        }
    }

    /// <summary>The path in a block's first line <c>// samples/...</c>, or null.</summary>
    private static string? SampleFileOf(string block) =>
        block.StartsWith("// samples/", StringComparison.Ordinal) ? block[3..block.IndexOf('\n', StringComparison.Ordinal)].Trim() : null;

    /// <summary>
    /// A file when it declares something; otherwise lines of Program.cs, given <c>builder</c>, <c>app</c> and the
    /// usings a Program.cs with handlers in <c>PaymentEvents.Api.Handlers</c> has.
    /// </summary>
    private static bool IsFile(string block) =>
        block.Split('\n').Select(l => l.Trim()).First(l => l.Length > 0 && !l.StartsWith("//", StringComparison.Ordinal)) is var first
        && (first.StartsWith("using ", StringComparison.Ordinal) || first.StartsWith("namespace ", StringComparison.Ordinal)
            || first.StartsWith("public ", StringComparison.Ordinal) || first.StartsWith("internal ", StringComparison.Ordinal)
            || first.StartsWith('['));

    private static string AsProgramLines(int index, string block) => $$"""
        using PaymentEvents;
        using PaymentEvents.Api.Handlers;
        using PaymentEvents.Events;
        using PaymentEvents.Processing;

        internal static class ReadmeSample{{index}}
        {
        #pragma warning disable CS1998 // a fragment need not await
            internal static async Task RunAsync(WebApplicationBuilder builder, WebApplication app)
            {
        #line 1 "ReadmeSample{{index}}.cs"
        {{block}}
        #line default
            }
        #pragma warning restore CS1998
        }
        """;

    private static List<string> CSharpBlocks(string markdown) =>
        [.. CSharpBlock().Matches(markdown).Select(m => m.Groups[1].Value)];

    [GeneratedRegex(@"^```csharp\n(.*?)^```", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex CSharpBlock();

    /// <summary>Copies src/PaymentEvents.Api and the build files it inherits; the library is referenced where it was built.</summary>
    private string CopyHost()
    {
        var host = Path.Combine(_work, "src", "PaymentEvents.Api");
        Directory.CreateDirectory(host);
        foreach (var file in new[] { "Directory.Build.props", "Directory.Packages.props", ".editorconfig", "global.json", "README.md", "LICENSE" })
        {
            File.Copy(Repo.PathOf(file), Path.Combine(_work, file));
        }

        var source = Repo.PathOf("src", "PaymentEvents.Api");
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(source, file);
            if (relative.Split(Path.DirectorySeparatorChar)[0] is "bin" or "obj" or "data")
            {
                continue;
            }

            var target = Path.Combine(host, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        var project = Path.Combine(host, "PaymentEvents.Api.csproj");
        var text = File.ReadAllText(project);
        foreach (var library in (string[])["PaymentEvents", "PaymentEvents.Sqlite", "PaymentEvents.PostgreSql"])
        {
            text = text.Replace($@"..\{library}\{library}.csproj", Repo.PathOf("src", library, $"{library}.csproj"), StringComparison.Ordinal);
        }

        File.WriteAllText(project, text);
        return host;
    }

    private const string OrdinaryHandlers = """
        using PaymentEvents.Events;
        using PaymentEvents.Handlers;

        namespace PaymentEvents.Api.Handlers;

        public sealed class NotWrittenYet(ILogger<NotWrittenYet> logger, IConfiguration configuration) : IPaymentEventHandler<InvoicePaid>
        {
            public Task HandleAsync(InvoicePaid paymentEvent, CancellationToken cancellationToken)
            {
                throw new NotImplementedException();
                logger.LogInformation("Invoice {InvoiceId} paid", paymentEvent.Object.Id);
                return Task.CompletedTask;
            }
        }

        public sealed class RefundLogger(ILogger<RefundLogger> logger) : IPaymentEventHandler<RefundSucceeded>
        {
            public Task HandleAsync(RefundSucceeded paymentEvent, CancellationToken cancellationToken)
            {
                if (paymentEvent.Object.Id is null) throw new InvalidOperationException("A refund without an id.");
                logger.LogInformation($"Refund {paymentEvent.Object.Id} succeeded");
                return Task.CompletedTask;
            }
        }
        """;
}
