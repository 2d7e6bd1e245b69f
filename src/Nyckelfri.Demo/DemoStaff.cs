using Nyckelfri.Providers;
using Nyckelfri.Staff;

namespace Nyckelfri.Demo;

/// <summary>
/// About 120 employees across the units: mostly permanent, some on fixed-term monthly contracts,
/// about 15 % hourly substitutes; a few who have left and a few on long leave, so that the lists
/// show every state an employee can be in.
/// </summary>
internal static class DemoStaff
{
    private static readonly (string Unit, int Count)[] Headcount =
    [
        (DemoOrganisation.InternalNorth, 25), (DemoOrganisation.InternalSouth, 24),
        (DemoOrganisation.AlarmGroup, 8), (DemoOrganisation.NightPatrol, 10),
        (DemoOrganisation.HslTeam, 11), (DemoOrganisation.ExternalCentre, 13),
        (DemoOrganisation.ExternalWest, 12), (DemoOrganisation.SmallExternalUnit, 15),
    ];

    private static readonly (string Title, int Weight)[] CareTitles = [("Undersköterska", 70), ("Vårdbiträde", 30)];

    private static readonly (string Title, int Weight)[] HslTitles =
        [("Sjuksköterska", 55), ("Distriktssköterska", 10), ("Fysioterapeut", 15), ("Arbetsterapeut", 20)];

    public sealed record Result(List<Employee> Employees, Dictionary<string, Employee> ByLogin);

    public static Result Create(DemoOrganisation organisation, DemoRandom random, DateOnly today)
    {
        var employees = new List<Employee>();
        foreach (var (unitName, count) in Headcount)
        {
            var unit = organisation.Unit(unitName);
            for (var i = 0; i < count; i++)
                employees.Add(NewEmployee(unit, organisation, random, today));
        }

        var byLogin = new Dictionary<string, Employee>(StringComparer.Ordinal);
        foreach (var login in DemoLogins.Staff)
        {
            var unit = organisation.Unit(login.UnitName!);
            var names = login.DisplayName.Split(' ', 2);
            var employee = new Employee(unit.MunicipalityId, unit.ProviderId, names[0], names[1],
                EmploymentType.Permanent, random.DaysAgo(today, 3 * 365, 8 * 365))
            {
                Title = unit.Kind == UnitKind.HomeHealthCare ? "Sjuksköterska" : "Undersköterska",
                Phone = random.FictionalMobile(),
                Email = Email(names[0], names[1], unit.Provider!),
            };
            employee.SetUnits([unit]);
            employees.Add(employee);
            byLogin[login.UserName] = employee;
        }
        return new Result(employees, byLogin);
    }

    private static Employee NewEmployee(Unit unit, DemoOrganisation organisation, DemoRandom random, DateOnly today)
    {
        var woman = random.Chance(0.8);
        var first = random.Pick(woman ? SwedishNames.YoungerWomen : SwedishNames.YoungerMen);
        var last = random.Pick(SwedishNames.LastNames);
        var type = random.Weighted<EmploymentType>(
            [(EmploymentType.Permanent, 70), (EmploymentType.Monthly, 15), (EmploymentType.Hourly, 15)]);
        var start = type switch
        {
            EmploymentType.Permanent => random.DaysAgo(today, 180, 25 * 365),
            EmploymentType.Monthly => random.DaysAgo(today, 10, 330),
            _ => random.DaysAgo(today, 0, 3 * 365),
        };

        var employee = new Employee(unit.MunicipalityId, unit.ProviderId, first, last, type, start)
        {
            Title = Title(unit, type, random),
            Phone = random.FictionalMobile(),
            Email = Email(first, last, unit.Provider!),
        };
        if (type == EmploymentType.Monthly)
            employee.EndDate = today.AddDays(random.Between(20, 300));
        else if (type == EmploymentType.Permanent && random.Chance(0.07))
            employee.EndDate = random.DaysAgo(today, 5, Math.Min(200, today.DayNumber - start.DayNumber));
        else if (type == EmploymentType.Permanent && random.Chance(0.06))
            StartLongLeave(employee, random, today);

        employee.SetUnits(UnitsOf(unit, organisation, random));
        return employee;
    }

    private static string Title(Unit unit, EmploymentType type, DemoRandom random) => (unit.Kind, type) switch
    {
        (UnitKind.HomeHealthCare, _) => random.Weighted(HslTitles),
        (_, EmploymentType.Hourly) => "Timvikarie",
        (UnitKind.NightPatrol, _) => "Undersköterska natt",
        _ => random.Weighted(CareTitles),
    };

    // Parental leave or long sick leave: begun, and ending later or not yet known.
    private static void StartLongLeave(Employee employee, DemoRandom random, DateOnly today)
    {
        var from = random.DaysAgo(today, 10, Math.Min(200, today.DayNumber - employee.StartDate.DayNumber));
        employee.LongLeaveFrom = from;
        employee.LongLeaveTo = random.Chance(0.7) ? today.AddDays(random.Between(30, 240)) : null;
    }

    // Some staff also work in a second unit of their provider: the other home-care group, or the
    // night patrol staff who also answer alarms.
    private static List<Unit> UnitsOf(Unit unit, DemoOrganisation organisation, DemoRandom random)
    {
        var units = new List<Unit> { unit };
        var siblings = unit.Provider!.Units.Where(u => u != unit && u.Kind == unit.Kind).ToList();
        if (unit.Kind == UnitKind.NightPatrol) siblings.Add(organisation.Unit(DemoOrganisation.AlarmGroup));
        if (siblings.Count > 0 && random.Chance(0.2)) units.Add(random.Pick(siblings));
        return units;
    }

    private static string Email(string first, string last, Provider provider) =>
        $"{SwedishNames.EmailLocalPart(first, last)}@{provider.Email![(provider.Email!.IndexOf('@') + 1)..]}";
}
