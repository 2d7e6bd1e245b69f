using Microsoft.EntityFrameworkCore;
using Nyckelfri.Access;
using Nyckelfri.Common;
using Nyckelfri.Data;

namespace Nyckelfri.Keys;

/// <summary>
/// Records that a physical key was used at a home that has a digital lock. The digital lock comes
/// first (seed 003 §4), so such a use is the exception and is kept with its reason; at a home without
/// a digital lock the physical key is the normal way in and nothing is recorded.
/// </summary>
public sealed class RecordPhysicalKeyUse(NyckelfriDbContext db) : IHandler
{
    // A phone's clock may run a little ahead of the server's.
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(2);

    public sealed class Command
    {
        /// <summary>The set that was used, if known; it must be one of the client's.</summary>
        public Guid? KeySetId { get; set; }
        public PhysicalKeyUseReason? Reason { get; set; }
        public string? Note { get; set; }

        /// <summary>When the key was used; now when left out. UTC, or Swedish local time when no offset is given.</summary>
        public DateTime? UsedAt { get; set; }
    }

    public sealed record Form(Guid ClientId, string ClientName, bool HasMountedLock, IReadOnlyList<KeySetOption> KeySets);

    public sealed record KeySetOption(Guid Id, string KeyNumber, string? HolderUnitName);

    /// <summary>What the form shows: the client, whether a lock is mounted, and the client's sets held by units.</summary>
    public async Task<Form> Describe(Guid clientId, CancellationToken ct)
    {
        var client = await Client(clientId, ct);
        var sets = await db.KeySets.AsNoTracking().Where(k => k.ClientId == clientId && k.Status == KeySetStatus.WithHolder)
            .OrderBy(k => k.KeyNumber)
            .Select(k => new KeySetOption(k.Id, k.KeyNumber, k.HolderUnit!.Name))
            .ToListAsync(ct);
        return new Form(clientId, client.Name, await HouseholdLock.IsMountedAsync(db, client.HouseholdId, ct), sets);
    }

    public async Task<Guid> Handle(Guid clientId, Command command, CancellationToken ct)
    {
        var client = await Client(clientId, ct);
        if (await HouseholdLock.MountedLockIdAsync(db, client.HouseholdId, ct) is not { } lockId)
            throw new RuleViolationException("physical-key-use-without-lock",
                "Brukaren har inget monterat digitalt lås. Användning av fysisk nyckel registreras bara där ett digitalt lås finns.");
        var v = new Validator();
        var reason = v.Enum(nameof(Command.Reason), command.Reason, "Anledning");
        var note = v.Optional(nameof(Command.Note), command.Note, "Kommentar", 500);
        var usedAt = UsedAt(v, command.UsedAt);
        KeySet? set = null;
        if (command.KeySetId is { } setId)
        {
            set = await db.KeySets.FirstOrDefaultAsync(k => k.Id == setId && k.ClientId == clientId, ct);
            if (set is null) v.Add(nameof(Command.KeySetId), "Nyckeluppsättningen hör inte till brukaren.");
        }
        v.ThrowIfInvalid();

        var use = new PhysicalKeyUse(client.MunicipalityId, clientId, set?.Id, usedAt, reason!.Value, note, db.Scope.UserName, db.Scope.UserId);
        db.PhysicalKeyUses.Add(use);
        db.AccessEvents.Add(AccessLogLine(client, lockId, set, use));
        if (set is not null)
            db.Record(set, "Fysisk nyckel använd", PhysicalKeyUse.SwedishName(reason.Value) + (note is null ? "." : $": {note}"));
        await db.SaveChangesAsync(ct);
        return use.Id;
    }

    /// <summary>The same use as a line of the access log (SPEC §7), saved with it: the reason, never the free-text note.</summary>
    private AccessEvent AccessLogLine(ClientRow client, Guid lockId, KeySet? set, PhysicalKeyUse use) =>
        new(client.MunicipalityId, AccessEventKind.PhysicalKeyUsed, AccessOutcome.Reported, use.UsedAt, db.Clock.UtcNow())
        {
            ClientId = use.ClientId, HouseholdId = client.HouseholdId, LockId = lockId, EmployeeId = db.Scope.EmployeeId,
            UnitId = set?.HolderUnitId, Detail = PhysicalKeyUse.SwedishName(use.Reason), RecordedBy = db.Scope.UserName,
        };

    private sealed record ClientRow(Guid MunicipalityId, Guid HouseholdId, string Name);

    private async Task<ClientRow> Client(Guid clientId, CancellationToken ct) =>
        await db.Clients.AsNoTracking().Where(c => c.Id == clientId)
            .Select(c => new ClientRow(c.MunicipalityId, c.HouseholdId, c.FirstName + " " + c.LastName))
            .FirstOrDefaultAsync(ct) ?? throw new NotFoundException("Brukaren");

    private DateTime UsedAt(Validator v, DateTime? given)
    {
        var now = db.Clock.UtcNow();
        if (given is not { } at) return now;
        if (at.Kind == DateTimeKind.Unspecified && SwedishTime.Zone.IsInvalidTime(at))
        {
            v.Add(nameof(Command.UsedAt), "Tidpunkten finns inte (klockan ställdes om till sommartid).");
            return now;
        }
        var utc = at.Kind switch
        {
            DateTimeKind.Utc => at,
            DateTimeKind.Local => at.ToUniversalTime(),
            _ => TimeZoneInfo.ConvertTimeToUtc(at, SwedishTime.Zone),
        };
        if (utc > now + ClockSkew) v.Add(nameof(Command.UsedAt), "Tidpunkten kan inte ligga i framtiden.");
        else if (utc < now.AddYears(-1)) v.Add(nameof(Command.UsedAt), "Tidpunkten får ligga högst ett år bakåt i tiden.");
        return utc;
    }
}
