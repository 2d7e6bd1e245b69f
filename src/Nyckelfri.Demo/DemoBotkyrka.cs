using System.Globalization;
using Nyckelfri.Clients;
using Nyckelfri.Data;
using Nyckelfri.Devices;
using Nyckelfri.Households;
using Nyckelfri.Keys;
using Nyckelfri.Properties;
using Nyckelfri.Providers;
using Nyckelfri.Routines;
using Nyckelfri.Services;
using Nyckelfri.Staff;
using Nyckelfri.Tenancy;

namespace Nyckelfri.Demo;

/// <summary>What the generator made of Demo Botkyrka.</summary>
public sealed record DemoSecondSummary(
    Guid MunicipalityId,
    int Units,
    int Employees,
    int Clients,
    int CareServices,
    int MountedLockUnits,
    int WorkOrders,
    int Logins);

/// <summary>
/// The second demo municipality, "Demo Botkyrka", on the Botkyrka preset (seed 004), to show that the same
/// routines can be split differently between roles (SPEC §1.2): the case officer informs and orders, the
/// alarm group installs, links and removes, the night-patrol coordinator is told when a lock is in use.
/// Small on purpose: one provider with a home-care group, an alarm group and a night patrol; twenty clients
/// in six buildings; a few locks; a handful of work orders. Built like Demo kommun (a fixed seed of its own,
/// dates counted from today, the domain's transitions), in the same transaction.
/// </summary>
internal sealed partial class DemoBotkyrka(DemoRandom random, DateOnly today, DateTime now)
{
    public const string MunicipalityName = "Demo Botkyrka";
    public const string MunicipalityCode = "demo-botkyrka";
    public const string Provider = "Vård och omsorg Demo Botkyrka";
    public const string HomeCareUnit = "Hemtjänstgrupp Nord";
    public const string AlarmGroup = "Larmgruppen Botkyrka";
    public const string NightPatrol = "Nattpatrullen Botkyrka";
    public const string Store = "Larmgruppens förråd";
    public const string Town = "Demotorp";
    public const int HouseholdCount = 18;
    public const int CohabitantPairs = 2;

    private static readonly (string Street, string PostalCode, int Floors)[] Buildings =
    [
        ("Ekbacksvägen 4", "147 31", 4), ("Ekbacksvägen 6", "147 31", 4), ("Lönnstigen 12", "147 32", 3),
        ("Hagtornsgatan 3", "147 33", 5), ("Granbacken 9", "147 34", 0), ("Vitsippsvägen 21", "147 35", 0),
    ];

    private readonly Municipality _municipality = new(MunicipalityName, MunicipalityCode, isDemo: true) { RoutinePreset = RoutinePreset.Botkyrka };
    private readonly List<Employee> _employees = [];
    private Provider _provider = null!;

    public Guid MunicipalityId => _municipality.Id;
    public Provider TheProvider => _provider;

    /// <summary>Adds Demo Botkyrka to the database, area by area, saving as it goes (the caller's transaction holds it all).</summary>
    public async Task<DemoSecondSummary> AddAsync(NyckelfriDbContext db, DemoLockKeys? lockKeys, CancellationToken ct)
    {
        db.Municipalities.Add(_municipality);
        db.RoutineStepOwners.AddRange(RoutineStepOwner.From(_municipality.Id, RoutinePreset.Botkyrka));
        _provider = new Provider(_municipality.Id, Provider, ProviderKind.Internal)
        {
            OrganizationNumber = random.OrganizationNumber('2'),
            Phone = random.FictionalMobile(),
            Email = "omsorg@demo-botkyrka.example",
        };
        foreach (var (name, kind) in new[] { (HomeCareUnit, UnitKind.HomeCare), (AlarmGroup, UnitKind.AlarmGroup), (NightPatrol, UnitKind.NightPatrol) })
            _provider.Units.Add(new Unit(_provider, name, kind) { Phone = random.FictionalMobile() });
        db.Providers.Add(_provider);
        await db.SaveChangesAsync(ct);

        AddStaff();
        db.Employees.AddRange(_employees);
        await db.SaveChangesAsync(ct);

        var (owners, buildings) = CreateProperties();
        db.PropertyOwners.AddRange(owners);
        db.Addresses.AddRange(buildings.Select(b => b.Address));
        await db.SaveChangesAsync(ct);

        var clients = DemoClients.Create(_municipality.Id, buildings, random, today, HouseholdCount, CohabitantPairs);
        var services = CreateServices(clients.Households);
        db.Households.AddRange(clients.Households);
        db.Clients.AddRange(clients.Clients);
        await db.SaveChangesAsync(ct);
        db.CareServices.AddRange(services);
        await db.SaveChangesAsync(ct);

        var homes = DemoHome.All(clients.Households, services, today);
        var equipment = CreateEquipment(homes, buildings.SelectMany(b => b.Address.Entrances).ToList());
        db.StockLocations.AddRange(equipment.Stock.Locations);
        db.DeviceModels.AddRange(equipment.Stock.Models);
        lockKeys?.Register(equipment.Devices);
        db.Devices.AddRange(equipment.Devices);
        db.BatteryReadings.AddRange(equipment.Readings);
        db.PendingTasks.AddRange(equipment.Tasks);
        db.KeySets.AddRange(equipment.Sets);
        db.KeyReceipts.AddRange(equipment.Receipts);
        await db.SaveChangesAsync(ct);

        var orders = CreateWorkOrders(homes, equipment);
        db.WorkOrders.AddRange(orders);
        await db.SaveChangesAsync(ct);

        return new DemoSecondSummary(_municipality.Id, _provider.Units.Count, _employees.Count, clients.Clients.Count, services.Count,
            equipment.Devices.Count(d => d.Kind == DeviceKind.LockUnit && d.IsMounted), orders.Count, DemoLogins.In(MunicipalityName).Count);
    }

    public Unit Unit(string name) => _provider.Units.Single(u => u.Name == name);

    /// <summary>Where each Botkyrka login belongs: the municipality, and the provider for the provider roles.</summary>
    public DemoLoginPlace Place(DemoLogin login) =>
        new(_municipality.Id, login.ProviderName is null ? null : _provider.Id, login.UnitName is null ? null : Unit(login.UnitName).Id, null);

    // Six in the home-care group, four fitters in the alarm group, three in the night patrol.
    private void AddStaff()
    {
        foreach (var (unitName, count) in new[] { (HomeCareUnit, 6), (AlarmGroup, 4), (NightPatrol, 3) })
        {
            var unit = Unit(unitName);
            for (var i = 0; i < count; i++)
            {
                var woman = random.Chance(0.7);
                var (first, last) = (random.Pick(woman ? SwedishNames.YoungerWomen : SwedishNames.YoungerMen), random.Pick(SwedishNames.LastNames));
                var employee = new Employee(_municipality.Id, _provider.Id, first, last, EmploymentType.Permanent, random.DaysAgo(today, 200, 4000))
                {
                    Title = unit.Kind == UnitKind.AlarmGroup ? "Larmmontör" : unit.Kind == UnitKind.NightPatrol ? "Undersköterska natt" : "Undersköterska",
                    Phone = random.FictionalMobile(),
                    Email = $"{SwedishNames.EmailLocalPart(first, last)}@demo-botkyrka.example",
                };
                employee.SetUnits([unit]);
                _employees.Add(employee);
            }
        }
    }

    /// <summary>Someone of the unit: the name on a key receipt or an answer.</summary>
    public string StaffOf(Guid unitId) =>
        random.Pick(_employees.Where(e => e.Units.Any(u => u.UnitId == unitId)).Select(e => e.FullName).DefaultIfEmpty("Personal").ToList());

    private (List<PropertyOwner> Owners, List<DemoBuilding> Buildings) CreateProperties()
    {
        var housing = new PropertyOwner(_municipality.Id, "Demotorpshem AB", PropertyOwnerKind.MunicipalHousing)
        {
            OrganizationNumber = random.OrganizationNumber('5'),
            ContactName = $"{random.Pick(SwedishNames.YoungerWomen)} {random.Pick(SwedishNames.LastNames)}",
            ContactPhone = random.FictionalMobile(),
            ContactEmail = "kundservice@demotorpshem.example",
        };
        var association = new PropertyOwner(_municipality.Id, "Brf Lönnen i Demotorp", PropertyOwnerKind.HousingAssociation)
        {
            OrganizationNumber = random.OrganizationNumber('7'),
            ContactName = $"{random.Pick(SwedishNames.YoungerMen)} {random.Pick(SwedishNames.LastNames)}",
            ContactPhone = random.FictionalMobile(),
            ContactEmail = "styrelsen@brflonnen.example",
        };

        // Consent per building: given, asked, refused and given; the houses need none.
        (ConsentStatus Status, int DaysAgo)[] consents = [(ConsentStatus.Given, 400), (ConsentStatus.Asked, 20), (ConsentStatus.Refused, 150), (ConsentStatus.Given, 90)];
        var buildings = new List<DemoBuilding>();
        foreach (var (i, (street, postalCode, floors)) in Buildings.Index())
        {
            var isHouse = floors == 0;
            var address = new Address(_municipality.Id, street, postalCode, Town) { PropertyOwnerId = isHouse ? null : i == 2 ? association.Id : housing.Id };
            var building = new DemoBuilding(address, isHouse, isHouse ? 1 : floors);
            var entrance = new Entrance(address, isHouse ? "Huvudentré" : "Port A");
            var (status, daysAgo) = isHouse ? (ConsentStatus.NotAsked, 0) : consents[i];
            entrance.RecordConsent(status, status == ConsentStatus.NotAsked ? null : today.AddDays(-daysAgo), null, today);
            address.Entrances.Add(entrance);
            building.DoorCodes[entrance] = isHouse ? null : random.DoorCode();
            buildings.Add(building);
        }
        return ([housing, association], buildings);
    }

    /// <summary>
    /// Home care for most, a safety alarm for many, night supervision for some. The first two homes have
    /// nothing left (their locks are due for removal), the third gets home care next week.
    /// </summary>
    private List<CareService> CreateServices(List<Household> households)
    {
        var services = new List<CareService>();
        var number = 200;
        CareService Service(Client client, CareServiceKind kind, string unit, DateOnly start, DateOnly? end) =>
            new(client, kind, true, Unit(unit), start, end)
            {
                DecisionReference = $"VON {start.Year}/{(number += random.Between(1, 5)).ToString("0000", CultureInfo.InvariantCulture)}",
            };

        foreach (var (i, household) in households.Index())
        {
            foreach (var client in household.Clients)
            {
                var start = random.DaysAgo(today, 200, 1500);
                if (i < 2)
                {
                    var end = today.AddDays(-(i == 0 ? random.Between(20, 35) : random.Between(3, 8)));
                    services.Add(Service(client, CareServiceKind.HomeCare, HomeCareUnit, start, end));
                    services.Add(Service(client, CareServiceKind.SafetyAlarm, AlarmGroup, start.AddDays(random.Between(0, 30)), end));
                }
                else if (i == 2)
                    services.Add(Service(client, CareServiceKind.HomeCare, HomeCareUnit, today.AddDays(random.Between(3, 10)), null));
                else
                {
                    var homeCare = random.Chance(0.85);
                    if (homeCare) services.Add(Service(client, CareServiceKind.HomeCare, HomeCareUnit, start, null));
                    if (!homeCare || random.Chance(0.6))
                        services.Add(Service(client, CareServiceKind.SafetyAlarm, AlarmGroup, start.AddDays(random.Between(0, 50)), null));
                    if (homeCare && random.Chance(0.3))
                        services.Add(Service(client, CareServiceKind.NightSupervision, NightPatrol, start.AddDays(random.Between(10, 50)), null));
                }
                var informed = services.Where(s => s.ClientId == client.Id).Min(s => s.StartDate).AddDays(-random.Between(0, 14));
                if (informed > today) informed = today.AddDays(-1);
                if (client.OpensDoorThemself || client.AgreedNoInstall) (client.InformedOn, client.LockDecision) = (informed, LockDecision.Declined);
                else if (random.Chance(0.9)) (client.InformedOn, client.LockDecision) = (informed, LockDecision.Accepted);
            }
        }
        return services;
    }

    private sealed record Equipment(DemoStock Stock, List<Device> Devices, List<BatteryReading> Readings, List<PendingTask> Tasks,
        List<KeySet> Sets, List<KeyReceipt> Receipts);

    /// <summary>
    /// A lock on about 70 % of the homes that should have one (the first of them put up a fortnight ago), and on the
    /// two homes whose services ended; one faulty, one with a low battery and its task; a door unit on the entrance
    /// whose owner consented first; a few on the shelf; a key set with every unit that should hold one.
    /// </summary>
    private Equipment CreateEquipment(List<DemoHome> homes, List<Entrance> entrances)
    {
        var stock = new DemoStock(_municipality.Id, random, Store, "Larmgruppens förråd i Demotorp. Larmgruppen hämtar låsen här.");
        var devices = new List<Device>();
        Device New(DeviceModel model)
        {
            var device = stock.NewDevice(model, stock.Store);
            devices.Add(device);
            return device;
        }

        var eligible = homes.Where(h => h.IsEligible).ToList();
        var withLock = eligible.Take((int)Math.Round(eligible.Count * 0.7)).ToList();
        foreach (var (i, home) in withLock.Index())
        {
            var on = i == 0 ? today.AddDays(-random.Between(8, 20)) : home.FirstStart.AddDays(random.Between(5, 40));
            New(stock.LockUnit).Install(home.Household, null, on > today.AddDays(-3) ? today.AddDays(-3) : on);
        }
        foreach (var home in homes.Where(h => h.HadLock))
        {
            var on = home.FirstStart.AddDays(random.Between(5, 40));
            New(stock.LockUnit).Install(home.Household, null, on < home.LastEnd.AddDays(-5) ? on : home.LastEnd.AddDays(-5));
        }
        var locks = devices.ToList();
        if (locks.Count > 1) locks[1].ReportFault("Låsvredet svarar inte i appen och motorn går inte.");

        var consented = entrances.Where(e => e.ConsentStatus == ConsentStatus.Given).OrderBy(e => e.ConsentDate).First();
        New(stock.EntranceUnit).Install(consented, null, consented.ConsentDate!.Value.AddDays(random.Between(20, 60)));
        for (var i = 0; i < 6; i++) New(stock.LockUnit);
        New(stock.EntranceUnit);
        New(stock.KeySafe);

        var readings = new List<BatteryReading>();
        var tasks = new List<PendingTask>();
        foreach (var (i, device) in locks.Index())
        {
            var at = now.AddHours(-random.Between(2, 30));
            var level = i == 2 ? random.Between(9, 16) : random.Between(35, 100);
            readings.Add(new BatteryReading(device, level, at));
            device.ReportBattery(level, at);
            if (i == 2) tasks.Add(new PendingTask(device, PendingTaskKind.BatteryChange, Unit(HomeCareUnit).Id, level, at));
        }

        var (sets, receipts) = KeySets(homes);
        return new Equipment(stock, devices, readings, tasks, sets, receipts);
    }

    private (List<KeySet>, List<KeyReceipt>) KeySets(List<DemoHome> homes)
    {
        var sets = new List<KeySet>();
        var receipts = new List<KeyReceipt>();
        var keyNumber = 5_000;
        foreach (var home in homes)
            foreach (var client in home.Household.Clients)
            {
                var active = home.Active.Where(s => s.ClientId == client.Id).ToList();
                var expected = KeySetExpectation.For(active.Select(s => new KeySetExpectation.ActiveService(s.Kind, s.UnitId)), client.OpensDoorThemself, []);
                foreach (var unitId in expected.ExpectedHolders)
                {
                    var set = new KeySet(client, "F-" + (keyNumber += random.Between(1, 3)).ToString(CultureInfo.InvariantCulture), 1,
                        _provider.Units.Single(u => u.Id == unitId));
                    var since = active.Where(s => s.UnitId == unitId).Min(s => s.StartDate);
                    var receiver = StaffOf(unitId);
                    sets.Add(set);
                    receipts.Add(KeyReceipt.HandOut(set, new KeyReceipt.Parties(since, client.FullName, receiver, true, true, null), receiver));
                }
            }
        return (sets, receipts);
    }
}
