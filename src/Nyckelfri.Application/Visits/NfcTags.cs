using Microsoft.EntityFrameworkCore;
using Nyckelfri.Access;
using Nyckelfri.Common;
using Nyckelfri.Data;
using Nyckelfri.Keys;

namespace Nyckelfri.Visits;

/// <summary>One NFC tag at a client's home (seed 003 §5).</summary>
public sealed record NfcTagItem(Guid Id, int Version, Guid ClientId, string TagId, string? Placement, bool Active);

/// <summary>The client's NFC tags, active first. Not found when the caller may not see the client.</summary>
public sealed class ClientNfcTags(NyckelfriDbContext db) : IHandler
{
    public async Task<IReadOnlyList<NfcTagItem>> Handle(Guid clientId, CancellationToken ct)
    {
        if (!await db.Clients.AnyAsync(c => c.Id == clientId, ct)) throw new NotFoundException("Brukaren");
        return await db.NfcTags.AsNoTracking().Where(t => t.ClientId == clientId)
            .OrderByDescending(t => t.Active).ThenBy(t => t.TagId)
            .Select(t => new NfcTagItem(t.Id, t.Version, t.ClientId, t.TagId, t.Placement, t.Active))
            .ToListAsync(ct);
    }
}

public sealed class GetNfcTag(NyckelfriDbContext db) : IHandler
{
    public async Task<NfcTagItem> Handle(Guid id, CancellationToken ct) =>
        await db.NfcTags.AsNoTracking().Where(t => t.Id == id)
            .Select(t => new NfcTagItem(t.Id, t.Version, t.ClientId, t.TagId, t.Placement, t.Active))
            .FirstOrDefaultAsync(ct) ?? throw new NotFoundException("NFC-taggen");
}

/// <summary>
/// Registers an NFC tag at a client's home, where there is no digital lock yet (an install can take
/// about five working days) or none can be mounted: scanning it registers the visit (seed 003 §5).
/// A tag once taken down may be put up again at the same client, never at another.
/// </summary>
public sealed class RegisterNfcTag(NyckelfriDbContext db) : IHandler
{
    public sealed class Command
    {
        /// <summary>The tag's identifier as the phone reads it (its UID, for example "04:A2:1B:7C:5D:80").</summary>
        public string? TagId { get; set; }

        /// <summary>Where at the home the tag sits ("innanför ytterdörren"), to find it.</summary>
        public string? Placement { get; set; }
    }

    public async Task<Guid> Handle(Guid clientId, Command command, CancellationToken ct)
    {
        var client = await db.Clients.AsNoTracking().Where(c => c.Id == clientId)
            .Select(c => new { c.MunicipalityId, c.HouseholdId }).FirstOrDefaultAsync(ct) ?? throw new NotFoundException("Brukaren");
        var v = new Validator();
        var tagId = TagId(v, command.TagId);
        var placement = v.Optional(nameof(Command.Placement), command.Placement, "Placering", 100);
        v.ThrowIfInvalid();
        if (await HouseholdLock.IsMountedAsync(db, client.HouseholdId, ct))
            throw new RuleViolationException("nfc-tag-lock-mounted",
                "Brukaren har ett digitalt lås: besöken registreras av låset. Ta ned NFC-taggen i stället för att registrera den.");

        // Tags are unique in the municipality, whoever may see the client they sit at.
        var existing = await db.NfcTags.WithoutScopeFilter()
            .FirstOrDefaultAsync(t => t.MunicipalityId == client.MunicipalityId && t.TagId == tagId, ct);
        if (existing is not null)
        {
            if (existing.ClientId != clientId || existing.Active)
                throw new RuleViolationException("nfc-tag-taken", "NFC-taggen är redan registrerad. Använd en ny tagg.");
            existing.Reactivate(placement);
            await db.SaveChangesAsync(ct);
            return existing.Id;
        }
        var tag = new NfcTag(client.MunicipalityId, tagId!, clientId, placement);
        db.NfcTags.Add(tag);
        await db.SaveChangesAsync(ct);
        return tag.Id;
    }

    /// <summary>Letters, digits, colons and dashes, upper-cased: the form phones show a tag's UID in.</summary>
    internal static string? TagId(Validator v, string? given, string field = nameof(Command.TagId))
    {
        var text = v.Required(field, given, "Taggens id", NfcTag.MaxTagLength);
        if (text is null) return null;
        if (!text.All(c => char.IsAsciiLetterOrDigit(c) || c is ':' or '-'))
        {
            v.Add(field, "Taggens id får bara innehålla bokstäver a–z, siffror, kolon och bindestreck.");
            return null;
        }
        return DigitalKey.Normalise(text);
    }
}

/// <summary>Takes an NFC tag out of use (a lock was installed, the tag was lost or the client's service ended).</summary>
public sealed class DeactivateNfcTag(NyckelfriDbContext db) : IHandler
{
    public async Task Handle(Guid id, CancellationToken ct)
    {
        var tag = await db.NfcTags.FirstOrDefaultAsync(t => t.Id == id, ct) ?? throw new NotFoundException("NFC-taggen");
        tag.Deactivate();
        await db.SaveChangesAsync(ct);
    }
}
