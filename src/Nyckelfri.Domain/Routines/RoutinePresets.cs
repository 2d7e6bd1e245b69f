namespace Nyckelfri.Routines;

/// <summary>The four owner presets of ROUTINES.md, each taken from one seed. Stored by name.</summary>
public enum RoutinePreset
{
    /// <summary>Seed 002: the fee officer orders, the caretaker installs, the system administrator links, a locksmith does entrance locks.</summary>
    Salem,

    /// <summary>Seed 001: Trygghetslarmscentralen's administration and support do almost everything.</summary>
    Halmstad,

    /// <summary>Seed 003 (a Lifecare/Phoniro municipality): the alarm officer and the alarm group's installers.</summary>
    Lifecare,

    /// <summary>Seed 004: the authority informs, the alarm group installs, the night-patrol coordinator is told.</summary>
    Botkyrka,
}

/// <summary>
/// Which role owns a step. <paramref name="Route"/> is null for an ordinary step; for a routed step
/// (<see cref="StepDefinition.RoutedBy"/>) it is the answer value of the routing checkpoint, and a
/// preset has one key per answer value.
/// </summary>
public readonly record struct StepOwnerKey(string StepCode, string? Route = null);

/// <summary>
/// The owner of every step of every routine in each preset, transcribed from ROUTINES.md tables 1–10
/// (<see cref="Table"/>). A municipality starts from one preset and may reassign single steps; that
/// configuration lives in the database, keyed like <see cref="StepOwnerKey"/>. A provider role
/// (coordinator, unit manager, nurse, night-patrol coordinator) owns the step at the client's unit.
/// </summary>
public static partial class RoutinePresets
{
    public static IReadOnlyList<RoutinePreset> All { get; } = Enum.GetValues<RoutinePreset>();

    public static string SwedishName(RoutinePreset preset) => preset switch
    {
        RoutinePreset.Salem => "Salem: vaktmästeri, avgiftshandläggare och systemförvaltare",
        RoutinePreset.Halmstad => "Halmstad: Trygghetslarmscentralen",
        RoutinePreset.Lifecare => "Lifecare/Phoniro: larmhandläggare och larmgruppens montörer",
        RoutinePreset.Botkyrka => "Botkyrka: myndigheten och larmgruppen",
        _ => preset.ToString(),
    };

    private static readonly Lazy<IReadOnlyDictionary<RoutinePreset, IReadOnlyDictionary<StepOwnerKey, string>>> ByPreset = new(Build);

    private static IReadOnlyDictionary<RoutinePreset, IReadOnlyDictionary<StepOwnerKey, string>> Build() =>
        All.ToDictionary(p => p, p => (IReadOnlyDictionary<StepOwnerKey, string>)Table.ToDictionary(r => r.Key, r => r.Owner(p)));

    /// <summary>Step code (and route value, for routed steps) → role code of <see cref="Identity.Roles"/>.</summary>
    public static IReadOnlyDictionary<StepOwnerKey, string> Owners(RoutinePreset preset) => ByPreset.Value[preset];

    /// <summary>The role owning <paramref name="stepCode"/>; <paramref name="route"/> is the routing answer for a routed step.</summary>
    public static string Owner(RoutinePreset preset, string stepCode, string? route = null)
    {
        var step = RoutineCatalog.Step(stepCode);
        if (step.RoutedBy is not null && route is null)
            throw new ArgumentException($"Step '{stepCode}' is routed by '{step.RoutedBy}': give the answer as the route.", nameof(route));
        var key = new StepOwnerKey(stepCode, step.RoutedBy is null ? null : route);
        return Owners(preset).TryGetValue(key, out var role)
            ? role
            : throw new KeyNotFoundException($"Preset {preset} has no owner for {key}.");
    }

    /// <summary>One line of ROUTINES.md: a step (and route) with its owner in each preset, in the order Salem, Halmstad, Lifecare, Botkyrka.</summary>
    private sealed record Row(string Step, string? Route, string Salem, string Halmstad, string Lifecare, string Botkyrka)
    {
        public StepOwnerKey Key => new(Step, Route);

        public string Owner(RoutinePreset preset) => preset switch
        {
            RoutinePreset.Salem => Salem,
            RoutinePreset.Halmstad => Halmstad,
            RoutinePreset.Lifecare => Lifecare,
            RoutinePreset.Botkyrka => Botkyrka,
            _ => throw new ArgumentOutOfRangeException(nameof(preset), preset, null),
        };
    }

    private static Row R(string step, string salem, string halmstad, string lifecare, string botkyrka) =>
        new(step, null, salem, halmstad, lifecare, botkyrka);

    private static Row Routed(string step, string route, string salem, string halmstad, string lifecare, string botkyrka) =>
        new(step, route, salem, halmstad, lifecare, botkyrka);
}
