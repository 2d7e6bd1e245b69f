using Microsoft.EntityFrameworkCore;
using Nyckelfri.Common;
using Nyckelfri.Data;

namespace Nyckelfri.Access;

/// <summary>
/// The alarm centre registers a new key into a stock (its own, or the staffing unit's for substitutes;
/// seed 001). A phone app or key fob comes with its public key; for a web-app key the server makes the
/// key pair itself and keeps the private half encrypted.
/// </summary>
public sealed class RegisterDigitalKey(NyckelfriDbContext db, WebAppKeys webAppKeys) : IHandler
{
    public sealed class Command
    {
        public string? KeyNumber { get; set; }
        public DigitalKeyKind? Kind { get; set; }

        /// <summary>Base64 of the 65-byte uncompressed P-256 point (0x04 || X || Y); left out for a web-app key.</summary>
        public string? HolderPublicKey { get; set; }
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

        string? secret = null;
        if (kind == DigitalKeyKind.WebApp) (publicKey, secret) = webAppKeys.Create();
        var key = new DigitalKey(db.Scope.MunicipalityId, number!, kind!.Value, publicKey!, stock!.Value) { ProtectedPrivateKey = secret };
        db.DigitalKeys.Add(key);
        db.Record(key, "Digital nyckel registrerad", $"I lager hos {DigitalKey.SwedishName(key.Stock)}.");
        await db.SaveChangesAsync(ct);
        return key.Id;
    }

    /// <summary>Key numbers are unique in the municipality (the unique index is the backstop for a race).</summary>
    internal static async Task CheckUnique(NyckelfriDbContext db, Validator v, string field, string? number, Guid? except, CancellationToken ct)
    {
        if (number is null) return;
        var normalised = DigitalKey.Normalise(number);
        if (await db.DigitalKeys.IgnoreQueryFilters().AnyAsync(k => k.MunicipalityId == db.Scope.MunicipalityId && k.KeyNumber == normalised && k.Id != except, ct))
            v.Add(field, $"Det finns redan en digital nyckel med nummer {normalised}.");
    }
}
