using System.Xml.Linq;

namespace Nyckelfri.UnitTests.Architecture;

/// <summary>
/// The arrows of docs/architecture.md, read from the project files: a wrong ProjectReference fails here
/// before any type uses it. Every project of the repository is in the table, with exactly its arrows.
/// </summary>
public sealed class ProjectReferenceTests
{
    /// <summary>Each project (path from the repository root) and the projects it references directly.</summary>
    private static readonly Dictionary<string, string[]> Arrows = new()
    {
        ["src/Nyckelfri.Domain"] = [],
        ["src/Nyckelfri.LockProtocol"] = [],
        ["src/Nyckelfri.Transparency"] = [],
        ["src/Nyckelfri.LockEmulator"] = ["src/Nyckelfri.LockProtocol"],
        ["src/Nyckelfri.Application"] = ["src/Nyckelfri.Domain", "src/Nyckelfri.LockProtocol", "src/Nyckelfri.Transparency"],
        ["src/Nyckelfri.Demo"] = ["src/Nyckelfri.Application", "src/Nyckelfri.LockEmulator"],
        ["src/Nyckelfri.Web"] = ["src/Nyckelfri.Application", "src/Nyckelfri.Demo"],
        ["tools/Nyckelfri.LockEmulator.Cli"] = ["src/Nyckelfri.LockEmulator"],
        ["benchmarks/Nyckelfri.Benchmarks"] = ["src/Nyckelfri.LockProtocol", "src/Nyckelfri.Application"],
        ["tests/Nyckelfri.UnitTests"] =
        [
            "src/Nyckelfri.Application", "src/Nyckelfri.LockProtocol", "src/Nyckelfri.LockEmulator", "src/Nyckelfri.Demo", "src/Nyckelfri.Web",
            "src/Nyckelfri.Transparency", "tools/Nyckelfri.LockEmulator.Cli",
        ],
        ["tests/Nyckelfri.IntegrationTests"] = ["src/Nyckelfri.Web", "tests/Nyckelfri.TestIdentityProvider"],
        ["tests/Nyckelfri.BrowserTests"] = ["src/Nyckelfri.Web", "tests/Nyckelfri.TestIdentityProvider"],
        // A real OpenID Connect provider (OpenIddict) for the tests; no project of its own, and nothing in src/ uses it.
        ["tests/Nyckelfri.TestIdentityProvider"] = [],
    };

    /// <summary>Projects that may use nothing but the base class library: no package, no framework reference either.</summary>
    private static readonly string[] BaseClassLibraryOnly = ["src/Nyckelfri.Domain", "src/Nyckelfri.LockProtocol", "src/Nyckelfri.Transparency"];

    private static readonly string Root = RepositoryRoot();

    [Fact]
    public void EveryProject_IsInTheTable() =>
        Projects().Keys.Order().ShouldBe(Arrows.Keys.Order(),
            "every project needs its row in the table (and its box in docs/architecture.md)");

    [Theory]
    [MemberData(nameof(TableRows))]
    public void Project_ReferencesExactlyTheProjectsItsArrowsAllow(string project)
    {
        var actual = ProjectReferences(Projects()[project]).Order().ToList();
        var allowed = Arrows[project].Order().ToList();

        actual.ShouldBe(allowed, $"{project} references [{string.Join(", ", actual)}], but docs/architecture.md allows exactly " +
                                 $"[{string.Join(", ", allowed)}]. Unexpected: [{string.Join(", ", actual.Except(allowed))}]");
    }

    [Theory]
    [MemberData(nameof(BaseClassLibraryOnlyRows))]
    public void BaseClassLibraryOnlyProject_HasNoPackageOrFrameworkReference(string project)
    {
        var references = Project(Projects()[project]).Descendants()
            .Where(e => e.Name.LocalName is "PackageReference" or "FrameworkReference")
            .Select(e => $"{e.Name.LocalName} {e.Attribute("Include")?.Value}").ToList();

        references.ShouldBeEmpty($"{project} may use only the base class library, but has: {string.Join(", ", references)}");
    }

    [Fact]
    public void OnlyTheDemo_AmongProductionProjects_ReferencesTheEmulator() =>
        Arrows.Where(a => a.Key.StartsWith("src/", StringComparison.Ordinal) && a.Value.Contains("src/Nyckelfri.LockEmulator"))
            .Select(a => a.Key).ShouldBe(["src/Nyckelfri.Demo"]);

    public static TheoryData<string> TableRows() => [.. Arrows.Keys];

    public static TheoryData<string> BaseClassLibraryOnlyRows() => [.. BaseClassLibraryOnly];

    /// <summary>Every project file under src/, tools/, benchmarks/ and tests/, by its folder's path from the root.</summary>
    private static Dictionary<string, string> Projects() =>
        new[] { "src", "tools", "benchmarks", "tests" }
            .Where(folder => Directory.Exists(Path.Combine(Root, folder)))
            .SelectMany(folder => Directory.EnumerateFiles(Path.Combine(Root, folder), "*.csproj", SearchOption.AllDirectories))
            .Where(file => !file.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj"))
            .ToDictionary(file => Relative(Path.GetDirectoryName(file)!), file => file);

    private static IEnumerable<string> ProjectReferences(string projectFile) =>
        Project(projectFile).Descendants().Where(e => e.Name.LocalName == "ProjectReference")
            .Select(e => Relative(Path.GetDirectoryName(Path.GetFullPath(Path.Combine(Path.GetDirectoryName(projectFile)!,
                e.Attribute("Include")!.Value.Replace('\\', Path.DirectorySeparatorChar))))!));

    private static XDocument Project(string projectFile) => XDocument.Load(projectFile);

    private static string Relative(string path) => Path.GetRelativePath(Root, path).Replace(Path.DirectorySeparatorChar, '/');

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
            if (File.Exists(Path.Combine(folder.FullName, "Nyckelfri.slnx"))) return folder.FullName;
        throw new InvalidOperationException($"No Nyckelfri.slnx above {AppContext.BaseDirectory}.");
    }
}
