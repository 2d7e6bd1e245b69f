using Nyckelfri.Clients;
using Nyckelfri.Common;
using Nyckelfri.Providers;

namespace Nyckelfri.Services;

public enum CareServiceKind { HomeCare, SafetyAlarm, NightSupervision, HomeHealthCare, Rehab }

/// <summary>
/// A service the client receives (insats), carried out by a provider unit from start to end
/// (verkställighet). The services decide whether a lock must exist and who may open it.
/// </summary>
public sealed class CareService : Entity
{
    private CareService() { }

    public CareService(Client client, CareServiceKind kind, bool assessed, Unit unit, DateOnly start, DateOnly? end)
    {
        MunicipalityId = client.MunicipalityId;
        ClientId = client.Id;
        Kind = kind;
        Assessed = assessed;
        MoveTo(unit);
        ChangePeriod(start, end);
    }

    public Guid ClientId { get; private set; }
    public Client? Client { get; private set; }
    public CareServiceKind Kind { get; set; }

    /// <summary>Decided by a case officer under the Social Services Act (biståndsbedömd).</summary>
    public bool Assessed { get; set; }
    public Guid UnitId { get; private set; }
    public Unit? Unit { get; private set; }
    public DateOnly StartDate { get; private set; }
    public DateOnly? EndDate { get; private set; }

    /// <summary>The decision's reference in the case-management system.</summary>
    public string? DecisionReference { get; set; }

    public bool IsActiveOn(DateOnly day) => StartDate <= day && (EndDate is null || EndDate >= day);

    public void ChangePeriod(DateOnly start, DateOnly? end)
    {
        if (end < start)
            throw ValidationFailedException.For(nameof(EndDate), "Slutdatum kan inte ligga före startdatum.");
        StartDate = start;
        EndDate = end;
    }

    public void MoveTo(Unit unit)
    {
        if (unit.MunicipalityId != MunicipalityId)
            throw ValidationFailedException.For(nameof(UnitId), "Enheten finns inte.");
        UnitId = unit.Id;
        Unit = unit;
    }

    public static string SwedishName(CareServiceKind kind) => kind switch
    {
        CareServiceKind.HomeCare => "Hemtjänst",
        CareServiceKind.SafetyAlarm => "Trygghetslarm",
        CareServiceKind.NightSupervision => "Nattillsyn",
        CareServiceKind.HomeHealthCare => "Hemsjukvård (HSL)",
        CareServiceKind.Rehab => "Rehabilitering",
        _ => kind.ToString(),
    };
}
