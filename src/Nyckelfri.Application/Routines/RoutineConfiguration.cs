using Microsoft.EntityFrameworkCore;
using Nyckelfri.Common;
using Nyckelfri.Data;
using Nyckelfri.Identity;
using Nyckelfri.Tenancy;

namespace Nyckelfri.Routines;

/// <summary>
/// The municipality's routine configuration (SPEC §1.2): its preset and who owns each step of each
/// routine. Switching preset rewrites every line from the preset; reassigning changes one line. Both
/// are in the history (the municipality's and the line's), and the open work orders' current owners
/// follow at once, so an inbox never shows a step its new owner cannot act on.
/// </summary>
public sealed class RoutineConfiguration(NyckelfriDbContext db) : IHandler
{
    public sealed record Line(Guid? Id, int? Version, string StepCode, string? Route, string StepTitle, string? RouteName,
        string Role, string RoleName, string PresetRole, bool Changed);

    public sealed record Routine(RoutineKind Kind, string Name, IReadOnlyList<Line> Lines);

    public sealed record View(int MunicipalityVersion, RoutinePreset Preset, string PresetName, IReadOnlyList<Routine> Routines);

    public sealed class SwitchCommand
    {
        public int? Version { get; set; }
        public RoutinePreset? Preset { get; set; }
    }

    public sealed class ReassignCommand
    {
        public int? Version { get; set; }
        public string? Role { get; set; }
    }

    /// <summary>The roles a step may be given: every role of a person (not the integration role).</summary>
    public static IReadOnlyList<string> AssignableRoles { get; } = [.. Roles.All.Where(r => r != Roles.Integration)];

    public async Task<View> Get(CancellationToken ct)
    {
        var municipality = await Own(ct);
        var lines = await db.RoutineStepOwners.AsNoTracking().ToListAsync(ct);
        var byKey = lines.ToDictionary(l => new StepOwnerKey(l.StepCode, l.Route == RoutineStepOwner.NoRoute ? null : l.Route));
        var preset = RoutinePresets.Owners(municipality.RoutinePreset);
        var routines = RoutineCatalog.All.Select(r => new Routine(r.Kind, r.SwedishTitle, r.Steps
            .SelectMany(s => s.RoutedBy is null ? [(Step: s, Route: (string?)null)] : RoutineCatalog.FaultRoutes.All.Select(x => (Step: s, Route: (string?)x)))
            .Select(x =>
            {
                var key = new StepOwnerKey(x.Step.Code, x.Route);
                byKey.TryGetValue(key, out var line);
                var presetRole = preset[key];
                var role = line?.Role ?? presetRole;
                return new Line(line?.Id, line?.Version, x.Step.Code, x.Route, x.Step.SwedishTitle,
                    x.Route is null ? null : RoutineCatalog.Checkpoint(RoutineCatalog.FaultRoute).Option(x.Route).SwedishLabel,
                    role, Roles.SwedishName(role), presetRole, role != presetRole);
            }).ToList())).ToList();
        return new View(municipality.Version, municipality.RoutinePreset, RoutinePresets.SwedishName(municipality.RoutinePreset), routines);
    }

    /// <summary>Every line from the chosen preset; reassigned lines go back to the preset's role.</summary>
    public async Task<int> Switch(SwitchCommand command, CancellationToken ct)
    {
        var v = new Validator();
        if (command.Version is null) v.Add(nameof(SwitchCommand.Version), "Uppgift om vilken version ändringen bygger på saknas. Ladda om sidan.");
        if (command.Preset is not { } preset || !Enum.IsDefined(preset)) v.Add(nameof(SwitchCommand.Preset), "Välj en rutinmall.");
        v.ThrowIfInvalid();
        var municipality = await Own(ct);
        db.ExpectVersion(municipality, command.Version!.Value);
        var from = municipality.RoutinePreset;
        municipality.RoutinePreset = command.Preset!.Value;
        var lines = await db.RoutineStepOwners.ToListAsync(ct);
        var byKey = lines.ToDictionary(l => new StepOwnerKey(l.StepCode, l.Route == RoutineStepOwner.NoRoute ? null : l.Route));
        foreach (var (key, role) in RoutinePresets.Owners(municipality.RoutinePreset))
        {
            if (byKey.TryGetValue(key, out var line)) { if (line.Role != role) line.Reassign(role); }
            else db.RoutineStepOwners.Add(new RoutineStepOwner(municipality.Id, key, role));
        }
        db.Record(municipality, RoutineConfigurationChanges.PresetSwitched, $"Från {RoutinePresets.SwedishName(from)} till {RoutinePresets.SwedishName(municipality.RoutinePreset)}.");
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        await FollowOpenOrders(ct);
        await transaction.CommitAsync(ct);
        return municipality.Version;
    }

    /// <summary>Gives one step (on one route, for a routed step) to another role.</summary>
    public async Task<int> Reassign(string stepCode, string? route, ReassignCommand command, CancellationToken ct)
    {
        var step = RoutineCatalog.All.SelectMany(r => r.Steps).FirstOrDefault(s => s.Code == stepCode) ?? throw new NotFoundException("Steget");
        if (step.RoutedBy is null ? !string.IsNullOrEmpty(route) : !RoutineCatalog.FaultRoutes.All.Contains(route ?? ""))
            throw new NotFoundException("Steget");
        var v = new Validator();
        if (command.Version is null) v.Add(nameof(ReassignCommand.Version), "Uppgift om vilken version ändringen bygger på saknas. Ladda om sidan.");
        if (command.Role is null || !AssignableRoles.Contains(command.Role)) v.Add(nameof(ReassignCommand.Role), "Välj en roll som finns.");
        v.ThrowIfInvalid();
        var municipality = await Own(ct);
        var key = new StepOwnerKey(stepCode, step.RoutedBy is null ? null : route);
        var storedRoute = key.Route ?? RoutineStepOwner.NoRoute;
        var line = await db.RoutineStepOwners.FirstOrDefaultAsync(o => o.StepCode == stepCode && o.Route == storedRoute, ct);
        if (line is null)
        {
            // A step the catalog gained after the municipality's lines were written: the version the page showed is the municipality's.
            db.ExpectVersion(municipality, command.Version!.Value);
            line = new RoutineStepOwner(municipality.Id, key, command.Role!);
            db.RoutineStepOwners.Add(line);
        }
        else
        {
            db.ExpectVersion(line, command.Version!.Value);
            line.Reassign(command.Role!);
        }
        db.Record(line, RoutineConfigurationChanges.StepReassigned,
            $"{step.SwedishTitle}{(key.Route is null ? "" : $" ({RoutineCatalog.Checkpoint(RoutineCatalog.FaultRoute).Option(key.Route).SwedishLabel})")}: {Roles.SwedishName(command.Role!)}.");
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        await FollowOpenOrders(ct);
        await transaction.CommitAsync(ct);
        return line.Version;
    }

    /// <summary>Every open or proposed order gets its current owner from the new configuration; changed owners are told.</summary>
    private async Task FollowOpenOrders(CancellationToken ct)
    {
        var orders = await db.WorkOrders.WithoutScopeFilter().Include(w => w.Answers)
            .Where(w => w.MunicipalityId == db.Scope.MunicipalityId && (w.State == WorkOrderState.Proposed || w.State == WorkOrderState.Open))
            .ToListAsync(ct);
        // The configuration was just saved: read it once, not once per order.
        var owners = await RoutineOwners.Load(db, db.Scope.MunicipalityId, ct);
        foreach (var order in orders)
        {
            var before = (order.OwnerRole, order.OwnerUnitId);
            order.ResolveOwner(owners.For(order.UnitId, await RoutineOwners.NightSupervisionUnit(db, order.ClientId, ct)));
            if ((order.OwnerRole, order.OwnerUnitId) == before) continue;
            db.Record(order, WorkOrderHistory.OwnerChanged, $"Rutinkonfigurationen ändrad: {Roles.SwedishName(order.OwnerRole!)}.");
            db.Notify(order, order.State == WorkOrderState.Proposed ? Notifications.NotificationTemplate.Proposed : Notifications.NotificationTemplate.StepHandedOver);
        }
        await db.SaveChangesAsync(ct);
    }

    private async Task<Municipality> Own(CancellationToken ct) =>
        await db.Municipalities.FirstOrDefaultAsync(m => m.Id == db.Scope.MunicipalityId, ct) ?? throw new NotFoundException("Kommunen");
}
