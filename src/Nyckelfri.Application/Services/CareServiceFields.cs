using Microsoft.EntityFrameworkCore;
using Nyckelfri.Common;
using Nyckelfri.Data;
using Nyckelfri.Providers;

namespace Nyckelfri.Services;

/// <summary>The fields of a care service that adding and editing share, and their validation.</summary>
public class CareServiceFields
{
    public CareServiceKind? Kind { get; set; }

    /// <summary>Decided by a case officer under the Social Services Act (biståndsbedömd).</summary>
    public bool Assessed { get; set; }

    /// <summary>The provider unit that carries the service out.</summary>
    public Guid? UnitId { get; set; }
    public DateOnly? StartDate { get; set; }

    /// <summary>Empty while the service runs until further notice.</summary>
    public DateOnly? EndDate { get; set; }

    /// <summary>The decision's reference in the case-management system.</summary>
    public string? DecisionReference { get; set; }

    internal sealed record Valid(CareServiceKind Kind, Unit Unit, DateOnly StartDate, string? DecisionReference);

    /// <summary>Checks every field but the period, which the service checks itself; null when something is wrong (errors are in <paramref name="v"/>).</summary>
    internal async Task<Valid?> Check(NyckelfriDbContext db, Validator v, CancellationToken ct)
    {
        var kind = v.Enum(nameof(Kind), Kind, "Insats");
        Unit? unit = null;
        if (UnitId is not { } unitId) v.Add(nameof(UnitId), "Enhet måste anges.");
        else
        {
            // The same units as the pick list (UnitLookup): a provider's user only its own provider's.
            unit = await db.Units.FirstOrDefaultAsync(u => u.Id == unitId && (db.Scope.ProviderId == null || u.ProviderId == db.Scope.ProviderId), ct);
            if (unit is null) v.Add(nameof(UnitId), "Enheten finns inte.");
        }
        if (StartDate is null) v.Add(nameof(StartDate), "Startdatum måste anges.");
        var reference = v.Optional(nameof(DecisionReference), DecisionReference, "Beslutsreferens", 50);
        return kind is null || unit is null || StartDate is null ? null : new Valid(kind.Value, unit, StartDate.Value, reference);
    }
}
