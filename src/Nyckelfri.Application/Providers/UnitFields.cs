using Microsoft.EntityFrameworkCore;
using Nyckelfri.Common;
using Nyckelfri.Data;

namespace Nyckelfri.Providers;

/// <summary>The fields of a unit that adding and editing share, and their validation.</summary>
public class UnitFields
{
    public string? Name { get; set; }
    public UnitKind? Kind { get; set; }
    public string? Phone { get; set; }

    internal sealed record Valid(string Name, UnitKind Kind, string? Phone);

    /// <param name="id">The unit being edited (its own name is not a duplicate); null when adding.</param>
    internal async Task<Valid?> Check(Validator v, NyckelfriDbContext db, Guid providerId, Guid? id, CancellationToken ct)
    {
        var name = v.Required(nameof(Name), Name, "Namn", 200);
        var kind = v.Enum(nameof(Kind), Kind, "Typ av enhet");
        var phone = v.Phone(nameof(Phone), Phone);
        if (name is not null && await NameTaken(db, providerId, name, id, ct))
            v.Add(nameof(Name), "Utföraren har redan en enhet med det namnet.");
        return name is null || kind is null ? null : new Valid(name, kind.Value, phone);
    }

    internal void ApplyTo(Unit unit, Valid valid)
    {
        unit.Name = valid.Name;
        unit.Kind = valid.Kind;
        unit.Phone = valid.Phone;
    }

    // Unit names are unique within their provider, ignoring case, so pick lists can tell them apart.
    private static async Task<bool> NameTaken(NyckelfriDbContext db, Guid providerId, string name, Guid? id, CancellationToken ct)
    {
        var names = await db.Units.Where(u => u.ProviderId == providerId && u.Id != id).Select(u => u.Name).ToListAsync(ct);
        return names.Any(n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase));
    }
}
