using System.Reflection;
using NetArchTest.Rules;

namespace Nyckelfri.UnitTests.Architecture;

/// <summary>The production assemblies of src/, and how a rule finds a dependency on one of them.</summary>
internal static class Production
{
    public static readonly Assembly Domain = typeof(Nyckelfri.Access.AccessEvent).Assembly;
    public static readonly Assembly LockProtocol = typeof(Nyckelfri.LockProtocol.Credential).Assembly;
    public static readonly Assembly Transparency = typeof(Nyckelfri.Transparency.MerkleHash).Assembly;
    public static readonly Assembly LockEmulator = typeof(Nyckelfri.LockEmulator.EmulatedLock).Assembly;
    public static readonly Assembly Application = typeof(Nyckelfri.Common.ApplicationSetup).Assembly;
    public static readonly Assembly Demo = typeof(Nyckelfri.Demo.DemoSetup).Assembly;
    public static readonly Assembly Web = typeof(Nyckelfri.Web.Hosting.DemoHosting).Assembly;

    public static readonly Assembly[] All = [Domain, LockProtocol, Transparency, LockEmulator, Application, Demo, Web];

    /// <summary>
    /// The names a dependency on <paramref name="assembly"/> shows up as, for NetArchTest's
    /// <c>HaveDependencyOnAny</c> (which matches namespaces and type names). Domain and Application share
    /// namespaces (both are rooted at <c>Nyckelfri</c>), so a shared namespace is named type by type; a
    /// namespace of the assembly's own is named whole. Compiler-embedded types (System.*, Microsoft.*) are
    /// every assembly's own copy and name no other assembly.
    /// </summary>
    public static string[] Names(Assembly assembly)
    {
        var others = All.Where(a => a != assembly).SelectMany(Namespaces).ToHashSet();
        var types = TopLevelTypes(assembly).ToList();
        var ownNamespaces = types.Select(t => t.Namespace!).Distinct().Where(n => !others.Contains(n));
        var sharedTypes = types.Where(t => others.Contains(t.Namespace!)).Select(t => t.FullName!);
        var global = assembly.GetTypes().Where(t => t.Namespace is null && !t.IsNested && !t.Name.Contains('<')).Select(t => t.Name);
        return [.. ownNamespaces.Concat(sharedTypes).Concat(global).Order()];
    }

    /// <summary>The namespaces <paramref name="assembly"/> declares types in, itself included (what its own types may depend on).</summary>
    public static IEnumerable<string> Namespaces(Assembly assembly) => TopLevelTypes(assembly).Select(t => t.Namespace!).Distinct();

    /// <summary>
    /// What <paramref name="assembly"/>'s types may depend on when it may use the base class library only:
    /// System, its own namespaces, and the helper types the compiler puts in the global namespace of every
    /// assembly (<c>&lt;PrivateImplementationDetails&gt;</c>, the read-only lists of collection expressions).
    /// NetArchTest 1.3.2 splits names at '.', '&lt;', '&gt;' and ':', so those names all begin with an empty
    /// part: the empty name stands for them, and for nothing else (a name that does not begin with '&lt;').
    /// </summary>
    public static string[] BaseClassLibraryAndItself(Assembly assembly) => ["System", "", .. Namespaces(assembly)];

    private static IEnumerable<Type> TopLevelTypes(Assembly assembly) => assembly.GetTypes()
        .Where(t => t is { IsNested: false, Namespace: not null } && !t.Name.Contains('<')
                    && !t.Namespace.StartsWith("System", StringComparison.Ordinal) && !t.Namespace.StartsWith("Microsoft", StringComparison.Ordinal));

    /// <summary>Fails with the rule and the types that break it.</summary>
    public static void ShouldHold(this ConditionList rule, string because)
    {
        var result = rule.GetResult();
        if (!result.IsSuccessful)
            throw new Shouldly.ShouldAssertException(
                $"Architecture rule broken: {because}{Environment.NewLine}Offending types:{Environment.NewLine}  " +
                string.Join(Environment.NewLine + "  ", (result.FailingTypeNames ?? []).Order()));
    }
}
