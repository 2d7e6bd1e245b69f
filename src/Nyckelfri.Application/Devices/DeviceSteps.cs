using Microsoft.EntityFrameworkCore;
using Nyckelfri.Common;
using Nyckelfri.Data;
using Nyckelfri.Households;
using Nyckelfri.Properties;

namespace Nyckelfri.Devices;

/// <summary>
/// What every device action does the same way: load the device the caller may see, insist on the
/// version the user saw, look up the place a device goes to, and save the change with a named line
/// in the device's history next to the automatic field changes.
/// </summary>
internal static class DeviceSteps
{
    public const int MaxCommentLength = 500;
    public const int MaxDescriptionLength = 1000;

    public static async Task<Device> DeviceForChange(this NyckelfriDbContext db, Guid id, CancellationToken ct) =>
        await db.Devices.FirstOrDefaultAsync(d => d.Id == id, ct) ?? throw new NotFoundException("Enheten");

    /// <summary>Required: without it a request could not be told from one based on a stale page.</summary>
    public static void RequireVersion(this Validator v, int? version)
    {
        if (version is null)
            v.Add("Version", "Uppgift om vilken version ändringen bygger på saknas. Ladda om sidan och gör ändringen igen.");
    }

    public static string? Comment(this Validator v, string? comment) =>
        v.Optional("Comment", comment, "Kommentar", MaxCommentLength);

    /// <summary>Checks a new key number against every device of the municipality, also those the caller cannot see.</summary>
    public static async Task CheckKeyNumberFree(this NyckelfriDbContext db, Validator v, Device device, string? keyNumber, CancellationToken ct)
    {
        if (keyNumber is null || keyNumber == device.KeyNumber) return;
        var taken = await db.Devices.WithoutScopeFilter()
            .AnyAsync(d => d.MunicipalityId == device.MunicipalityId && d.KeyNumber == keyNumber && d.Id != device.Id, ct);
        if (taken) v.Add("KeyNumber", $"Nyckelnumret {keyNumber} används redan av en annan enhet i kommunen.");
    }

    public static async Task<StockLocation?> StockLocation(this NyckelfriDbContext db, Validator v, Guid? id, CancellationToken ct)
    {
        if (id is null) { v.Add("StockLocationId", "Välj lagerplatsen där enheten ska förvaras."); return null; }
        var location = await db.StockLocations.FirstOrDefaultAsync(l => l.Id == id, ct);
        if (location is null) v.Add("StockLocationId", "Lagerplatsen finns inte.");
        return location;
    }

    /// <summary>A device goes to a household door or to a building entrance: exactly one of them.</summary>
    public static async Task<Place> Place(this NyckelfriDbContext db, Validator v, Guid? householdId, Guid? entranceId, CancellationToken ct)
    {
        if (householdId is not null && entranceId is not null)
        {
            v.Add("HouseholdId", "Ange antingen ett hushåll eller en port, inte båda.");
            return new Place(null, null);
        }
        if (householdId is { } h)
        {
            var household = await db.Households.FirstOrDefaultAsync(x => x.Id == h, ct);
            if (household is null) v.Add("HouseholdId", "Hushållet finns inte.");
            return new Place(household, null);
        }
        if (entranceId is { } e)
        {
            var entrance = await db.Entrances.FirstOrDefaultAsync(x => x.Id == e, ct);
            if (entrance is null) v.Add("EntranceId", "Porten finns inte.");
            return new Place(null, entrance);
        }
        v.Add("HouseholdId", "Ange hushållet eller porten som enheten ska till.");
        return new Place(null, null);
    }

    /// <summary>
    /// The shape of every simple transition: load the device the caller may see, check the version and
    /// the input (<paramref name="check"/> adds its errors and returns what the change needs), then
    /// change, and save with the named history line (<paramref name="reason"/> of the input).
    /// </summary>
    public static async Task<int> Apply<TInput>(this NyckelfriDbContext db, Guid id, int? version, Func<Validator, Task<TInput>> check,
        Action<Device, TInput> change, string action, Func<TInput, string?> reason, CancellationToken ct)
    {
        var device = await db.DeviceForChange(id, ct);
        var v = new Validator();
        v.RequireVersion(version);
        var input = await check(v);
        v.ThrowIfInvalid();

        db.ExpectVersion(device, version!.Value);
        change(device, input);
        return await db.SaveTransition(device, action, reason(input), ct);
    }

    /// <summary>A transition that takes nothing but the version and an optional comment.</summary>
    public static Task<int> ApplyCommented(this NyckelfriDbContext db, Guid id, int? version, string? comment,
        Action<Device> change, string action, CancellationToken ct) =>
        db.Apply(id, version, v => Task.FromResult(v.Comment(comment)), (device, _) => change(device), action, note => note, ct);

    /// <summary>A transition that puts the device on a shelf: a stock location and an optional comment.</summary>
    public static Task<int> ApplyShelved(this NyckelfriDbContext db, Guid id, int? version, Guid? stockLocationId, string? comment,
        Action<Device, StockLocation> change, string action, CancellationToken ct) =>
        db.Apply(id, version,
            async v => (Comment: v.Comment(comment), Location: await db.StockLocation(v, stockLocationId, ct)),
            (device, input) => change(device, input.Location!), action, input => input.Comment, ct);

    /// <summary>A transition that needs a text saying why (a fault, a reason to scrap); the text is also the history line's reason.</summary>
    public static Task<int> ApplyExplained(this NyckelfriDbContext db, Guid id, int? version, string field, string? text, string label,
        Action<Device, string> change, string action, CancellationToken ct) =>
        db.Apply(id, version, v => Task.FromResult(v.Required(field, text, label, MaxDescriptionLength)),
            (device, explanation) => change(device, explanation!), action, explanation => explanation, ct);

    /// <summary>Writes the named history line and saves. A unique index refusing the row becomes a 409 in the context.</summary>
    public static async Task<int> SaveTransition(this NyckelfriDbContext db, Device device, string action, string? reason, CancellationToken ct)
    {
        db.Record(device, action, reason);
        await db.SaveChangesAsync(ct);
        return device.Version;
    }
}

internal sealed record Place(Household? Household, Entrance? Entrance);

/// <summary>The Swedish history lines of the device transitions.</summary>
public static class DeviceHistory
{
    public const string Reserved = "Reserverad";
    public const string ReservationCancelled = "Reservation borttagen";
    public const string Installed = "Monterad";
    public const string Uninstalled = "Nedmonterad";
    public const string FaultReported = "Felanmäld";
    public const string FaultResolved = "Fel åtgärdat";
    public const string SentForRepair = "Skickad på reparation";
    public const string ReturnedFromRepair = "Tillbaka från reparation";
    public const string Scrapped = "Skrotad";
}
