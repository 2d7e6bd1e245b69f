using Microsoft.EntityFrameworkCore;
using Nyckelfri.Common;
using Nyckelfri.Data;
using Nyckelfri.Devices;

namespace Nyckelfri.Stock;

/// <summary>The fields of a stock location that adding and editing share, and their validation.</summary>
public class StockLocationFields
{
    public string? Name { get; set; }
    public string? Description { get; set; }

    internal sealed record Valid(string Name, string? Description);

    /// <param name="id">The location being edited (its own name is not a duplicate); null when adding.</param>
    internal async Task<Valid?> Check(Validator v, NyckelfriDbContext db, Guid? id, CancellationToken ct)
    {
        var name = v.Required(nameof(Name), Name, "Namn", 100);
        var description = v.Optional(nameof(Description), Description, "Beskrivning", 500);
        if (name is not null && await NameTaken(db, name, id, ct))
            v.Add(nameof(Name), "Det finns redan en lagerplats med det namnet.");
        return name is null ? null : new Valid(name, description);
    }

    internal static void ApplyTo(StockLocation location, Valid valid)
    {
        location.Name = valid.Name;
        location.Description = valid.Description;
    }

    // The installer picks the location by name when receiving a delivery; two of one name would be a guess.
    private static async Task<bool> NameTaken(NyckelfriDbContext db, string name, Guid? id, CancellationToken ct)
    {
        var names = await db.StockLocations.Where(l => l.Id != id).Select(l => l.Name).ToListAsync(ct);
        return names.Any(n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase));
    }
}
