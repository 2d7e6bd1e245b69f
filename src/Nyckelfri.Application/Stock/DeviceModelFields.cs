using Microsoft.EntityFrameworkCore;
using Nyckelfri.Common;
using Nyckelfri.Data;
using Nyckelfri.Devices;

namespace Nyckelfri.Stock;

/// <summary>The fields of a device model that adding and editing share, and their validation. The kind is set once, when adding.</summary>
public class DeviceModelFields
{
    public string? Name { get; set; }
    public string? Supplier { get; set; }
    public string? Note { get; set; }

    internal sealed record Valid(string Name, string Supplier, string? Note);

    /// <param name="id">The model being edited (its own name is not a duplicate); null when adding.</param>
    internal async Task<Valid?> Check(Validator v, NyckelfriDbContext db, Guid? id, CancellationToken ct)
    {
        var name = v.Required(nameof(Name), Name, "Namn", 100);
        var supplier = v.Required(nameof(Supplier), Supplier, "Leverantör", 200);
        var note = v.Optional(nameof(Note), Note, "Anteckning", 500);
        if (name is not null && await NameTaken(db, name, id, ct))
            v.Add(nameof(Name), "Det finns redan en modell med det namnet.");
        return name is null || supplier is null ? null : new Valid(name, supplier, note);
    }

    internal static void ApplyTo(DeviceModel model, Valid valid)
    {
        model.Name = valid.Name;
        model.Supplier = valid.Supplier;
        model.Note = valid.Note;
    }

    // Stock is counted and ordered per model, so two models of one name could not be told apart.
    // A municipality has a handful of models: the names are compared here, ignoring case.
    private static async Task<bool> NameTaken(NyckelfriDbContext db, string name, Guid? id, CancellationToken ct)
    {
        var names = await db.DeviceModels.Where(m => m.Id != id).Select(m => m.Name).ToListAsync(ct);
        return names.Any(n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase));
    }
}
