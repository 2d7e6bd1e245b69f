using Microsoft.EntityFrameworkCore;
using Nyckelfri.Common;
using Nyckelfri.Data;

namespace Nyckelfri.Access;

/// <summary>
/// The alarm centre makes an ordered key ready (seed 001: "färdigställa digital nyckel efter
/// beställning"): it gets its real key number and key pair, and waits on the shelf for its employee.
/// </summary>
public sealed class MakeDigitalKeyReady(NyckelfriDbContext db, WebAppKeys webAppKeys) : IHandler
{
    public sealed class Command
    {
        public int Version { get; set; }
        public string? KeyNumber { get; set; }

        /// <summary>Base64 of the 65-byte P-256 point; left out for a web-app key (the server makes one).</summary>
        public string? HolderPublicKey { get; set; }
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
        if (key.Kind == DigitalKeyKind.WebApp)
        {
            (publicKey, var secret) = webAppKeys.Create();
            key.ProtectedPrivateKey = secret;
        }
        key.MakeReady(number!, publicKey!);
        db.Record(key, "Digital nyckel färdigställd", $"Nyckelnummer {key.KeyNumber}.");
        await db.SaveChangesAsync(ct);
    }
}
