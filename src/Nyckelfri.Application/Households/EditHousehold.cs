using Microsoft.EntityFrameworkCore;
using Nyckelfri.Common;
using Nyckelfri.Data;

namespace Nyckelfri.Households;

/// <summary>
/// Edits where in the building a household lives: its apartment, and which of the address's
/// entrances leads to it (so which entrance lock its staff need). A stale edit is refused.
/// </summary>
public sealed class EditHousehold(NyckelfriDbContext db) : IHandler
{
    public sealed class Command
    {
        /// <summary>Required: every other field may be empty, so a request without it must not pass as an edit.</summary>
        public int? Version { get; set; }

        /// <summary>Apartment number (lägenhetsnummer); empty for a house.</summary>
        public string? Apartment { get; set; }

        /// <summary>One of the address's entrances, or none.</summary>
        public Guid? EntranceId { get; set; }
    }

    public sealed record EntranceOption(Guid Id, string Name);

    public async Task<Command> Load(Guid id, CancellationToken ct)
    {
        var h = await db.Households.AsNoTracking().FirstOrDefaultAsync(h => h.Id == id, ct) ?? throw new NotFoundException("Hushållet");
        return new Command { Version = h.Version, Apartment = h.Apartment, EntranceId = h.EntranceId };
    }

    /// <summary>The entrances the household may be set to: those of its own address.</summary>
    public async Task<IReadOnlyList<EntranceOption>> Entrances(Guid id, CancellationToken ct)
    {
        var addressId = await db.Households.Where(h => h.Id == id).Select(h => (Guid?)h.AddressId).FirstOrDefaultAsync(ct)
            ?? throw new NotFoundException("Hushållet");
        return await db.Entrances.AsNoTracking()
            .Where(e => e.AddressId == addressId)
            .OrderBy(e => e.Name)
            .Select(e => new EntranceOption(e.Id, e.Name))
            .ToListAsync(ct);
    }

    public async Task<int> Handle(Guid id, Command command, CancellationToken ct)
    {
        var household = await db.Households.FirstOrDefaultAsync(h => h.Id == id, ct) ?? throw new NotFoundException("Hushållet");
        var v = new Validator();
        if (command.Version is { } version) db.ExpectVersion(household, version);
        else v.Add(nameof(Command.Version), "Uppgift om vilken version ändringen bygger på saknas. Ladda om sidan och gör ändringen igen.");
        var apartment = v.Optional(nameof(Command.Apartment), command.Apartment, "Lägenhetsnummer", 20);
        if (apartment is not null && apartment != household.Apartment && await ApartmentTaken(household, apartment, ct))
            v.Add(nameof(Command.Apartment), "Det finns redan ett hushåll i den lägenheten på adressen.");
        Properties.Entrance? entrance = null;
        if (command.EntranceId is { } entranceId)
        {
            entrance = await db.Entrances.FirstOrDefaultAsync(e => e.Id == entranceId, ct);
            if (entrance is null) v.Add(nameof(Command.EntranceId), "Porten finns inte.");
            else v.Try(() => household.SetEntrance(entrance));
        }
        v.ThrowIfInvalid();

        household.Apartment = apartment;
        if (entrance is null) household.SetEntrance(null);
        await db.SaveChangesAsync(ct);
        return household.Version;
    }

    // Every household of the municipality counts, also those of clients the caller does not serve.
    private Task<bool> ApartmentTaken(Household household, string apartment, CancellationToken ct) =>
        db.Households.WithoutScopeFilter().AnyAsync(h => h.MunicipalityId == household.MunicipalityId
            && h.AddressId == household.AddressId && h.Id != household.Id && h.Apartment == apartment, ct);
}
