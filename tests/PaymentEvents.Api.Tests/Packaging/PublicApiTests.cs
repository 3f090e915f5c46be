using PaymentEvents.Api.Tests.Infrastructure;

namespace PaymentEvents.Api.Tests.Packaging;

/// <summary>
/// Every packable library lists its public API (PublicAPI.Shipped.txt/Unshipped.txt) and documents it: the build
/// refuses a public type that is in neither file or has no XML doc comment. Shown on a copy of a real package
/// (PaymentEvents.Sqlite) with the repository's own build files, so it is the rule of Directory.Build.targets that
/// answers, not a setting of this test.
/// </summary>
[Collection(DotnetBuildCollection.Name)]
public sealed class PublicApiTests : IDisposable
{
    private readonly string _work = Repo.PathOf("artifacts", "public-api", Guid.NewGuid().ToString("N"));

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
    public void Every_packable_library_has_its_public_API_files()
    {
        foreach (var project in Directory.EnumerateFiles(Repo.PathOf("src"), "*.csproj", SearchOption.AllDirectories))
        {
            var text = File.ReadAllText(project);
            // A tool or a package without an assembly (the template) has no API surface (as Directory.Build.targets decides).
            if (!text.Contains("<IsPackable>true</IsPackable>", StringComparison.Ordinal) || text.Contains("<PackAsTool>true</PackAsTool>", StringComparison.Ordinal)
                || text.Contains("<IncludeBuildOutput>false</IncludeBuildOutput>", StringComparison.Ordinal))
            {
                continue;
            }

            var directory = Path.GetDirectoryName(project)!;
            Assert.True(File.Exists(Path.Combine(directory, "PublicAPI.Shipped.txt")), $"{project} has no PublicAPI.Shipped.txt");
            Assert.True(File.Exists(Path.Combine(directory, "PublicAPI.Unshipped.txt")), $"{project} has no PublicAPI.Unshipped.txt");
        }
    }

    [Fact]
    public async Task A_new_public_type_without_an_entry_or_a_doc_comment_breaks_the_build()
    {
        var project = CopyPackage("PaymentEvents.Sqlite");
        await File.WriteAllTextAsync(Path.Combine(project, "Surprise.cs"), """
            namespace PaymentEvents.Storage;

            public sealed class Surprise
            {
            }
            """);

        var (exitCode, output) = await BuildAsync(project);

        Assert.True(exitCode != 0, $"the package built with an unlisted, undocumented public type:\n{output}");
        Assert.Contains("RS0016", output, StringComparison.Ordinal);
        Assert.Contains("CS1591", output, StringComparison.Ordinal);
        Assert.Contains("Surprise", output, StringComparison.Ordinal);
    }

    private static async Task<(int ExitCode, string Output)> BuildAsync(string project) =>
        await Repo.RunAsync(
            "dotnet",
            ["build", "PaymentEvents.Sqlite.csproj", "-c", Repo.Configuration, "-p:BuildProjectReferences=false", "--nologo", "-v", "q", "-clp:NoSummary"],
            project,
            TimeSpan.FromMinutes(5));

    /// <summary>Copies src/{name} and the build files it inherits; the library it references is used where it was built.</summary>
    private string CopyPackage(string name)
    {
        var project = Path.Combine(_work, "src", name);
        Directory.CreateDirectory(project);
        foreach (var file in new[] { "Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props", ".editorconfig", "global.json", "README.md", "LICENSE" })
        {
            File.Copy(Repo.PathOf(file), Path.Combine(_work, file));
        }

        var source = Repo.PathOf("src", name);
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(source, file);
            if (relative.Split(Path.DirectorySeparatorChar)[0] is not ("bin" or "obj"))
            {
                File.Copy(file, Path.Combine(project, relative));
            }
        }

        var csproj = Path.Combine(project, $"{name}.csproj");
        File.WriteAllText(csproj, File.ReadAllText(csproj).Replace(@"..\PaymentEvents\PaymentEvents.csproj", Repo.PathOf("src", "PaymentEvents", "PaymentEvents.csproj"), StringComparison.Ordinal));
        return project;
    }
}
