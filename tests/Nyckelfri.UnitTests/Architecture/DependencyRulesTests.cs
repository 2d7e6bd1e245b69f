using System.Reflection;
using NetArchTest.Rules;

namespace Nyckelfri.UnitTests.Architecture;

/// <summary>
/// Which project's types may use which (docs/architecture.md), checked on the compiled types with
/// NetArchTest. Each rule that forbids something also shows, where the forbidden thing is used
/// legitimately, that the rule sees it: a rule that could not see a dependency would pass for nothing.
/// </summary>
public sealed class DependencyRulesTests
{
    [Fact]
    public void Domain_DependsOnTheBaseClassLibraryAndItselfOnly() =>
        OwnTypes(Production.Domain).Should().OnlyHaveDependenciesOn(Production.BaseClassLibraryAndItself(Production.Domain))
            .ShouldHold("Domain uses nothing but the base class library and its own types: no package, no other project.");

    [Fact]
    public void Domain_DependsOnNoOtherProject() =>
        OwnTypes(Production.Domain).ShouldNot().HaveDependencyOnAny(NamesOf(Production.LockProtocol, Production.LockEmulator,
                Production.Application, Production.Demo, Production.Web))
            .ShouldHold("Domain references no other Nyckelfri project.");

    [Fact]
    public void LockProtocol_DependsOnTheBaseClassLibraryAndItselfOnly() =>
        OwnTypes(Production.LockProtocol).Should().OnlyHaveDependenciesOn(Production.BaseClassLibraryAndItself(Production.LockProtocol))
            .ShouldHold("LockProtocol uses nothing but the base class library and its own types.");

    [Fact]
    public void LockProtocol_DependsOnNoOtherProject() =>
        OwnTypes(Production.LockProtocol).ShouldNot().HaveDependencyOnAny(NamesOf(Production.Domain, Production.LockEmulator,
                Production.Application, Production.Demo, Production.Web))
            .ShouldHold("LockProtocol references no other Nyckelfri project.");

    [Fact]
    public void Transparency_DependsOnTheBaseClassLibraryAndItselfOnly() =>
        OwnTypes(Production.Transparency).Should().OnlyHaveDependenciesOn(Production.BaseClassLibraryAndItself(Production.Transparency))
            .ShouldHold("Transparency (the tamper-evident log's core) uses nothing but the base class library and its own types.");

    [Fact]
    public void Transparency_DependsOnNoOtherProject() =>
        OwnTypes(Production.Transparency).ShouldNot().HaveDependencyOnAny(NamesOf(Production.Domain, Production.LockProtocol,
                Production.LockEmulator, Production.Application, Production.Demo, Production.Web))
            .ShouldHold("Transparency references no other Nyckelfri project.");

    [Fact]
    public void Application_NeverDependsOnWeb() =>
        OwnTypes(Production.Application).ShouldNot().HaveDependencyOnAny(Production.Names(Production.Web))
            .ShouldHold("Application never uses Web's types: the web host depends on the application, not the other way round.");

    [Theory]
    [MemberData(nameof(NotTheDemo))]
    public void ProductionOutsideTheDemo_NeverDependsOnTheEmulator(string project) =>
        OwnTypes(ByName(project)).ShouldNot().HaveDependencyOnAny(Production.Names(Production.LockEmulator))
            .ShouldHold($"{project} never uses the lock emulator: only Nyckelfri.Demo (and tools, benchmarks, tests) may.");

    [Fact]
    public void Demo_IsWhereTheEmulatorIsUsed() =>
        TypesUsing(Production.Demo, Production.LockEmulator).ShouldContain(typeof(Nyckelfri.Demo.EmulatedLocks).FullName!,
            "the emulator rule must see the demo's emulator adapter, or it would pass for nothing");

    [Theory]
    [InlineData(nameof(Production.Domain))]
    [InlineData(nameof(Production.LockProtocol))]
    [InlineData(nameof(Production.LockEmulator))]
    [InlineData(nameof(Production.Application))]
    public void CoreProjects_NeverDependOnTheDemo(string project) =>
        OwnTypes(ByName(project)).ShouldNot().HaveDependencyOnAny(Production.Names(Production.Demo))
            .ShouldHold($"{project} never uses Nyckelfri.Demo: the demo plugs into the application's ports, not the other way round.");

    [Fact]
    public void Web_UsesTheDemoInItsCompositionRootOnly() =>
        TypesUsing(Production.Web, Production.Demo).ShouldBe([typeof(Nyckelfri.Web.Hosting.DemoHosting).FullName!],
            "Web's pages and endpoints reach the demo through the application's ports; only Hosting.DemoHosting wires it in");

    public static TheoryData<string> NotTheDemo() =>
        [nameof(Production.Domain), nameof(Production.LockProtocol), nameof(Production.Application), nameof(Production.Web)];

    private static Assembly ByName(string project) =>
        (Assembly)typeof(Production).GetField(project, BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;

    private static string[] NamesOf(params Assembly[] assemblies) => [.. assemblies.SelectMany(Production.Names)];

    /// <summary>
    /// The assembly's types, less those the compiler makes in every assembly: embedded attributes (System.*,
    /// Microsoft.*) and helpers in the global namespace (&lt;PrivateImplementationDetails&gt; and the like).
    /// </summary>
    private static PredicateList OwnTypes(Assembly assembly) => Types.InAssembly(assembly).That()
        .DoNotResideInNamespaceStartingWith("System").And().DoNotResideInNamespaceStartingWith("Microsoft")
        .And().DoNotHaveNameStartingWith("<");

    private static string[] TypesUsing(Assembly assembly, Assembly dependency) =>
        [.. (OwnTypes(assembly).And().HaveDependencyOnAny(Production.Names(dependency)).GetTypes() ?? []).Select(t => t.FullName!).Order()];
}
