using Microsoft.AspNetCore.Identity;
using Nyckelfri.Common;
using Nyckelfri.Data;
using Nyckelfri.Identity;

namespace Nyckelfri.Access;

/// <summary>
/// The employee's browser enrols the device key it made (WebCrypto, not extractable) on the employee's
/// web-app key, with a proof of possession over a fresh challenge. The first enrolment needs nothing more.
/// Replacing an enrolled device key (a new phone, another browser) needs the login's password again; the
/// old device key goes onto the revocation list in the same save, so a credential still on the old device
/// stops at every lock that gets the list, and the key's history says so.
/// </summary>
public sealed class EnrolWebAppDeviceKey(NyckelfriDbContext db, ProofOfPossession proofs, RevocationLists lists, UserManager<AppUser> users) : IHandler
{
    public const string PasswordRequired = "password-required";
    public const string PasswordWrong = "password-wrong";

    public sealed class Command
    {
        public Guid? ChallengeId { get; set; }

        /// <summary>Base64 of the 65-byte P-256 point the browser exported (0x04 ‖ X ‖ Y).</summary>
        public string? PublicKey { get; set; }

        /// <summary>Base64 of the 64-byte low-S signature over the enrolment's signed bytes.</summary>
        public string? Proof { get; set; }

        /// <summary>The login's password: required only when the key already has another device key.</summary>
        public string? Password { get; set; }
    }

    /// <summary><paramref name="RevocationListVersion"/>: the list that blocks the replaced device key, if one was replaced.</summary>
    public sealed record Result(Guid DigitalKeyId, string Fingerprint, bool Replaced, long? RevocationListVersion);

    public async Task<Result> Handle(Command command, CancellationToken ct)
    {
        var scope = db.Scope;
        var employeeId = scope.EmployeeId ?? throw new RuleViolationException("not-an-employee",
            "Ditt konto är inte kopplat till någon medarbetare, så det finns ingen digital nyckel att registrera en enhet för.");
        var proved = await proofs.CheckAsync(command.ChallengeId, command.PublicKey, command.Proof,
            (nameof(Command.ChallengeId), nameof(Command.PublicKey), nameof(Command.Proof)), ct);
        var key = await RequestEnrolmentChallenge.OwnWebAppKey(db, employeeId, ct);
        if (key is null || key.Id != proved.DigitalKeyId) throw RequestEnrolmentChallenge.NoWebAppKey();
        if (key.HasKeyMaterial && key.HolderPublicKey.AsSpan().SequenceEqual(proved.PublicKey))
            return new Result(key.Id, Fingerprint(key), false, null);
        var passwordChecked = key.HasKeyMaterial;
        if (passwordChecked) await RequirePassword(scope.UserId!, command.Password);

        // A replacement publishes a revocation list; two publishes at once take the same version, the unique
        // index refuses the second save, and that one starts over once on a clean unit of work (as a block does).
        try
        {
            return await Enrol(key, proved.PublicKey, ct);
        }
        catch (Exception e) when (e is ConcurrencyConflictException or RuleViolationException { Code: "duplicate" })
        {
            db.ChangeTracker.Clear();
            var again = await RequestEnrolmentChallenge.OwnWebAppKey(db, employeeId, ct);
            if (again is null || again.Id != proved.DigitalKeyId) throw RequestEnrolmentChallenge.NoWebAppKey();
            // Another device may have enrolled in between: taking the key from it needs the password, here too.
            if (!passwordChecked && again.HasKeyMaterial && !again.HolderPublicKey.AsSpan().SequenceEqual(proved.PublicKey))
                await RequirePassword(scope.UserId!, command.Password);
            return await Enrol(again, proved.PublicKey, ct);
        }
    }

    private async Task<Result> Enrol(DigitalKey key, byte[] publicKey, CancellationToken ct)
    {
        var scope = db.Scope;
        if (key.HasKeyMaterial && key.HolderPublicKey.AsSpan().SequenceEqual(publicKey))
            return new Result(key.Id, Fingerprint(key), false, null);
        var replaced = key.EnrolDeviceKey(publicKey);
        long? listVersion = null;
        // The old device key goes on a new revocation list in the same transaction as the enrolment.
        await using var transaction = replaced is null ? null : await db.Database.BeginTransactionAsync(ct);
        if (replaced is not null)
        {
            db.ReplacedDeviceKeys.Add(new ReplacedDeviceKey(key.MunicipalityId, key.Id, replaced, db.Clock.UtcNow(), scope.UserName));
            listVersion = (await lists.PublishAsync(key.MunicipalityId, ct)).ListVersion;
            db.Record(key, "Enhetsnyckel bytt",
                $"Ny webbläsare eller telefon (fingeravtryck {Fingerprint(key)}); den tidigare enhetsnyckeln är spärrad i spärrlista version {listVersion}.");
        }
        else db.Record(key, "Enhetsnyckel registrerad", $"Webbläsarens nyckel med fingeravtryck {Fingerprint(key)}, med bevis på innehav.");
        await db.SaveChangesAsync(ct);
        if (transaction is not null) await transaction.CommitAsync(ct);
        return new Result(key.Id, Fingerprint(key), replaced is not null, listVersion);
    }

    private async Task RequirePassword(string userId, string? password)
    {
        if (string.IsNullOrEmpty(password))
            throw new RuleViolationException(PasswordRequired,
                "Nyckeln finns redan i en annan webbläsare eller telefon. Ange ditt lösenord för att flytta den hit; den gamla spärras.");
        var user = await users.FindByIdAsync(userId) ?? throw new RuleViolationException(PasswordWrong, "Fel lösenord.");
        if (await users.IsLockedOutAsync(user) || !await users.CheckPasswordAsync(user, password))
        {
            await users.AccessFailedAsync(user);
            throw new RuleViolationException(PasswordWrong, "Fel lösenord, eller kontot är tillfälligt låst efter för många försök.");
        }
        await users.ResetAccessFailedCountAsync(user);
    }

    public static string Fingerprint(DigitalKey key) => Convert.ToHexString(key.HolderKeyHash)[..16];
}
