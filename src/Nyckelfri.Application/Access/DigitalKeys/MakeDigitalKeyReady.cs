using Microsoft.EntityFrameworkCore;
using Nyckelfri.Common;
using Nyckelfri.Data;

namespace Nyckelfri.Access;

/// <summary>
/// The alarm centre makes an ordered key ready (seed 001: "färdigställa digital nyckel efter
/// beställning"): it gets its real key number and, for a phone app or fob, the device's public key with a
/// proof of possession over a challenge handed out for this key; then it waits on the shelf for its
/// employee. A web-app key gets its device key later, from the employee's browser.
/// </summary>
public sealed class MakeDigitalKeyReady(NyckelfriDbContext db, ProofOfPossession proofs) : IHandler
{
    public sealed class Command
    {
        public int Version { get; set; }
        public string? KeyNumber { get; set; }

        /// <summary>Base64 of the 65-byte P-256 point; left out for a web-app key (the employee's browser enrols one).</summary>
        public string? HolderPublicKey { get; set; }

        /// <summary>The enrolment challenge handed out for this key, signed by the device.</summary>
        public Guid? EnrolmentChallengeId { get; set; }

        /// <summary>Base64 of the device's 64-byte signature over the enrolment's signed bytes.</summary>
        public string? EnrolmentProof { get; set; }
    }

    public async Task Handle(Guid id, Command command, CancellationToken ct)
    {
        var key = await db.DigitalKeys.FirstOrDefaultAsync(k => k.Id == id, ct) ?? throw new NotFoundException("Nyckeln");
        db.ExpectVersion(key, command.Version);
        DigitalKeyRules.RequireAlarmCentre(db.Scope, "färdigställer beställda nycklar");
        var v = new Validator();
        var number = DigitalKeyRules.KeyNumber(v, nameof(Command.KeyNumber), command.KeyNumber);
        var publicKey = key.Kind == DigitalKeyKind.WebApp ? null : DigitalKeyRules.PublicKey(v, nameof(Command.HolderPublicKey), command.HolderPublicKey);
        await RegisterDigitalKey.CheckUnique(db, v, nameof(Command.KeyNumber), number, key.Id, ct);
        v.ThrowIfInvalid();

        if (key.Status != DigitalKeyStatus.Ordered)
            throw new RuleViolationException("digital-key-illegal-transition", "Bara en beställd nyckel kan färdigställas.");
        if (key.Kind != DigitalKeyKind.WebApp)
        {
            var proved = await proofs.CheckAsync(command.EnrolmentChallengeId, command.HolderPublicKey, command.EnrolmentProof,
                (nameof(Command.EnrolmentChallengeId), nameof(Command.HolderPublicKey), nameof(Command.EnrolmentProof)), ct);
            if (proved.DigitalKeyId != key.Id)
                throw new RuleViolationException(ProofOfPossession.ChallengeUnknown, "Utmaningen gäller en annan nyckel. Hämta en ny för den här nyckeln.");
        }
        key.MakeReady(number!, publicKey ?? []);
        db.Record(key, "Digital nyckel färdigställd", $"Nyckelnummer {key.KeyNumber}.");
        await db.SaveChangesAsync(ct);
    }
}
