using Nyckelfri.Identity;
using Nyckelfri.Routines;
using static Nyckelfri.Routines.RoutineCatalog.FaultRoutes;

namespace Nyckelfri.UnitTests.Routines;

public class RoutinePresetsTests
{
    public static TheoryData<RoutinePreset> Presets => [.. Enum.GetValues<RoutinePreset>()];

    /// <summary>Every key a preset must have: one per ordinary step, one per answer of a routed step's routing checkpoint.</summary>
    private static IEnumerable<StepOwnerKey> ExpectedKeys() =>
        RoutineCatalog.All.SelectMany(routine => routine.Steps.SelectMany(step => step.RoutedBy is null
            ? [new StepOwnerKey(step.Code)]
            : routine.Steps.SelectMany(s => s.Checkpoints).Single(c => c.Code == step.RoutedBy).Options
                .Select(o => new StepOwnerKey(step.Code, o.Value))));

    [Theory]
    [MemberData(nameof(Presets))]
    public void Owners_EveryStepAndRoute_OwnedByAPersonRole(RoutinePreset preset)
    {
        var owners = RoutinePresets.Owners(preset);

        foreach (var key in ExpectedKeys())
        {
            owners.TryGetValue(key, out var role).ShouldBeTrue($"{preset} has no owner for {key}");
            Roles.All.ShouldContain(role!);
            role.ShouldNotBe(Roles.Integration);
            role.ShouldNotBe(Roles.Auditor);
        }
    }

    [Theory]
    [MemberData(nameof(Presets))]
    public void Owners_NoKeyOutsideTheCatalog(RoutinePreset preset) =>
        RoutinePresets.Owners(preset).Keys.ShouldBe(ExpectedKeys(), ignoreOrder: true);

    [Theory]
    // ROUTINES.md 1: Salem (002)
    [InlineData(RoutinePreset.Salem, "install.order", null, Roles.FeeOfficer)]
    [InlineData(RoutinePreset.Salem, "install.register", null, Roles.FeeOfficer)]
    [InlineData(RoutinePreset.Salem, "install.mount", null, Roles.Installer)]
    [InlineData(RoutinePreset.Salem, "install.link", null, Roles.SystemAdministrator)]
    [InlineData(RoutinePreset.Salem, "install.handover", null, Roles.Coordinator)]
    // Halmstad (001)
    [InlineData(RoutinePreset.Halmstad, "install.keys", null, Roles.AlarmCentreAdministration)]
    [InlineData(RoutinePreset.Halmstad, "install.order", null, Roles.UnitManager)]
    [InlineData(RoutinePreset.Halmstad, "install.mount", null, Roles.AlarmCentreSupport)]
    [InlineData(RoutinePreset.Halmstad, "install.link", null, Roles.AlarmCentreSupport)]
    // Lifecare (003)
    [InlineData(RoutinePreset.Lifecare, "install.order", null, Roles.Coordinator)]
    [InlineData(RoutinePreset.Lifecare, "install.register", null, Roles.AlarmOfficer)]
    [InlineData(RoutinePreset.Lifecare, "install.link", null, Roles.Installer)]
    [InlineData(RoutinePreset.Lifecare, "alarm-install.decide", null, Roles.AlarmOfficer)]
    // Botkyrka (004)
    [InlineData(RoutinePreset.Botkyrka, "install.order", null, Roles.CaseOfficer)]
    [InlineData(RoutinePreset.Botkyrka, "install.register", null, Roles.Installer)]
    [InlineData(RoutinePreset.Botkyrka, "install.receipt", null, Roles.Installer)]
    [InlineData(RoutinePreset.Botkyrka, "install.handover", null, Roles.Coordinator)]
    [InlineData(RoutinePreset.Botkyrka, "install.night-patrol", null, Roles.NightPatrolCoordinator)]
    // Removal (5)
    [InlineData(RoutinePreset.Salem, "removal.order", null, Roles.CaseOfficer)]
    [InlineData(RoutinePreset.Salem, "removal.check", null, Roles.FeeOfficer)]
    [InlineData(RoutinePreset.Salem, "removal.unlink", null, Roles.SystemAdministrator)]
    [InlineData(RoutinePreset.Halmstad, "removal.check", null, Roles.AlarmCentreAdministration)]
    [InlineData(RoutinePreset.Lifecare, "removal.check", null, Roles.AlarmOfficer)]
    [InlineData(RoutinePreset.Botkyrka, "removal.order", null, Roles.Coordinator)]
    // Fault report (4), routed
    [InlineData(RoutinePreset.Salem, "fault.triage", HouseholdLock, Roles.Installer)]
    [InlineData(RoutinePreset.Salem, "fault.triage", EntranceLock, Roles.SystemAdministrator)]
    [InlineData(RoutinePreset.Salem, "fault.fix", HouseholdLock, Roles.Installer)]
    [InlineData(RoutinePreset.Salem, "fault.fix", Software, Roles.SystemAdministrator)]
    [InlineData(RoutinePreset.Halmstad, "fault.fix", Software, Roles.AlarmCentreSupport)]
    [InlineData(RoutinePreset.Lifecare, "fault.triage", Software, Roles.AlarmOfficer)]
    [InlineData(RoutinePreset.Botkyrka, "fault.fix", HouseholdLock, Roles.Installer)]
    // Move, change of provider, home care ends (6–8): Salem from 002
    [InlineData(RoutinePreset.Salem, "move.order", null, Roles.FeeOfficer)]
    [InlineData(RoutinePreset.Salem, "move.link", null, Roles.SystemAdministrator)]
    [InlineData(RoutinePreset.Salem, "provider-change.keys", null, Roles.Coordinator)]
    [InlineData(RoutinePreset.Salem, "provider-change.move", null, Roles.SystemAdministrator)]
    [InlineData(RoutinePreset.Salem, "alarm-stays.unlink", null, Roles.SystemAdministrator)]
    [InlineData(RoutinePreset.Salem, "cohabitant.link", null, Roles.SystemAdministrator)]
    [InlineData(RoutinePreset.Salem, "purchase.order", null, Roles.SystemAdministrator)]
    public void Owner_Preset_AsInRoutinesMd(RoutinePreset preset, string step, string? route, string role) =>
        RoutinePresets.Owner(preset, step, route).ShouldBe(role);

    [Theory]
    [MemberData(nameof(Presets))]
    public void Owner_EntranceLockWork_LocksmithInEveryPreset(RoutinePreset preset)
    {
        RoutinePresets.Owner(preset, "entrance.book").ShouldBe(Roles.Locksmith);
        RoutinePresets.Owner(preset, "entrance.mount").ShouldBe(Roles.Locksmith);
        RoutinePresets.Owner(preset, "entrance-removal.remove").ShouldBe(Roles.Locksmith);
        RoutinePresets.Owner(preset, "fault.fix", EntranceLock).ShouldBe(Roles.Locksmith);
    }

    [Theory]
    [MemberData(nameof(Presets))]
    public void Owner_InformAndBattery_CaseOfficerAndProviderInEveryPreset(RoutinePreset preset)
    {
        RoutinePresets.Owner(preset, "install.inform").ShouldBe(Roles.CaseOfficer);
        RoutinePresets.Owner(preset, "install.assess").ShouldBe(Roles.Coordinator);
        RoutinePresets.Owner(preset, "fault.report").ShouldBe(Roles.Coordinator);
        RoutinePresets.Owner(preset, "battery.change").ShouldBe(Roles.Coordinator);
    }

    [Fact]
    public void Owner_RoutedStepWithoutRoute_Throws() =>
        Should.Throw<ArgumentException>(() => RoutinePresets.Owner(RoutinePreset.Salem, "fault.fix"));

    [Fact]
    public void Owner_UnknownStep_Throws() =>
        Should.Throw<KeyNotFoundException>(() => RoutinePresets.Owner(RoutinePreset.Salem, "install.nothing"));

    [Fact]
    public void Owner_UnknownRoute_Throws() =>
        Should.Throw<KeyNotFoundException>(() => RoutinePresets.Owner(RoutinePreset.Salem, "fault.fix", "door-frame"));

    [Fact]
    public void Presets_DifferInWhoInstalls() =>
        RoutinePresets.All.Select(p => (RoutinePresets.Owner(p, "install.order"), RoutinePresets.Owner(p, "install.link")))
            .ShouldBeUnique();

    [Fact]
    public void SwedishName_EveryPreset_DistinctAndNamed()
    {
        RoutinePresets.All.Select(RoutinePresets.SwedishName).ShouldBeUnique();
        RoutinePresets.All.ShouldAllBe(p => RoutinePresets.SwedishName(p).StartsWith(p.ToString()));
    }
}
