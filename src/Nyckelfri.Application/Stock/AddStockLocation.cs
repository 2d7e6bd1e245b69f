using Nyckelfri.Common;
using Nyckelfri.Data;
using Nyckelfri.Devices;

namespace Nyckelfri.Stock;

/// <summary>Adds a stock location (the caretaker's store, the alarm centre).</summary>
public sealed class AddStockLocation(NyckelfriDbContext db) : IHandler
{
    public sealed class Command : StockLocationFields;

    public async Task<Guid> Handle(Command command, CancellationToken ct)
    {
        var v = new Validator();
        var valid = await command.Check(v, db, id: null, ct);
        v.ThrowIfInvalid();

        var location = new StockLocation(db.Scope.MunicipalityId, valid!.Name);
        StockLocationFields.ApplyTo(location, valid);
        db.StockLocations.Add(location);
        await db.SaveChangesAsync(ct);
        return location.Id;
    }
}
