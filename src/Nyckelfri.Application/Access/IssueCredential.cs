using Microsoft.EntityFrameworkCore;
using Nyckelfri.Common;
using Nyckelfri.Data;
using Nyckelfri.LockProtocol;

namespace Nyckelfri.Access;

/// <summary>What the app gets back: a credential and the newest revocation list to carry, or why not.</summary>
public sealed record CredentialResult(
    bool Issued,
    string? RefusalCode,
    string? Refusal,
    Credential? Credential,
    CurrentRevocationList RevocationList,
    Guid? ClientId,
    DigitalKey? Key)
{
    /// <summary>The newest issuer key set, carried to the lock before the revocation list (which the newest key may have signed).</summary>
    public CurrentIssuerKeySet? IssuerKeySet { get; init; }

    public static CredentialResult Refused(string code, string reason, CurrentRevocationList list) => new(false, code, reason, null, list, null, null);
}

/// <summary>
/// The online path (SPEC §6): the staff app asks for a credential for one lock. The server issues a
/// short-lived ES256 credential bound to the employee, the key's device key and the lock only when the
/// permission holds now, for at most one shift (12 h) and never past the last day the permission holds.
/// Every answer, issued or refused, is a line in the access log.
/// </summary>
public sealed class IssueCredential(NyckelfriDbContext db, AccessFacts facts, IssuerKeys issuers, RevocationLists lists) : IHandler
{
    public static readonly TimeSpan ShiftLength = Protocol.MaxValidity;

    public sealed class Command
    {
        public Guid? LockId { get; set; }

        /// <summary>The key (app or fob) asking; optional when the employee has exactly one issued key.</summary>
        public Guid? DigitalKeyId { get; set; }

        /// <summary>The device key the app holds (base64 of 0x04||X||Y); when given it must be the key's registered one.</summary>
        public string? HolderPublicKey { get; set; }
    }

    public async Task<CredentialResult> Handle(Command command, CancellationToken ct)
    {
        var v = new Validator();
        if (command.LockId is null || command.LockId == Guid.Empty) v.Add(nameof(Command.LockId), "Ange vilket lås.");
        var presentedKey = HolderKey(v, command.HolderPublicKey);
        v.ThrowIfInvalid();

        var scope = db.Scope;
        var employeeId = await LinkedEmployeeAsync(ct) ?? throw new RuleViolationException("not-an-employee",
            "Ditt konto är inte kopplat till någon medarbetare, så det finns ingen digital nyckel att utfärda behörighet till.");
        var issuer = await issuers.ForMunicipalityAsync(scope.MunicipalityId, ct);
        var list = await lists.CurrentAsync(scope.MunicipalityId, ct);
        var now = db.Clock.UtcNow();
        var today = db.Clock.Today();

        var lockFacts = await facts.ForLockAsync(command.LockId!.Value, ct) ?? throw new NotFoundException("Låset");
        var key = await KeyOf(employeeId, command.DigitalKeyId, presentedKey, ct);
        if (KeyRefusal(key, presentedKey) is { } keyRefusal) return await Refuse(keyRefusal.Code, keyRefusal.Text);

        var employee = await facts.ForEmployeeAsync(employeeId, today, ct) ?? throw new NotFoundException("Medarbetaren");
        var decision = AccessPolicy.Decide(employee, lockFacts.Services, today);
        if (!decision.Allowed)
            return await Refuse(decision.Denial!.Value.ToString(), decision.Explanation, lockFacts.ClientFor(decision));

        var until = UntilFor(now, decision.LastDay);
        if (until <= now)
            return await Refuse("permission-ending", $"Behörigheten upphör vid dagens slut; låsets klocka får gå {CredentialWindow.LockSkew.TotalSeconds:0} sekunder fel, så ingen behörighet utfärdas de sista minuterna.",
                lockFacts.ClientFor(decision));
        var credential = issuer.Issue(employeeId, key!.HolderPublicKey, lockFacts.LockId, now, until);
        var path = decision.Paths[0];
        db.AccessEvents.Add(new AccessEvent(scope.MunicipalityId, AccessEventKind.CredentialIssued, AccessOutcome.Allowed, now, now)
        {
            EmployeeId = employeeId, DigitalKeyId = key.Id, LockId = lockFacts.LockId, ClientId = path.ClientId,
            HouseholdId = lockFacts.HouseholdId, UnitId = path.UnitId, CredentialId = credential.CredentialId,
            CredentialKind = AccessCredentialKind.Normal, ValidUntil = credential.ValidUntil.UtcDateTime,
            Detail = path.Explanation, RecordedBy = scope.UserName,
        });
        await db.SaveChangesAsync(ct);
        return new CredentialResult(true, null, null, credential, list, path.ClientId, key)
            { IssuerKeySet = await issuers.KeySetAsync(scope.MunicipalityId, ct) };

        async Task<CredentialResult> Refuse(string code, string reason, Guid? clientId = null)
        {
            db.AccessEvents.Add(new AccessEvent(scope.MunicipalityId, AccessEventKind.CredentialRefused, AccessOutcome.Denied, now, now)
            {
                EmployeeId = employeeId, DigitalKeyId = key?.Id, LockId = lockFacts.LockId, HouseholdId = lockFacts.HouseholdId,
                ClientId = clientId ?? lockFacts.Services.FirstOrDefault()?.ClientId, ReasonCode = code, Detail = reason,
                RecordedBy = scope.UserName,
            });
            await db.SaveChangesAsync(ct);
            return CredentialResult.Refused(code, reason, list);
        }
    }

    /// <summary>
    /// One shift from now, cut so that even the lock's clock skew stays inside the permission's last day
    /// (valid until + skew is at most 23:59:59 Swedish time on it; <see cref="CredentialWindow"/>). At
    /// or before <paramref name="now"/> when the day is about to end: nothing is issued then.
    /// </summary>
    public static DateTime UntilFor(DateTime now, DateOnly? lastDay)
    {
        var until = now + ShiftLength;
        if (lastDay is { } last && CredentialWindow.LatestUntil(last) is var latest && latest < until) until = latest;
        return until;
    }

    /// <summary>
    /// The employee the caller's login is linked to now, read from the login rather than the token: an
    /// administrator's unlink stops new credentials at once, not when the token expires.
    /// </summary>
    internal async Task<Guid?> LinkedEmployeeAsync(CancellationToken ct)
    {
        var scope = db.Scope;
        if (scope.UserId is not { } userId) return scope.EmployeeId;
        return await db.Users.AsNoTracking().Where(u => u.Id == userId && u.MunicipalityId == scope.MunicipalityId)
            .Select(u => u.EmployeeId).FirstOrDefaultAsync(ct);
    }

    /// <summary>The device key the app says it holds, checked for shape (the key it must match is checked later).</summary>
    internal static byte[]? HolderKey(Validator v, string? holderPublicKey)
    {
        if (holderPublicKey is not { Length: > 0 } text) return null;
        var presented = Base64(text);
        if (presented is not { Length: Protocol.PublicKeyLength })
            v.Add(nameof(Command.HolderPublicKey), "Enhetens publika nyckel ska vara 65 byte (0x04||X||Y) i base64.");
        return presented;
    }

    /// <summary>Why no credential may be issued to <paramref name="key"/>, or null.</summary>
    internal static (string Code, string Text)? KeyRefusal(DigitalKey? key, byte[]? presentedKey) => key switch
    {
        null => ("no-key", "Du har ingen utlämnad digital nyckel. Kontakta Trygghetslarmscentralen (support)."),
        { Status: DigitalKeyStatus.Blocked } => ("key-blocked", "Nyckeln är spärrad. Ingen behörighet utfärdas till en spärrad nyckel."),
        { Status: not DigitalKeyStatus.Issued } => ("no-key", "Nyckeln är inte utlämnad till dig."),
        { HasKeyMaterial: false } => (OpenDoor.NotEnrolledCode, "Nyckeln har ingen enhetsnyckel ännu: öppna en gång från webbläsaren så registreras den."),
        _ when presentedKey is not null && !presentedKey.AsSpan().SequenceEqual(key.HolderPublicKey) =>
            ("device-key-mismatch", "Enhetens nyckel stämmer inte med den registrerade digitala nyckeln."),
        _ => null,
    };

    /// <summary>
    /// Which of the employee's keys a request is for (docs/digital-keys.md, "Which key"): the key named by
    /// <paramref name="digitalKeyId"/> if it is theirs; else the issued key whose device key is
    /// <paramref name="presentedKey"/>; else the issued key handed out last (the latest issue date, then
    /// the highest key number); else, so that the refusal can say so, the key blocked last.
    /// </summary>
    internal async Task<DigitalKey?> KeyOf(Guid employeeId, Guid? digitalKeyId, byte[]? presentedKey, CancellationToken ct)
    {
        var keys = db.DigitalKeys.WithoutScopeFilter().Where(k => k.MunicipalityId == db.Scope.MunicipalityId);
        if (digitalKeyId is { } id)
        {
            var named = await keys.FirstOrDefaultAsync(k => k.Id == id, ct);
            // A blocked key was the employee's when blocked; one handed to someone else is not theirs.
            return named is not null && (named.EmployeeId == employeeId || named.EmployeeId is null && named.Status != DigitalKeyStatus.Issued) ? named : null;
        }
        var mine = await keys.Where(k => k.EmployeeId == employeeId).ToListAsync(ct);
        var issued = mine.Where(k => k.Status == DigitalKeyStatus.Issued).OrderByDescending(k => k.IssuedOn).ThenByDescending(k => k.KeyNumber, StringComparer.Ordinal).ToList();
        return (presentedKey is null ? null : issued.FirstOrDefault(k => presentedKey.AsSpan().SequenceEqual(k.HolderPublicKey)))
               ?? issued.FirstOrDefault()
               ?? mine.OrderByDescending(k => k.BlockedAt).FirstOrDefault(k => k.Status == DigitalKeyStatus.Blocked);
    }

    private static byte[]? Base64(string text)
    {
        try { return Convert.FromBase64String(text); }
        catch (FormatException) { return null; }
    }
}
