using Microsoft.EntityFrameworkCore;
using Nyckelfri.Common;
using Nyckelfri.Data;

namespace Nyckelfri.Properties;

/// <summary>The property owner's answer about an entrance lock, as a form or a request gives it.</summary>
public class ConsentFields
{
    public ConsentStatus? ConsentStatus { get; set; }

    /// <summary>When the owner was asked, or answered. Required unless not asked.</summary>
    public DateOnly? ConsentDate { get; set; }
    public string? ConsentNote { get; set; }

    /// <summary>Checks the answer and records it on the entrance through its own rules; errors are added to <paramref name="v"/>.</summary>
    internal void RecordOn(Entrance entrance, Validator v, DateOnly today)
    {
        var status = v.Enum(nameof(ConsentStatus), ConsentStatus, "Samtycke till portlås");
        var note = v.Optional(nameof(ConsentNote), ConsentNote, "Kommentar", 500);
        if (status is { } s) v.Try(() => entrance.RecordConsent(s, ConsentDate, note, today));
    }
}

/// <summary>An entrance's name and the owner's consent, shared by adding and editing an entrance.</summary>
public class EntranceFields : ConsentFields
{
    /// <summary>How staff tell the entrances of one building apart: "Port A", "Gården".</summary>
    public string? Name { get; set; }

    internal async Task<string?> CheckName(NyckelfriDbContext db, Validator v, Guid addressId, Guid? entranceId, CancellationToken ct)
    {
        var name = v.Required(nameof(Name), Name, "Portens namn", 60);
        if (name is null) return null;
        var others = await db.Entrances.Where(e => e.AddressId == addressId && e.Id != entranceId).Select(e => e.Name).ToListAsync(ct);
        if (others.Any(o => string.Equals(o, name, StringComparison.CurrentCultureIgnoreCase)))
            v.Add(nameof(Name), "Adressen har redan en port med det namnet.");
        return name;
    }
}
