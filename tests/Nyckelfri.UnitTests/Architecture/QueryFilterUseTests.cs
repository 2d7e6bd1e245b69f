using System.Text.RegularExpressions;

namespace Nyckelfri.UnitTests.Architecture;

/// <summary>
/// Tenant isolation cannot be switched off by accident (docs/security.md, Failing closed): nothing in src
/// calls EF Core's IgnoreQueryFilters itself (a parameterless call drops the municipality filter with the
/// provider's); leaving the provider scope is <c>WithoutScopeFilter()</c>, which keeps the municipality;
/// leaving the municipality is <c>AcrossMunicipalities()</c>, only in the reviewed places listed here.
/// </summary>
public sealed partial class QueryFilterUseTests
{
    /// <summary>
    /// Each place that reads across municipalities, and why. A new use fails the test until it is added
    /// here, in review; a removed one fails it until it is taken off.
    /// </summary>
    private static readonly Dictionary<string, (int Count, string Why)> AcrossMunicipalities = new()
    {
        ["src/Nyckelfri.Web/Security/ApiKeyAuthentication.cs"] = (1, "finds the key by its prefix before any municipality is known"),
        ["src/Nyckelfri.Web/Security/NyckelfriClaims.cs"] = (1, "reads the signing-in user's own municipality while the request is still anonymous"),
        ["src/Nyckelfri.Demo/DemoSeed.cs"] = (1, "the demo is created only on a database with no municipality at all"),
        ["src/Nyckelfri.Demo/DemoGenerator.cs"] = (1, "the same check, for the generator run on its own"),
        ["src/Nyckelfri.Demo/DemoLoginList.cs"] = (1, "the anonymous login page shows demo logins only while a demo municipality exists"),
        ["src/Nyckelfri.Web/Security/NyckelfriSignInManager.cs"] = (1,
            "a password sign-in reads the signing-in user's own municipality's identity provider while the request is still anonymous"),
        ["src/Nyckelfri.Web/Security/ExternalLogin/IdentityProviderSchemes.cs"] = (1,
            "builds the sign-in scheme of the municipality named in the callback path, before anyone is signed in"),
        ["src/Nyckelfri.Web/Security/ExternalLogin/ExternalSignIn.cs"] = (2,
            "matches the provider's identity among the employees of the provider's own municipality, and reads that provider, while anonymous"),
        ["src/Nyckelfri.Web/Hosting/DemoRemoval.cs"] = (1, "the remove-demo command finds every demo municipality; it runs as the system, outside any request"),
        ["src/Nyckelfri.Application/Identity/ProtectedTokenUserStore.cs"] = (1,
            "a login typed as namn@kommunkod finds the municipality by its code while the request is still anonymous"),
        ["src/Nyckelfri.Web/Pages/Account/Login.cshtml.cs"] = (1, "the anonymous login page offers each municipality's provider button, by name only"),
    };

    [Fact]
    public void Src_NeverCallsIgnoreQueryFiltersItself()
    {
        var offenders = SourceFiles()
            .Where(f => !f.Path.EndsWith("src/Nyckelfri.Application/Data/QueryFilters.cs", StringComparison.Ordinal))
            .SelectMany(f => Calls(f, IgnoreQueryFiltersCall()).Select(line => $"{f.Path}:{line}"))
            .ToList();

        offenders.ShouldBeEmpty("call WithoutScopeFilter() (keeps the municipality) instead: " + string.Join(", ", offenders));
    }

    [Fact]
    public void AcrossMunicipalities_IsUsedOnlyInTheReviewedPlaces()
    {
        var actual = SourceFiles()
            .Where(f => !f.Path.EndsWith("src/Nyckelfri.Application/Data/QueryFilters.cs", StringComparison.Ordinal))
            .Select(f => (f.Path, Count: Calls(f, AcrossMunicipalitiesCall()).Count))
            .Where(f => f.Count > 0)
            .ToDictionary(f => f.Path, f => f.Count);

        actual.ShouldBe(AcrossMunicipalities.ToDictionary(p => p.Key, p => p.Value.Count), ignoreOrder: true);
    }

    [Fact]
    public void TheScan_FindsCallsInText()
    {
        var file = new SourceFile("x.cs", "var a = db.Clients.IgnoreQueryFilters().First();\n// IgnoreQueryFilters() in a comment\nvar b = db.Units\n  .IgnoreQueryFilters([\"Scope\"]);");

        Calls(file, IgnoreQueryFiltersCall()).ShouldBe([1, 4]);
    }

    private sealed record SourceFile(string Path, string Text);

    private static List<int> Calls(SourceFile file, Regex call)
    {
        var lines = file.Text.Split('\n');
        var found = new List<int>();
        for (var i = 0; i < lines.Length; i++)
        {
            var code = lines[i];
            var comment = code.IndexOf("//", StringComparison.Ordinal);
            if (comment >= 0) code = code[..comment];
            if (call.IsMatch(code)) found.Add(i + 1);
        }
        return found;
    }

    private static IEnumerable<SourceFile> SourceFiles()
    {
        var root = Root();
        return Directory.EnumerateFiles(Path.Combine(root, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(file => !file.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj"))
            .Select(file => new SourceFile(Path.GetRelativePath(root, file).Replace(Path.DirectorySeparatorChar, '/'), File.ReadAllText(file)));
    }

    private static string Root()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
            if (File.Exists(Path.Combine(folder.FullName, "Nyckelfri.slnx"))) return folder.FullName;
        throw new InvalidOperationException($"No Nyckelfri.slnx above {AppContext.BaseDirectory}.");
    }

    [GeneratedRegex(@"\.\s*IgnoreQueryFilters\s*\(")]
    private static partial Regex IgnoreQueryFiltersCall();

    [GeneratedRegex(@"\.\s*AcrossMunicipalities\s*\(")]
    private static partial Regex AcrossMunicipalitiesCall();
}
