using Microsoft.EntityFrameworkCore;
using Nyckelfri.Clients;
using Nyckelfri.Common;
using Nyckelfri.Data;
using Nyckelfri.Devices;
using Nyckelfri.Households;
using Nyckelfri.Keys;
using Nyckelfri.Properties;

namespace Nyckelfri.Routines;

/// <summary>What a step's completion form may carry for its effects (which fields a step asks for: <see cref="StepInputs"/>).</summary>
public class StepInput
{
    /// <summary>The lock unit or entrance unit mounted by this step: its id (picked from stock) …</summary>
    public Guid? DeviceId { get; set; }

    /// <summary>… or its serial number, scanned or typed.</summary>
    public string? SerialNumber { get; set; }

    /// <summary>The number on the label, written on the lock now; empty keeps the one registered.</summary>
    public string? KeyNumber { get; set; }

    /// <summary>Where a device taken down, or the client's original lock parts, go.</summary>
    public Guid? StockLocationId { get; set; }

    /// <summary>What the client's original lock parts are ("Ordinarie låsvred och cylinder").</summary>
    public string? LockPartsDescription { get; set; }
}

/// <summary>Which inputs a step's effects need, so a form shows exactly those fields.</summary>
public sealed record StepInputs(bool Device, Devices.DeviceKind? DeviceKind, bool StockLocation, bool LockParts)
{
    public bool Any => Device || StockLocation || LockParts;

    public static StepInputs For(StepDefinition step)
    {
        var e = step.Effects;
        var device = e.Contains(StepEffect.LinkLock) || e.Contains(StepEffect.LinkEntranceUnit);
        return new StepInputs(device,
            e.Contains(StepEffect.LinkEntranceUnit) ? Devices.DeviceKind.EntranceUnit : device ? Devices.DeviceKind.LockUnit : null,
            e.Contains(StepEffect.StoreOriginalLockParts) || e.Contains(StepEffect.UnlinkLock) || e.Contains(StepEffect.UnlinkEntranceUnit)
                || e.Contains(StepEffect.RemoveKeySafe) || e.Contains(StepEffect.MoveLock),
            e.Contains(StepEffect.StoreOriginalLockParts));
    }
}

/// <summary>
/// Performs a completed step's effects on the registry, through the device and key transitions, in
/// the caller's unit of work (so the step is never saved without its effect, nor the effect without
/// the step). Three kinds of effect:
/// <list type="bullet">
/// <item>performed here: mounting and taking down devices, faults, original lock parts, consent, the client's decision and fixed texts, battery tasks;</item>
/// <item>checked here: physical keys change hands only against a signed receipt (seed 003 §4), which the key pages make; the step
/// waits until the registry shows the keys where the routine needs them;</item>
/// <item>recorded: access follows the care services (issue 5 computes permissions from them), so linking a unit is a history line.</item>
/// </list>
/// Each effect returns the line it adds to the order's history.
/// </summary>
internal sealed class StepEffects(NyckelfriDbContext db)
{
    public const int MaxLockPartsDescription = 200;

    public async Task<IReadOnlyList<string>> Perform(WorkOrder order, IReadOnlyList<StepEffect> effects, StepInput input, Validator v, CancellationToken ct)
    {
        var lines = new List<string>();
        foreach (var effect in effects)
            if (await PerformOne(order, effect, input, v, ct) is { } line) lines.Add(line);
        return lines;
    }

    /// <summary>What an ending answer does besides closing the order: seed 003's fixed texts on the client, a refused consent on the entrance.</summary>
    public async Task<string?> PerformOutcome(WorkOrder order, RoutineOutcome outcome, CancellationToken ct)
    {
        if (outcome == RoutineOutcomes.ConsentRefused && order.EntranceId is not null)
        {
            var entrance = await Entrance(order, ct);
            entrance.RecordConsent(ConsentStatus.Refused, db.Scope.Today, $"Ärende {order.Reference}", db.Scope.Today);
            return "Fastighetsägarens nej registrerat på porten.";
        }
        if (outcome.ClientNote is null || order.ClientId is null) return null;
        var client = await Client(order, ct);
        if (outcome == RoutineOutcomes.CodeLock) client.HasCodeLock = true;
        else if (outcome == RoutineOutcomes.OpensDoorThemself) client.OpensDoorThemself = true;
        else if (outcome == RoutineOutcomes.AgreedNoInstall) client.AgreedNoInstall = true;
        return $"Registrerat på brukaren: {outcome.ClientNote}";
    }

    private async Task<string?> PerformOne(WorkOrder order, StepEffect effect, StepInput input, Validator v, CancellationToken ct)
    {
        var today = db.Scope.Today;
        switch (effect)
        {
            case StepEffect.RecordClientDecision:
            {
                var client = await Client(order, ct);
                client.InformedOn ??= today;
                client.LockDecision = order.LatestAnswer("install.inform.decision") == "declined" ? LockDecision.Declined : LockDecision.Accepted;
                return $"Brukaren informerad: {Clients.Client.SwedishName(client.LockDecision).ToLowerInvariant()}.";
            }
            case StepEffect.HandOutKeySets:
            {
                var held = await KeySets(order, ct).CountAsync(k => k.Status == KeySetStatus.WithHolder, ct);
                if (held == 0)
                    v.Add("KeySets", "Inga fysiska nycklar är utkvitterade till en enhet. Kvittera ut dem med nyckelkvittens under Fysiska nycklar på brukarens sida och slutför sedan steget.");
                return $"{held} nyckeluppsättning(ar) utkvitterade med kvittens.";
            }
            case StepEffect.LinkLock:
            {
                var household = await Household(order, ct);
                var device = await PickedDevice(input, DeviceKind.LockUnit, v, ct);
                var keyNumber = DeviceNumbers.KeyNumber(v, nameof(StepInput.KeyNumber), input.KeyNumber, required: false);
                if (device is null) return null;
                await CheckKeyNumberFree(device, keyNumber, v, ct);
                if (!v.IsValid) return null;
                device.Install(household, await MountedLock(household.Id, ct), today, keyNumber);
                order.LinkDevice(device.Id);
                db.Record(device, DeviceHistory.Installed, $"Ärende {order.Reference}");
                return $"Låsenhet {device.SerialNumber} monterad med nyckelnummer {device.KeyNumber}.";
            }
            case StepEffect.StoreOriginalLockParts:
            {
                var location = await Location(input, v, ct);
                var description = v.Optional(nameof(StepInput.LockPartsDescription), input.LockPartsDescription, "Låsdelar", MaxLockPartsDescription)
                                  ?? "Ordinarie låsvred";
                if (location is null || order.ClientId is null) return null;
                var client = await Client(order, ct);
                db.OriginalLockParts.Add(new OriginalLockPart(client, location, description, order.Reference, today));
                return $"Ordinarie låsdelar lagrade på {location.Name}.";
            }
            case StepEffect.GrantUnitAccess:
                return "Låset är kopplat till de enheter som har insatser hos brukaren; behörigheterna följer insatserna.";
            case StepEffect.RecordInstallReceipt:
                return order.LatestAnswer("install.receipt.signed") == "yes"
                    ? "Installationskvittens och ansvarsavtal underskrivna."
                    : "Brukaren har inte skrivit under installationskvittensen (se kommentar).";
            case StepEffect.RecordConsent:
            {
                var entrance = await Entrance(order, ct);
                var status = order.LatestAnswer("entrance.consent.status") switch
                {
                    "given" => ConsentStatus.Given,
                    "refused" => ConsentStatus.Refused,
                    _ => ConsentStatus.Asked,
                };
                entrance.RecordConsent(status, today, $"Ärende {order.Reference}", today);
                return $"Samtycke registrerat på porten: {Properties.Entrance.SwedishName(status).ToLowerInvariant()}.";
            }
            case StepEffect.LinkEntranceUnit:
            {
                var entrance = await Entrance(order, ct);
                var device = await PickedDevice(input, DeviceKind.EntranceUnit, v, ct);
                if (device is null || !v.IsValid) return null;
                device.Install(entrance, await MountedEntranceUnit(entrance.Id, ct), today);
                order.LinkDevice(device.Id);
                db.Record(device, DeviceHistory.Installed, $"Ärende {order.Reference}");
                return $"Portenhet {device.SerialNumber} monterad.";
            }
            case StepEffect.UnlinkEntranceUnit:
            {
                var entrance = await Entrance(order, ct);
                var device = await db.Devices.FirstOrDefaultAsync(d => d.Kind == DeviceKind.EntranceUnit && d.EntranceId == entrance.Id
                    && (d.Status == DeviceStatus.Installed || d.Status == DeviceStatus.Faulty), ct);
                var location = await Location(input, v, ct);
                if (device is null) return "Ingen monterad portenhet fanns i porten.";
                if (location is null) return null;
                device.Uninstall(location);
                db.Record(device, DeviceHistory.Uninstalled, $"Ärende {order.Reference}");
                return $"Portenhet {device.SerialNumber} nedmonterad och lämnad på {location.Name}.";
            }
            case StepEffect.ReportDeviceFault:
            {
                var device = await FaultyCandidate(order, ct);
                if (device is null) return order.LatestAnswer(RoutineCatalog.FaultRoute) == RoutineCatalog.FaultRoutes.Software
                    ? "Fel i appen eller systemet: ingen enhet felanmäld." : "Ingen monterad enhet hittades att felanmäla.";
                order.LinkDevice(device.Id);
                if (device.Status == DeviceStatus.Faulty) return $"{device.SerialNumber} var redan felanmäld.";
                device.ReportFault($"Felanmäld i ärende {order.Reference}");
                db.Record(device, DeviceHistory.FaultReported, $"Ärende {order.Reference}");
                return $"{device.SerialNumber} felanmäld.";
            }
            case StepEffect.ResolveDeviceFault:
            {
                var device = order.DeviceId is { } id ? await db.Devices.FirstOrDefaultAsync(d => d.Id == id, ct) : null;
                if (device is not { Status: DeviceStatus.Faulty }) return null;
                device.ResolveFault();
                db.Record(device, DeviceHistory.FaultResolved, $"Ärende {order.Reference}");
                return $"Felet på {device.SerialNumber} åtgärdat.";
            }
            case StepEffect.ReturnKeySets:
            {
                // Removal: every set back with the client. Home care ending: the ended unit's sets.
                var held = await KeySets(order, ct).Include(k => k.HolderUnit)
                    .Where(k => k.Status == KeySetStatus.WithHolder
                                && (order.Kind != RoutineKind.HomeCareEndsAlarmStays || k.HolderUnitId == order.UnitId))
                    .ToListAsync(ct);
                foreach (var set in held)
                    v.Add("KeySets", $"Nyckeluppsättning {set.KeyNumber} finns fortfarande hos {set.HolderUnit?.Name}. Registrera återlämningen med nyckelkvittens under Fysiska nycklar och slutför sedan steget.");
                return "De fysiska nycklarna är återlämnade till brukaren med kvittens.";
            }
            case StepEffect.ReturnOriginalLockParts:
            {
                var clientIds = await HouseholdClientIds(order, ct);
                var parts = await db.OriginalLockParts.Where(p => clientIds.Contains(p.ClientId) && p.ReturnedOn == null).ToListAsync(ct);
                foreach (var part in parts) part.Return(today, $"Ärende {order.Reference}");
                return parts.Count == 0 ? "Inga ordinarie låsdelar fanns i förrådet." : $"{parts.Count} ordinarie låsdel(ar) tillbaka på dörren.";
            }
            case StepEffect.RemoveKeySafe:
            {
                if (order.HouseholdId is not { } householdId) return null;
                var safes = await db.Devices.Where(d => d.Kind == DeviceKind.KeySafe && d.HouseholdId == householdId
                    && (d.Status == DeviceStatus.Installed || d.Status == DeviceStatus.Faulty)).ToListAsync(ct);
                if (safes.Count == 0) return null;
                var location = await Location(input, v, ct);
                if (location is null) return null;
                foreach (var safe in safes)
                {
                    safe.Uninstall(location);
                    db.Record(safe, DeviceHistory.Uninstalled, $"Ärende {order.Reference}");
                }
                return "Nyckelgömman nedskruvad och nyckeln återlämnad till brukaren.";
            }
            case StepEffect.UnlinkLock:
            {
                if (order.HouseholdId is not { } householdId) return null;
                var facts = await HouseholdFactsLoader.Load(db, householdId, ct);
                if (ServiceRules.HouseholdNeedsLock(facts, today))
                    throw new RuleViolationException("removal-lock-still-needed",
                        "Låset kan inte kopplas bort: någon i hushållet har en pågående insats för hemtjänst, trygghetslarm eller nattillsyn.");
                var device = await MountedLockForChange(householdId, ct);
                var location = await Location(input, v, ct);
                if (device is null) return "Ingen monterad låsenhet fanns i hushållet.";
                if (location is null) return null;
                device.Uninstall(location);
                order.LinkDevice(device.Id);
                db.Record(device, DeviceHistory.Uninstalled, $"Ärende {order.Reference}");
                return $"Låsenhet {device.SerialNumber} bortkopplad från hushållet och lämnad på {location.Name}.";
            }
            case StepEffect.MoveLock:
            {
                // The new door is the client's household now: the case officer registers the new address
                // (the client moves to another household) before the installer moves the lock.
                var client = await Client(order, ct);
                var household = await db.Households.WithoutScopeFilter().FirstAsync(h => h.Id == client.HouseholdId, ct);
                var device = order.DeviceId is { } id
                    ? await db.Devices.WithoutScopeFilter().FirstOrDefaultAsync(d => d.Id == id && d.MunicipalityId == order.MunicipalityId, ct)
                    : await PickedDevice(input, DeviceKind.LockUnit, v, ct);
                if (device is null) { v.Add(nameof(StepInput.SerialNumber), "Ange serienumret på låset som flyttas."); return null; }
                if (device.HouseholdId == household.Id)
                {
                    if (order.HouseholdId == household.Id)
                        throw new RuleViolationException("move-no-new-address",
                            "Brukarens nya adress är inte registrerad. Registrera flytten på brukaren (nytt hushåll) och slutför sedan steget.");
                    return $"Låsenhet {device.SerialNumber} sitter redan på den nya adressen.";
                }
                if (device.HouseholdId is { } oldHousehold
                    && ServiceRules.HouseholdNeedsLock(await HouseholdFactsLoader.Load(db, oldHousehold, ct), today))
                    throw new RuleViolationException("move-lock-still-needed",
                        "Låset kan inte flyttas: någon som bor kvar på den gamla adressen har hemtjänst, trygghetslarm eller nattillsyn. Beställ i stället ett nytt lås till den nya adressen.");
                var location = await Location(input, v, ct);
                if (location is null) return null;
                if (device.IsMounted)
                {
                    device.Uninstall(location);
                    db.Record(device, DeviceHistory.Uninstalled, $"Flyttas i ärende {order.Reference}");
                }
                device.Install(household, await MountedLock(household.Id, ct), today);
                order.LinkDevice(device.Id);
                db.Record(device, DeviceHistory.Installed, $"Flyttad i ärende {order.Reference}");
                return $"Låsenhet {device.SerialNumber} flyttad till den nya adressen.";
            }
            case StepEffect.TransferKeySets:
            {
                var atNewUnit = await KeySets(order, ct).CountAsync(k => k.Status == KeySetStatus.WithHolder && k.HolderUnitId == order.UnitId, ct);
                if (atNewUnit == 0)
                    v.Add("KeySets", "Nycklarna är inte registrerade hos den nya enheten. Registrera överlämningen med nyckelkvittens under Fysiska nycklar och slutför sedan steget.");
                return "Nycklarna är överlämnade till den nya utföraren med kvittens.";
            }
            case StepEffect.MoveClientToUnit:
                return "Brukaren är kopplad till den nya utförarenheten; den tidigare enhetens behörighet följer insatsen och upphör.";
            case StepEffect.UnlinkEndedUnit:
                return "Den avslutade hemtjänstenheten är bortkopplad; larm- och nattgruppen behåller sin åtkomst.";
            case StepEffect.LinkCohabitant:
                return "Den sammanboende är kopplad till hushållets lås.";
            case StepEffect.ChangeBattery:
            {
                if (order.DeviceId is not { } id) return "Batteri bytt.";
                var tasks = await db.PendingTasks.Where(t => t.DeviceId == id && t.Kind == PendingTaskKind.BatteryChange
                    && t.Status == PendingTaskStatus.Open).ToListAsync(ct);
                foreach (var task in tasks) task.Complete(db.Scope.UserName, db.Clock.UtcNow(), $"Ärende {order.Reference}");
                return "Batteri bytt.";
            }
            case StepEffect.RecordPurchaseOrder:
                return "Beställningen är lagd hos leverantören (Lager → Beställningar).";
            case StepEffect.ReceiveDelivery:
                return "Leveransen är mottagen i förrådet (Lager → Beställningar).";
            default:
                throw new ArgumentOutOfRangeException(nameof(effect), effect, "No implementation for this effect.");
        }
    }

    private async Task<Client> Client(WorkOrder order, CancellationToken ct) =>
        await db.Clients.WithoutScopeFilter().FirstOrDefaultAsync(c => c.Id == order.ClientId && c.MunicipalityId == order.MunicipalityId, ct)
        ?? throw new RuleViolationException("work-order-no-client", $"Ärende {order.Reference} gäller ingen brukare.");

    private async Task<Household> Household(WorkOrder order, CancellationToken ct) =>
        await db.Households.WithoutScopeFilter().FirstOrDefaultAsync(h => h.Id == order.HouseholdId && h.MunicipalityId == order.MunicipalityId, ct)
        ?? throw new RuleViolationException("work-order-no-household", $"Ärende {order.Reference} gäller inget hushåll.");

    private async Task<Entrance> Entrance(WorkOrder order, CancellationToken ct) =>
        await db.Entrances.WithoutScopeFilter().FirstOrDefaultAsync(e => e.Id == order.EntranceId && e.MunicipalityId == order.MunicipalityId, ct)
        ?? throw new RuleViolationException("work-order-no-entrance", $"Ärende {order.Reference} gäller ingen port.");

    private async Task<List<Guid>> HouseholdClientIds(WorkOrder order, CancellationToken ct) =>
        order.HouseholdId is { } h
            ? await db.Clients.WithoutScopeFilter().Where(c => c.HouseholdId == h).Select(c => c.Id).ToListAsync(ct)
            : order.ClientId is { } c ? [c] : [];

    /// <summary>The key sets of everyone in the household (the municipality's view: keys are the door's, whoever holds them).</summary>
    private IQueryable<KeySet> KeySets(WorkOrder order, CancellationToken ct)
    {
        var householdId = order.HouseholdId;
        var clientId = order.ClientId;
        return db.KeySets.WithoutScopeFilter().Where(k => k.MunicipalityId == order.MunicipalityId
            && (householdId != null ? db.Clients.WithoutScopeFilter().Any(c => c.Id == k.ClientId && c.HouseholdId == householdId) : k.ClientId == clientId));
    }

    private async Task<Device?> PickedDevice(StepInput input, DeviceKind kind, Validator v, CancellationToken ct)
    {
        Device? device = null;
        if (input.DeviceId is { } id)
            device = await db.Devices.FirstOrDefaultAsync(d => d.Id == id, ct);
        else if (!string.IsNullOrWhiteSpace(input.SerialNumber))
        {
            var serial = DeviceNumbers.Serial(v, nameof(StepInput.SerialNumber), input.SerialNumber);
            if (serial is null) return null;
            device = await db.Devices.FirstOrDefaultAsync(d => d.SerialNumber == serial, ct);
        }
        else
        {
            v.Add(nameof(StepInput.SerialNumber), $"Välj {DeviceNames.SwedishName(kind).ToLowerInvariant()} ur lagret eller skanna serienumret.");
            return null;
        }
        if (device is null) v.Add(nameof(StepInput.SerialNumber), "Enheten finns inte i registret.");
        else if (device.Kind != kind) v.Add(nameof(StepInput.SerialNumber), $"Enheten är inte en {DeviceNames.SwedishName(kind).ToLowerInvariant()}.");
        return device;
    }

    private async Task CheckKeyNumberFree(Device device, string? keyNumber, Validator v, CancellationToken ct)
    {
        if (keyNumber is null || keyNumber == device.KeyNumber) return;
        if (await db.Devices.WithoutScopeFilter().AnyAsync(d => d.MunicipalityId == device.MunicipalityId && d.KeyNumber == keyNumber && d.Id != device.Id, ct))
            v.Add(nameof(StepInput.KeyNumber), $"Nyckelnumret {keyNumber} används redan av en annan enhet i kommunen.");
    }

    private async Task<StockLocation?> Location(StepInput input, Validator v, CancellationToken ct)
    {
        if (input.StockLocationId is not { } id)
        {
            v.Add(nameof(StepInput.StockLocationId), "Välj lagerplatsen där enheten eller låsdelarna ska förvaras.");
            return null;
        }
        var location = await db.StockLocations.FirstOrDefaultAsync(l => l.Id == id, ct);
        if (location is null) v.Add(nameof(StepInput.StockLocationId), "Lagerplatsen finns inte.");
        return location;
    }

    private Task<Device?> MountedLock(Guid householdId, CancellationToken ct) =>
        db.Devices.WithoutScopeFilter().AsNoTracking().FirstOrDefaultAsync(d => d.Kind == DeviceKind.LockUnit && d.HouseholdId == householdId
            && (d.Status == DeviceStatus.Installed || d.Status == DeviceStatus.Faulty), ct);

    private Task<Device?> MountedLockForChange(Guid householdId, CancellationToken ct) =>
        db.Devices.WithoutScopeFilter().FirstOrDefaultAsync(d => d.Kind == DeviceKind.LockUnit && d.HouseholdId == householdId
            && (d.Status == DeviceStatus.Installed || d.Status == DeviceStatus.Faulty), ct);

    private Task<Device?> MountedEntranceUnit(Guid entranceId, CancellationToken ct) =>
        db.Devices.WithoutScopeFilter().AsNoTracking().FirstOrDefaultAsync(d => d.Kind == DeviceKind.EntranceUnit && d.EntranceId == entranceId
            && (d.Status == DeviceStatus.Installed || d.Status == DeviceStatus.Faulty), ct);

    /// <summary>The device a fault report is about: the household's lock or the entrance's unit, by the route answer.</summary>
    private async Task<Device?> FaultyCandidate(WorkOrder order, CancellationToken ct)
    {
        var route = order.LatestAnswer(RoutineCatalog.FaultRoute);
        if (route == RoutineCatalog.FaultRoutes.HouseholdLock && order.HouseholdId is { } h)
            return await MountedLockForChange(h, ct);
        if (route == RoutineCatalog.FaultRoutes.EntranceLock)
        {
            var entranceId = order.EntranceId ?? await db.Households.WithoutScopeFilter()
                .Where(x => x.Id == order.HouseholdId).Select(x => x.EntranceId).FirstOrDefaultAsync(ct);
            if (entranceId is { } e)
                return await db.Devices.WithoutScopeFilter().FirstOrDefaultAsync(d => d.Kind == DeviceKind.EntranceUnit && d.EntranceId == e
                    && (d.Status == DeviceStatus.Installed || d.Status == DeviceStatus.Faulty), ct);
        }
        return null;
    }
}
