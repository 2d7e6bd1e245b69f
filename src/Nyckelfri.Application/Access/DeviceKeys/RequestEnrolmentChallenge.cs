using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Nyckelfri.Common;
using Nyckelfri.Data;
using Nyckelfri.LockProtocol;

namespace Nyckelfri.Access;

/// <summary>
/// A fresh enrolment challenge (<see cref="DeviceKeyChallenge"/>) for the login asking: for the caller's
/// own web-app key (the staff app in a browser), or for the alarm centre's registration of a phone-app key
/// or fob (a key about to be registered gets its id now; an ordered key keeps its own).
/// </summary>
public sealed class RequestEnrolmentChallenge(NyckelfriDbContext db) : IHandler
{
    /// <summary>The challenge to sign; <paramref name="Replaces"/>: the key already has a device key, so enrolling replaces it.</summary>
    public sealed record Result(Guid ChallengeId, Guid DigitalKeyId, byte[] Challenge, DateTime ExpiresAt, bool Replaces);

    /// <summary>What is being registered: a phone-app key or fob, new or (with its id) an ordered one made ready.</summary>
    public sealed class Command
    {
        /// <summary>PhoneApp or KeyFob (a web-app key's device key comes from the employee's browser).</summary>
        public DigitalKeyKind? Kind { get; set; }

        /// <summary>The ordered key to make ready; none for a new key.</summary>
        public Guid? DigitalKeyId { get; set; }
    }

    /// <summary>For the employee's own issued web-app key.</summary>
    public async Task<Result> ForOwnWebAppKey(CancellationToken ct)
    {
        var employeeId = db.Scope.EmployeeId ?? throw new RuleViolationException("not-an-employee",
            "Ditt konto är inte kopplat till någon medarbetare, så det finns ingen digital nyckel att registrera en enhet för.");
        var key = await OwnWebAppKey(db, employeeId, ct) ?? throw NoWebAppKey();
        return await Issue(key.Id, key.HasKeyMaterial, ct);
    }

    /// <summary>For the alarm centre registering a phone-app key or fob (or making an ordered one ready).</summary>
    public async Task<Result> ForRegistration(Command command, CancellationToken ct)
    {
        DigitalKeyRules.RequireAlarmCentre(db.Scope, "registrerar digitala nycklar");
        var v = new Validator();
        var kind = v.Enum(nameof(Command.Kind), command.Kind, "Typ av nyckel");
        if (kind == DigitalKeyKind.WebApp)
            v.Add(nameof(Command.Kind), "En webbappsnyckel får sin enhetsnyckel från medarbetarens webbläsare, inte härifrån.");
        v.ThrowIfInvalid();
        if (command.DigitalKeyId is not { } id) return await Issue(Guid.CreateVersion7(), false, ct);
        var key = await db.DigitalKeys.AsNoTracking().FirstOrDefaultAsync(k => k.Id == id, ct) ?? throw new NotFoundException("Nyckeln");
        if (key.Status != DigitalKeyStatus.Ordered || key.Kind != kind)
            throw new RuleViolationException("digital-key-illegal-transition",
                "Bara en beställd nyckel till app eller bricka registreras här; en webbappsnyckel får sin enhetsnyckel från medarbetarens webbläsare.");
        return await Issue(key.Id, false, ct);
    }

    private async Task<Result> Issue(Guid digitalKeyId, bool replaces, CancellationToken ct)
    {
        var scope = db.Scope;
        var userId = scope.UserId ?? throw new RuleViolationException("no-login", "Bara en inloggad användare kan registrera en enhetsnyckel.");
        var now = db.Clock.UtcNow();
        // Old challenges are of no use to anyone: keep the table to the last day's.
        await db.DeviceKeyChallenges.WithoutScopeFilter().Where(c => c.ExpiresAt < now.AddDays(-1)).ExecuteDeleteAsync(ct);
        var challenge = new DeviceKeyChallenge(scope.MunicipalityId, userId, digitalKeyId, RandomNumberGenerator.GetBytes(Enrolment.ChallengeLength), now);
        db.DeviceKeyChallenges.Add(challenge);
        await db.SaveChangesAsync(ct);
        return new Result(challenge.Id, digitalKeyId, challenge.Challenge, challenge.ExpiresAt, replaces);
    }

    /// <summary>The employee's newest issued web-app key.</summary>
    internal static Task<DigitalKey?> OwnWebAppKey(NyckelfriDbContext db, Guid employeeId, CancellationToken ct) =>
        db.DigitalKeys.WithoutScopeFilter()
            .Where(k => k.MunicipalityId == db.Scope.MunicipalityId && k.EmployeeId == employeeId
                        && k.Kind == DigitalKeyKind.WebApp && k.Status == DigitalKeyStatus.Issued)
            .OrderByDescending(k => k.IssuedOn).FirstOrDefaultAsync(ct);

    internal static RuleViolationException NoWebAppKey() => new("no-web-app-key",
        "Du har ingen utlämnad webbappsnyckel. Kontakta Trygghetslarmscentralen (support).");
}
