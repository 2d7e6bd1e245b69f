using Nyckelfri.Clients;
using Nyckelfri.Routines;
using Nyckelfri.Services;

namespace Nyckelfri.Demo;

/// <summary>A demo home as the routine engine sees it: the facts <see cref="ServiceRules"/> reads, and a work order's subject.</summary>
internal static class DemoFacts
{
    public static HouseholdFacts Household(DemoHome home, bool lockMounted, IReadOnlyList<OpenOrderFact> open) => new(home.Household.Id,
        home.Household.Clients.Select(c => new ClientFact(c.Id, c.HasCodeLock || c.OpensDoorThemself || c.AgreedNoInstall,
            home.Services.Where(s => s.ClientId == c.Id).Select(Service).ToList())).ToList(),
        lockMounted, open);

    public static ServiceFact Service(CareService s) => new(s.ClientId, s.Kind, s.Assessed, s.UnitId, s.Unit!.ProviderId, s.StartDate, s.EndDate);

    /// <summary>As <see cref="OpenWorkOrder"/> opens it for a client: the household, and the unit serving the client (home care first).</summary>
    public static WorkOrderSubject Subject(DemoHome home, Client client, DateOnly today) =>
        new(client.Id, home.Household.Id, null, null)
        {
            UnitId = home.Services.Where(s => s.ClientId == client.Id)
                .OrderBy(s => s.EndDate == null || s.EndDate >= today ? 0 : 1)
                .ThenBy(s => s.Kind == CareServiceKind.HomeCare ? 0 : 1)
                .ThenByDescending(s => s.EndDate ?? DateOnly.MaxValue)
                .Select(s => (Guid?)s.UnitId).FirstOrDefault(),
        };

    /// <summary>The unit of the client's night supervision: the night-patrol coordinator's steps are its.</summary>
    public static Guid? NightUnit(DemoHome home, Guid? clientId, DateOnly today) =>
        home.Services.Where(s => s.ClientId == clientId && s.Kind == CareServiceKind.NightSupervision && (s.EndDate == null || s.EndDate >= today))
            .OrderBy(s => s.StartDate).Select(s => (Guid?)s.UnitId).FirstOrDefault();
}
