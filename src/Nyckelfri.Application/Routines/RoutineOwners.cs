using Microsoft.EntityFrameworkCore;
using Nyckelfri.Data;
using Nyckelfri.Identity;
using Nyckelfri.Services;

namespace Nyckelfri.Routines;

/// <summary>
/// A municipality's routine configuration, loaded once per request: who owns each step (its
/// <see cref="RoutineStepOwner"/> lines, and for a step with no line, the municipality's preset).
/// A provider role owns a step at the work order's unit; the night-patrol coordinator at the unit of
/// the client's night supervision, when there is one.
/// </summary>
public sealed class RoutineOwners
{
    private readonly RoutinePreset _preset;
    private readonly IReadOnlyDictionary<StepOwnerKey, string> _configured;

    public RoutineOwners(RoutinePreset preset, IReadOnlyDictionary<StepOwnerKey, string> configured)
    {
        _preset = preset;
        _configured = configured;
    }

    public RoutinePreset Preset => _preset;

    public static async Task<RoutineOwners> Load(NyckelfriDbContext db, Guid municipalityId, CancellationToken ct)
    {
        var preset = await db.Municipalities.WithoutScopeFilter().Where(m => m.Id == municipalityId)
            .Select(m => m.RoutinePreset).FirstAsync(ct);
        var lines = await db.RoutineStepOwners.WithoutScopeFilter().AsNoTracking()
            .Where(o => o.MunicipalityId == municipalityId)
            .Select(o => new { o.StepCode, o.Route, o.Role })
            .ToListAsync(ct);
        return new RoutineOwners(preset, lines.ToDictionary(
            l => new StepOwnerKey(l.StepCode, l.Route == RoutineStepOwner.NoRoute ? null : l.Route), l => l.Role));
    }

    /// <summary>The role owning a step (on a route, for a routed step).</summary>
    public string RoleFor(StepDefinition step, string? route)
    {
        var key = new StepOwnerKey(step.Code, step.RoutedBy is null ? null : route);
        if (_configured.TryGetValue(key, out var role)) return role;
        // A routed step whose route is not answered yet goes where the preset sends the household-lock route.
        return RoutinePresets.Owner(_preset, step.Code, step.RoutedBy is null ? null : route ?? RoutineCatalog.FaultRoutes.HouseholdLock);
    }

    /// <summary>The owner resolver for one work order, whose unit is <paramref name="unitId"/> (<see cref="WorkOrder.UnitId"/>).</summary>
    public Func<StepDefinition, string?, StepOwner> For(Guid? unitId, Guid? nightSupervisionUnitId = null) => (step, route) =>
    {
        var role = RoleFor(step, route);
        if (!Roles.ProviderScoped.Contains(role)) return new StepOwner(role, null);
        var unit = role == Roles.NightPatrolCoordinator ? nightSupervisionUnitId ?? unitId : unitId;
        return new StepOwner(role, unit);
    };

    /// <summary>The unit of the client's ongoing night supervision (the night-patrol coordinator's unit), if any.</summary>
    public static async Task<Guid?> NightSupervisionUnit(NyckelfriDbContext db, Guid? clientId, CancellationToken ct)
    {
        if (clientId is null) return null;
        var today = db.Scope.Today;
        return await db.CareServices.WithoutScopeFilter()
            .Where(s => s.ClientId == clientId && s.Kind == CareServiceKind.NightSupervision && (s.EndDate == null || s.EndDate >= today))
            .OrderBy(s => s.StartDate).Select(s => (Guid?)s.UnitId).FirstOrDefaultAsync(ct);
    }
}
