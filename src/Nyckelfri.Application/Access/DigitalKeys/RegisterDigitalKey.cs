using Microsoft.EntityFrameworkCore;
using Nyckelfri.Common;
using Nyckelfri.Data;

namespace Nyckelfri.Access;

/// <summary>
/// The alarm centre registers a new key into a stock (its own, or the staffing unit's for substitutes;
/// seed 001). A phone app or key fob comes with its public key and a proof of possession: the device's
/// signature over a challenge the server handed out for this registration (<see cref="ProofOfPossession"/>);
/// the key gets the id the challenge was made for. A web-app key is registered without a device key: the
/// employee's browser makes and enrols one after the key is handed out.
/// </summary>
public sealed class RegisterDigitalKey(NyckelfriDbContext db, ProofOfPossession proofs) : IHandler
{
    public sealed class Command
    {
        public string? KeyNumber { get; set; }
        public DigitalKeyKind? Kind { get; set; }

        /// <summary>Base64 of the 65-byte uncompressed P-256 point (0x04 || X || Y); left out for a web-app key.</summary>
        public string? HolderPublicKey { get; set; }

        /// <summary>The enrolment challenge the device signed (from the registration's challenge request).</summary>
        public Guid? EnrolmentChallengeId { get; set; }

        /// <summary>Base64 of the device's 64-byte signature over the enrolment's signed bytes.</summary>
        public string? EnrolmentProof { get; set; }

        public KeyStock? Stock { get; set; }
    }

    public async Task<Guid> Handle(Command command, CancellationToken ct)
    {
        DigitalKeyRules.RequireAlarmCentre(db.Scope, "registrerar nya digitala nycklar");
        var v = new Validator();
        var number = DigitalKeyRules.KeyNumber(v, nameof(Command.KeyNumber), command.KeyNumber);
        var kind = v.Enum(nameof(Command.Kind), command.Kind, "Typ av nyckel");
        var stock = v.Enum(nameof(Command.Stock), command.Stock, "Lager");
        byte[]? publicKey = null;
        if (kind is not null and not DigitalKeyKind.WebApp)
            publicKey = DigitalKeyRules.PublicKey(v, nameof(Command.HolderPublicKey), command.HolderPublicKey);
        await CheckUnique(db, v, nameof(Command.KeyNumber), number, null, ct);
        v.ThrowIfInvalid();

        Guid? id = null;
        if (kind != DigitalKeyKind.WebApp)
        {
            var proved = await proofs.CheckAsync(command.EnrolmentChallengeId, command.HolderPublicKey, command.EnrolmentProof,
                (nameof(Command.EnrolmentChallengeId), nameof(Command.HolderPublicKey), nameof(Command.EnrolmentProof)), ct);
            if (await db.DigitalKeys.WithoutScopeFilter().AnyAsync(k => k.Id == proved.DigitalKeyId, ct))
                throw new RuleViolationException(ProofOfPossession.ChallengeUnknown, "Utmaningen gäller en nyckel som redan finns. Hämta en ny för registreringen.");
            id = proved.DigitalKeyId;
        }
        var key = new DigitalKey(db.Scope.MunicipalityId, number!, kind!.Value, publicKey ?? [], stock!.Value, id);
        db.DigitalKeys.Add(key);
        db.Record(key, "Digital nyckel registrerad", $"I lager hos {DigitalKey.SwedishName(key.Stock)}."
            + (id is null ? " Enhetsnyckeln registreras från medarbetarens webbläsare." : " Enhetsnyckeln registrerad med bevis på innehav."));
        await db.SaveChangesAsync(ct);
        return key.Id;
    }

    /// <summary>Key numbers are unique in the municipality (the unique index is the backstop for a race).</summary>
    internal static async Task CheckUnique(NyckelfriDbContext db, Validator v, string field, string? number, Guid? except, CancellationToken ct)
    {
        if (number is null) return;
        var normalised = DigitalKey.Normalise(number);
        if (await db.DigitalKeys.WithoutScopeFilter().AnyAsync(k => k.MunicipalityId == db.Scope.MunicipalityId && k.KeyNumber == normalised && k.Id != except, ct))
            v.Add(field, $"Det finns redan en digital nyckel med nummer {normalised}.");
    }
}
