using Nyckelfri.Common;
using Nyckelfri.Data;
using Nyckelfri.Devices;

namespace Nyckelfri.Stock;

/// <summary>Adds a device model (a product the municipality buys) of a given kind.</summary>
public sealed class AddDeviceModel(NyckelfriDbContext db) : IHandler
{
    public sealed class Command : DeviceModelFields
    {
        public DeviceKind? Kind { get; set; }
    }

    public async Task<Guid> Handle(Command command, CancellationToken ct)
    {
        var v = new Validator();
        var kind = v.Enum(nameof(Command.Kind), command.Kind, "Typ av utrustning");
        var valid = await command.Check(v, db, id: null, ct);
        v.ThrowIfInvalid();

        var model = new DeviceModel(db.Scope.MunicipalityId, kind!.Value, valid!.Name, valid.Supplier);
        DeviceModelFields.ApplyTo(model, valid);
        db.DeviceModels.Add(model);
        await db.SaveChangesAsync(ct);
        return model.Id;
    }
}
