using Nyckelfri.Clients;
using Nyckelfri.Households;
using Nyckelfri.Providers;
using Nyckelfri.Services;
using Nyckelfri.Staff;

namespace Nyckelfri.Demo;

/// <summary>
/// One demo household as the device and key generators see it today: its clients' services, and
/// whether it should have a digital lock.
/// </summary>
internal sealed class DemoHome
{
    private DemoHome(Household household, List<CareService> services, DateOnly today)
    {
        Household = household;
        Services = services;
        Active = services.Where(s => s.IsActiveOn(today)).ToList();
        var acceptsLock = household.Clients.All(c => !c.HasCodeLock && !c.AgreedNoInstall && c.LockDecision != LockDecision.Declined);
        IsEligible = acceptsLock && Active.Any(NeedsLock);
        HasOnlyEndedServices = services.Count > 0 && services.All(s => s.EndDate < today);
        HadLock = acceptsLock && HasOnlyEndedServices && services.Any(NeedsLock);
    }

    public Household Household { get; }

    /// <summary>Every service of every client of the household, past, present and future.</summary>
    public List<CareService> Services { get; }

    public List<CareService> Active { get; }

    /// <summary>
    /// A lock belongs here: someone gets home care or a safety alarm today, and nobody has a code lock,
    /// an agreement not to install, or has declined the lock.
    /// </summary>
    public bool IsEligible { get; }

    /// <summary>Every service has ended (moved to special housing, say): a lock here is due for removal.</summary>
    public bool HasOnlyEndedServices { get; }

    /// <summary>Every service has ended, but while they ran the home should have had a lock.</summary>
    public bool HadLock { get; }

    public DateOnly FirstStart => Services.Min(s => s.StartDate);
    public DateOnly LastEnd => Services.Max(s => s.EndDate ?? DateOnly.MaxValue);

    /// <summary>The unit that changes the batteries (seed 002 §8): the home-care group if there is one, else any unit serving the home.</summary>
    public Guid? ServingUnitId =>
        (Active.FirstOrDefault(s => s.Kind == CareServiceKind.HomeCare) ?? Active.FirstOrDefault())?.UnitId;

    public Client FirstClient => Household.Clients[0];

    private static bool NeedsLock(CareService service) => service.Kind is CareServiceKind.HomeCare or CareServiceKind.SafetyAlarm;

    public static List<DemoHome> All(IEnumerable<Household> households, IEnumerable<CareService> services, DateOnly today)
    {
        var byClient = services.ToLookup(s => s.ClientId);
        return households
            .Select(h => new DemoHome(h, h.Clients.SelectMany(c => byClient[c.Id]).ToList(), today))
            .ToList();
    }
}

/// <summary>The staff of each unit, to put real-looking names on key receipts and completed tasks.</summary>
internal sealed class DemoUnitStaff(IEnumerable<Employee> employees, DemoRandom random)
{
    private readonly ILookup<Guid, Employee> _byUnit = employees
        .SelectMany(e => e.Units.Select(u => (u.UnitId, Employee: e)))
        .ToLookup(x => x.UnitId, x => x.Employee);

    /// <summary>Someone of the unit who worked on <paramref name="day"/>; anyone of the unit if nobody did.</summary>
    public string NameAt(Unit unit, DateOnly day) => NameAt(unit.Id, day);

    public string NameAt(Guid unitId, DateOnly day)
    {
        var staff = _byUnit[unitId].ToList();
        var working = staff.Where(e => e.IsEmployedOn(day)).ToList();
        return random.Pick(working.Count > 0 ? working : staff).FullName;
    }
}
