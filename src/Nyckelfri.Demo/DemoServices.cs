using System.Globalization;
using Nyckelfri.Clients;
using Nyckelfri.Households;
using Nyckelfri.Providers;
using Nyckelfri.Services;

namespace Nyckelfri.Demo;

/// <summary>
/// The clients' care services, started over the last five years: home care for most, a safety
/// alarm for about 60 %, night supervision, home health care and rehab for some. A few services
/// have ended (a change of provider, a finished rehab period), a few clients have nothing left
/// (moved to special housing, say: their locks are due for removal), a few start in the coming days.
/// Sets each client's answer about digital locks, informed around when their first service began.
/// </summary>
internal sealed class DemoServices(DemoOrganisation organisation, DemoRandom random, DateOnly today)
{
    private enum Course { Active, Ended, Starting }

    private const int FiveYears = 5 * 365;
    private readonly Dictionary<int, int> _decisionNumbers = [];

    public List<CareService> Create(IEnumerable<Household> households)
    {
        var services = new List<CareService>();
        foreach (var household in households)
        {
            // Cohabitants are mostly served by the same home-care group.
            var homeCareUnit = random.Weighted(organisation.HomeCareShares);
            foreach (var client in household.Clients)
            {
                var own = random.Weighted([(Course.Active, 965), (Course.Ended, 20), (Course.Starting, 15)]) switch
                {
                    Course.Ended => Ended(client, homeCareUnit),
                    Course.Starting => Starting(client, homeCareUnit),
                    _ => Active(client, homeCareUnit),
                };
                RecordLockInformation(client, own.Min(s => s.StartDate));
                services.AddRange(own);
            }
        }
        return services;
    }

    private List<CareService> Active(Client client, Unit homeCareUnit)
    {
        var services = new List<CareService>();
        var start = random.DaysAgo(today, 0, FiveYears);
        var hasHomeCare = random.Chance(0.88);
        if (hasHomeCare && start < today.AddDays(-120) && random.Chance(0.05))
        {
            // Byte av utförare: the old provider's service ends the day before the new one's starts.
            var change = random.DaysAgo(today, 1, today.DayNumber - start.DayNumber - 60);
            var earlier = random.Pick(organisation.HomeCareShares.Select(s => s.Item).Where(u => u != homeCareUnit).ToList());
            services.Add(Service(client, CareServiceKind.HomeCare, true, earlier, start, change.AddDays(-1)));
            services.Add(Service(client, CareServiceKind.HomeCare, true, homeCareUnit, change, null));
        }
        else if (hasHomeCare)
        {
            services.Add(Service(client, CareServiceKind.HomeCare, true, homeCareUnit, start, null));
        }

        if (!hasHomeCare || random.Chance(0.6))
        {
            var alarmStart = hasHomeCare ? Later(start, -120, 200) : start;
            services.Add(Service(client, CareServiceKind.SafetyAlarm, random.Chance(0.85),
                organisation.Unit(DemoOrganisation.AlarmGroup), alarmStart, null));
        }
        if (hasHomeCare && random.Chance(0.12))
            services.Add(Service(client, CareServiceKind.NightSupervision, true,
                organisation.Unit(DemoOrganisation.NightPatrol), Later(start, 30, 600), null));
        // Health care is prescribed under the Health and Medical Services Act, not assessed under SoL.
        if (random.Chance(0.2))
            services.Add(Service(client, CareServiceKind.HomeHealthCare, false, Hsl, Later(start, 0, 400), null));
        if (random.Chance(0.07))
        {
            var rehabStart = random.DaysAgo(today, 10, 400);
            var rehabEnd = rehabStart.AddDays(random.Between(30, 90));
            services.Add(Service(client, CareServiceKind.Rehab, false, Hsl, rehabStart,
                rehabEnd < today && random.Chance(0.5) ? rehabEnd : null));
        }
        return services;
    }

    private List<CareService> Ended(Client client, Unit homeCareUnit)
    {
        var start = random.DaysAgo(today, 200, FiveYears);
        var end = random.DaysAgo(today, 3, 90);
        var services = new List<CareService> { Service(client, CareServiceKind.HomeCare, true, homeCareUnit, start, end) };
        if (random.Chance(0.5))
            services.Add(Service(client, CareServiceKind.SafetyAlarm, true,
                organisation.Unit(DemoOrganisation.AlarmGroup), Later(start, 0, 100), end));
        return services;
    }

    private List<CareService> Starting(Client client, Unit homeCareUnit)
    {
        var start = today.AddDays(random.Between(1, 14));
        var services = new List<CareService> { Service(client, CareServiceKind.HomeCare, true, homeCareUnit, start, null) };
        if (random.Chance(0.5))
            services.Add(Service(client, CareServiceKind.SafetyAlarm, true, organisation.Unit(DemoOrganisation.AlarmGroup), start, null));
        return services;
    }

    /// <summary>
    /// Seed 002 §6: for a few clients living alone the home care ended some weeks ago while the safety
    /// alarm goes on, so the lock stays and "home care ends, alarm stays" runs. Drawn from a random of
    /// its own, so that the rest of the demo does not change with it.
    /// </summary>
    public static void EndHomeCareKeepingAlarm(List<CareService> services, IEnumerable<Household> households, DemoRandom random,
        DateOnly today, int count)
    {
        var byClient = services.ToLookup(s => s.ClientId);
        var candidates = households
            .Where(h => h.Clients.Count == 1 && h.Clients[0] is { HasCodeLock: false, OpensDoorThemself: false, AgreedNoInstall: false }
                        && h.Clients[0].LockDecision != LockDecision.Declined)
            .Select(h => byClient[h.Clients[0].Id].ToList())
            .Where(own => own.Count(s => s.Kind == CareServiceKind.HomeCare) == 1
                          && own.Any(s => s is { Kind: CareServiceKind.HomeCare, EndDate: null } && s.StartDate < today.AddDays(-90))
                          && own.Any(s => s is { Kind: CareServiceKind.SafetyAlarm, EndDate: null } && s.StartDate < today.AddDays(-30))
                          && own.All(s => s.Kind != CareServiceKind.NightSupervision))
            .ToList();
        random.Shuffle(candidates);
        foreach (var own in candidates.Take(count))
        {
            var homeCare = own.Single(s => s.Kind == CareServiceKind.HomeCare);
            homeCare.ChangePeriod(homeCare.StartDate, today.AddDays(-random.Between(2, 30)));
        }
    }

    private Unit Hsl => organisation.Unit(DemoOrganisation.HslTeam);

    /// <summary>Some days after <paramref name="start"/>, but never after today.</summary>
    private DateOnly Later(DateOnly start, int minDays, int maxDays)
    {
        var day = start.AddDays(random.Between(minDays, maxDays));
        return day > today ? today : day;
    }

    private CareService Service(Client client, CareServiceKind kind, bool assessed, Unit unit, DateOnly start, DateOnly? end)
    {
        var service = new CareService(client, kind, assessed, unit, start, end);
        if (assessed)
        {
            // Diary numbers run per year, and the social services board registers far more than these.
            var number = _decisionNumbers.GetValueOrDefault(start.Year, 100) + random.Between(1, 7);
            _decisionNumbers[start.Year] = number;
            service.DecisionReference = $"SN {start.Year}/{number.ToString("0000", CultureInfo.InvariantCulture)}";
        }
        return service;
    }

    // Seed 003: the case officer informs the client when deciding the services; those who open the
    // door themselves, or agreed not to install, decline.
    private void RecordLockInformation(Client client, DateOnly firstStart)
    {
        var informed = firstStart.AddDays(random.Between(-20, 30));
        if (informed > today) informed = today.AddDays(-random.Between(0, 5));
        if (client.OpensDoorThemself || client.AgreedNoInstall)
        {
            client.InformedOn = informed;
            client.LockDecision = LockDecision.Declined;
        }
        else if (random.Chance(0.88))
        {
            client.InformedOn = informed;
            client.LockDecision = random.Chance(0.9) ? LockDecision.Accepted : LockDecision.Declined;
        }
    }
}
