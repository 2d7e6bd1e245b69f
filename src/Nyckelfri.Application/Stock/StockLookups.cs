using Microsoft.EntityFrameworkCore;
using Nyckelfri.Common;
using Nyckelfri.Data;
using Nyckelfri.Devices;

namespace Nyckelfri.Stock;

/// <summary>
/// Finds the model or location a form field names, adding a Swedish field error when it is missing
/// or unknown, so that a command can report every wrong field at once.
/// </summary>
internal static class StockLookups
{
    public static async Task<DeviceModel?> Model(this NyckelfriDbContext db, Validator v, string field, Guid? id, CancellationToken ct)
    {
        if (id is not { } modelId) { v.Add(field, "Modell måste anges."); return null; }
        var model = await db.DeviceModels.FirstOrDefaultAsync(m => m.Id == modelId, ct);
        if (model is null) v.Add(field, "Modellen finns inte.");
        return model;
    }

    public static async Task<StockLocation?> Location(this NyckelfriDbContext db, Validator v, string field, Guid? id, CancellationToken ct)
    {
        if (id is not { } locationId) { v.Add(field, "Lagerplats måste anges."); return null; }
        var location = await db.StockLocations.FirstOrDefaultAsync(l => l.Id == locationId, ct);
        if (location is null) v.Add(field, "Lagerplatsen finns inte.");
        return location;
    }

    /// <summary>A date the user gives for something that has happened (ordered, stored, returned): not in the future.</summary>
    public static DateOnly? PastOrToday(this NyckelfriDbContext db, Validator v, string field, DateOnly? date, string label)
    {
        if (date is { } d && d > db.Scope.Today)
        {
            v.Add(field, $"{label} kan inte ligga i framtiden.");
            return null;
        }
        return date;
    }
}
