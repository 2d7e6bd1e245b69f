using Microsoft.EntityFrameworkCore;
using Nyckelfri.Common;
using Nyckelfri.Data;
using Nyckelfri.Identity;
using Nyckelfri.LockProtocol;
using Nyckelfri.Notifications;

namespace Nyckelfri.Access;

/// <summary>
/// Break-glass (SPEC §6): an emergency credential for a lock outside the employee's normal permission.
/// It needs a reason, lasts 30 minutes unless asked shorter or longer (at most 2 h), alerts the unit
/// manager of the employee's units and of the units serving the client, and waits for review. It still
/// needs an employment, an issued (unblocked) key and a mounted lock: an emergency does not open the
/// door to someone who no longer works here.
/// </summary>
public sealed class RequestBreakGlass(NyckelfriDbContext db, AccessFacts facts, IssuerKeys issuers, RevocationLists lists, IssueCredential normal) : IHandler
{
    public sealed class Command
    {
        public Guid? LockId { get; set; }
        public string? Reason { get; set; }

        /// <summary>How long, in minutes (default 30, 5–120).</summary>
        public int? Minutes { get; set; }

        /// <summary>The key asking, as for a normal credential (<see cref="IssueCredential.Command.DigitalKeyId"/>).</summary>
        public Guid? DigitalKeyId { get; set; }

        /// <summary>The device key the app holds; when given it must be the key's registered one.</summary>
        public string? HolderPublicKey { get; set; }
    }

    public async Task<CredentialResult> Handle(Command command, CancellationToken ct)
    {
        var v = new Validator();
        if (command.LockId is null || command.LockId == Guid.Empty) v.Add(nameof(Command.LockId), "Ange vilket lås.");
        var reason = v.Required(nameof(Command.Reason), command.Reason, "Anledning till nödöppningen", BreakGlass.MaxReasonLength);
        var minutes = command.Minutes ?? (int)BreakGlass.DefaultValidity.TotalMinutes;
        if (minutes < 5 || minutes > BreakGlass.MaxValidity.TotalMinutes)
            v.Add(nameof(Command.Minutes), $"En nödöppning gäller 5–{BreakGlass.MaxValidity.TotalMinutes:0} minuter.");
        var presentedKey = IssueCredential.HolderKey(v, command.HolderPublicKey);
        v.ThrowIfInvalid();

        var scope = db.Scope;
        var employeeId = await normal.LinkedEmployeeAsync(ct) ?? throw new RuleViolationException("not-an-employee",
            "Ditt konto är inte kopplat till någon medarbetare, så det finns ingen digital nyckel att utfärda nödöppning till.");
        var issuer = await issuers.ForMunicipalityAsync(scope.MunicipalityId, ct);
        var list = await lists.CurrentAsync(scope.MunicipalityId, ct);
        var lockFacts = await facts.ForLockAsync(command.LockId!.Value, ct) ?? throw new NotFoundException("Låset");
        // The same key as /credentials would pick, with the same refusals: never a credential for another key.
        var key = await normal.KeyOf(employeeId, command.DigitalKeyId, presentedKey, ct);
        if (IssueCredential.KeyRefusal(key, presentedKey) is { } refusal)
            throw new RuleViolationException(refusal.Code, refusal.Code == "key-blocked" ? "Nyckeln är spärrad: ingen nödöppning utfärdas." : refusal.Text);
        var today = db.Clock.Today();
        var employee = await facts.ForEmployeeAsync(employeeId, today, ct) ?? throw new NotFoundException("Medarbetaren");
        var decision = AccessPolicy.Decide(employee, lockFacts.Services, today);
        if (decision.Denial is PermissionDenial.NotYetEmployed or PermissionDenial.EmploymentEnded or PermissionDenial.OnLongLeave)
            throw new RuleViolationException("break-glass-not-employed", decision.Explanation);

        var now = db.Clock.UtcNow();
        var credential = issuer.Issue(employeeId, key!.HolderPublicKey, lockFacts.LockId, now, now.AddMinutes(minutes), CredentialKind.BreakGlass);
        var clientId = lockFacts.ClientFor(decision);
        var unitId = employee.Units.FirstOrDefault()?.Id;
        var glass = new BreakGlass(scope.MunicipalityId, employeeId, lockFacts.LockId, clientId, unitId, reason!, now,
            credential.ValidUntil.UtcDateTime, credential.CredentialId, scope.UserName);
        db.BreakGlasses.Add(glass);
        db.AccessEvents.Add(new AccessEvent(scope.MunicipalityId, AccessEventKind.BreakGlass, AccessOutcome.Allowed, now, now)
        {
            EmployeeId = employeeId, DigitalKeyId = key.Id, LockId = lockFacts.LockId, ClientId = clientId, HouseholdId = lockFacts.HouseholdId,
            UnitId = unitId, CredentialId = credential.CredentialId, CredentialKind = AccessCredentialKind.BreakGlass,
            ValidUntil = credential.ValidUntil.UtcDateTime, ReasonCode = "break-glass", Detail = reason, RecordedBy = scope.UserName,
        });
        var reference = new WorkOrderReference(Reference(glass.Id), "Nödöppning", "Granska nödöppningen", null, "/Nodoppningar");
        var alerted = employee.Units.Select(u => u.Id)
            .Concat(lockFacts.Services.Where(s => s.IsActiveOn(today)).Select(s => s.UnitId)).Distinct();
        foreach (var unit in alerted)
            NotificationOutbox.Enqueue(db, NotificationTemplate.BreakGlassAlert, reference, Roles.UnitManager, unit);
        await db.SaveChangesAsync(ct);
        return new CredentialResult(true, null, null, credential, list, clientId, key)
            { IssuerKeySet = await issuers.KeySetAsync(scope.MunicipalityId, ct) };
    }

    public static string Reference(Guid id) => "N-" + id.ToString("N")[^8..].ToUpperInvariant();
}

/// <summary>A break-glass in the review list.</summary>
public sealed record BreakGlassItem(Guid Id, string Reference, DateTime IssuedAt, DateTime ValidUntil, Guid EmployeeId, string EmployeeName,
    Guid LockId, string LockSerial, Guid? ClientId, string? ClientName, string Reason, DateTime? ReviewedAt, string? ReviewedBy,
    bool? Justified, string? ReviewNote, int Version);

/// <summary>The review list: unreviewed first, then the newest.</summary>
public sealed class ListBreakGlasses(NyckelfriDbContext db) : IHandler
{
    public async Task<IReadOnlyList<BreakGlassItem>> Handle(bool onlyUnreviewed, CancellationToken ct)
    {
        var rows = db.BreakGlasses.AsNoTracking().Where(g => !onlyUnreviewed || g.ReviewedAt == null);
        var items = await (from g in rows
                           join e in db.Employees on g.EmployeeId equals e.Id into es
                           from e in es.DefaultIfEmpty()
                           join d in db.Devices on g.LockId equals d.Id into ds
                           from d in ds.DefaultIfEmpty()
                           join c in db.Clients on g.ClientId equals c.Id into cs
                           from c in cs.DefaultIfEmpty()
                           orderby g.ReviewedAt == null descending, g.IssuedAt descending
                           select new BreakGlassItem(g.Id, "", g.IssuedAt, g.ValidUntil, g.EmployeeId,
                               e == null ? "(annan utförare)" : e.FirstName + " " + e.LastName,
                               g.LockId, d == null ? "–" : d.SerialNumber, g.ClientId, c == null ? null : c.FirstName + " " + c.LastName,
                               g.Reason, g.ReviewedAt, g.ReviewedBy, g.ReviewFoundJustified, g.ReviewNote, g.Version))
            .Take(500).ToListAsync(ct);
        return items.Select(i => i with { Reference = RequestBreakGlass.Reference(i.Id) }).ToList();
    }
}

/// <summary>A unit manager (or auditor) reviews a break-glass: justified or not, with a note.</summary>
public sealed class ReviewBreakGlass(NyckelfriDbContext db) : IHandler
{
    public sealed class Command
    {
        public bool? Justified { get; set; }
        public string? Note { get; set; }
        public int Version { get; set; }
    }

    public async Task Handle(Guid id, Command command, CancellationToken ct)
    {
        var glass = await db.BreakGlasses.FirstOrDefaultAsync(g => g.Id == id, ct) ?? throw new NotFoundException("Nödöppningen");
        db.ExpectVersion(glass, command.Version);
        var v = new Validator();
        if (command.Justified is null) v.Add(nameof(Command.Justified), "Ange om nödöppningen var befogad.");
        var note = v.Optional(nameof(Command.Note), command.Note, "Kommentar", 500);
        v.ThrowIfInvalid();
        glass.Review(command.Justified!.Value, note, db.Scope.UserName, db.Clock.UtcNow());
        db.Record(glass, "Nödöppning granskad", command.Justified.Value ? "Befogad" : "Inte befogad");
        await db.SaveChangesAsync(ct);
    }
}
