using System.Reflection;

namespace Nyckelfri.UnitTests.Architecture;

/// <summary>
/// The assemblies each compiled production assembly references: the compiler keeps a reference only
/// to an assembly whose types are used, so this sees what the code uses, whatever the project files say.
/// </summary>
public sealed class AssemblyReferenceTests
{
    /// <summary>The Nyckelfri assemblies each production assembly may use (reachable along the arrows, the emulator only from the demo).</summary>
    private static readonly Dictionary<string, string[]> MayUse = new()
    {
        ["Nyckelfri.Domain"] = [],
        ["Nyckelfri.LockProtocol"] = [],
        ["Nyckelfri.Transparency"] = [],
        ["Nyckelfri.LockEmulator"] = ["Nyckelfri.LockProtocol"],
        ["Nyckelfri.Application"] = ["Nyckelfri.Domain", "Nyckelfri.LockProtocol", "Nyckelfri.Transparency"],
        ["Nyckelfri.Demo"] = ["Nyckelfri.Application", "Nyckelfri.Domain", "Nyckelfri.LockProtocol", "Nyckelfri.Transparency", "Nyckelfri.LockEmulator"],
        ["Nyckelfri.Web"] = ["Nyckelfri.Application", "Nyckelfri.Domain", "Nyckelfri.LockProtocol", "Nyckelfri.Transparency", "Nyckelfri.Demo"],
    };

    [Theory]
    [InlineData("Nyckelfri.Domain")]
    [InlineData("Nyckelfri.LockProtocol")]
    [InlineData("Nyckelfri.Transparency")]
    public void BaseClassLibraryOnly_ReferencesNothingButTheSharedFramework(string assemblyName)
    {
        var notBcl = References(assemblyName).Where(r => !IsBaseClassLibrary(r)).ToList();

        notBcl.ShouldBeEmpty($"{assemblyName} may reference only the base class library (System.*, Microsoft.CSharp, netstandard, " +
                             $"mscorlib, from {SharedFramework}), but references: {string.Join(", ", notBcl)}");
    }

    [Theory]
    [MemberData(nameof(Assemblies))]
    public void ProductionAssembly_UsesOnlyTheNyckelfriAssembliesItMay(string assemblyName)
    {
        var used = References(assemblyName).Where(r => r.StartsWith("Nyckelfri.", StringComparison.Ordinal));

        var forbidden = used.Except(MayUse[assemblyName]).ToList();

        forbidden.ShouldBeEmpty($"{assemblyName} may use {Listed(MayUse[assemblyName])}, but uses {string.Join(", ", forbidden)} " +
                                "(docs/architecture.md)");
    }

    [Fact]
    public void EveryProductionAssembly_IsInTheTable() =>
        Production.All.Select(a => a.GetName().Name!).Order().ShouldBe(MayUse.Keys.Order());

    [Fact]
    public void Web_UsesTheDemo() =>
        References("Nyckelfri.Web").ShouldContain("Nyckelfri.Demo", "the host wires the demo in; a rule that could not see it would pass for nothing");

    /// <summary>The folder of this runtime's Microsoft.NETCore.App, where the base class library's assemblies are.</summary>
    private static readonly string SharedFramework = Path.GetDirectoryName(typeof(object).Assembly.Location)!;

    public static TheoryData<string> Assemblies() => [.. MayUse.Keys];

    private static IEnumerable<string> References(string assemblyName) =>
        Production.All.Single(a => a.GetName().Name == assemblyName).GetReferencedAssemblies().Select(r => r.Name!).Order();

    /// <summary>A name the base class library uses, and an assembly this runtime's shared framework (Microsoft.NETCore.App) holds.</summary>
    private static bool IsBaseClassLibrary(string name) =>
        (name.StartsWith("System.", StringComparison.Ordinal) || name is "System" or "Microsoft.CSharp" or "netstandard" or "mscorlib")
        && File.Exists(Path.Combine(SharedFramework, name + ".dll"));

    private static string Listed(string[] names) => names.Length == 0 ? "no other Nyckelfri assembly" : string.Join(", ", names);
}
