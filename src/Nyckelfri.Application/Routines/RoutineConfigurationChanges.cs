using Microsoft.EntityFrameworkCore;
using Nyckelfri.Common;
using Nyckelfri.Data;
using Nyckelfri.Tenancy;

namespace Nyckelfri.Routines;

/// <summary>
/// The latest changes to the municipality's routine configuration: preset switches (in the
/// municipality's history) and single steps given to another role (in the history of the step's line).
/// </summary>
public sealed class RoutineConfigurationChanges(NyckelfriDbContext db) : IHandler
{
    public const string PresetSwitched = "Rutinmall bytt";
    public const string StepReassigned = "Steg omfördelat";

    public sealed record Line(DateTime At, string UserName, string Action, string? Reason);

    public async Task<IReadOnlyList<Line>> Latest(int count, CancellationToken ct) =>
        await db.AuditEntries.AsNoTracking()
            .Where(a => (a.EntityType == nameof(Municipality) && a.Action == PresetSwitched)
                        || (a.EntityType == nameof(RoutineStepOwner) && a.Action == StepReassigned))
            .OrderByDescending(a => a.Id)
            .Take(count)
            .Select(a => new Line(a.At, a.UserName, a.Action, a.Reason))
            .ToListAsync(ct);
}
