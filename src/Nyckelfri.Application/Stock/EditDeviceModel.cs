using Microsoft.EntityFrameworkCore;
using Nyckelfri.Common;
using Nyckelfri.Data;

namespace Nyckelfri.Stock;

/// <summary>Edits a device model's name, supplier and note. The kind stays: devices of the model already carry it.</summary>
public sealed class EditDeviceModel(NyckelfriDbContext db) : IHandler
{
    public sealed class Command : DeviceModelFields
    {
        public int Version { get; set; }
    }

    public async Task<Command> Load(Guid id, CancellationToken ct)
    {
        var m = await db.DeviceModels.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, ct) ?? throw new NotFoundException("Modellen");
        return new Command { Version = m.Version, Name = m.Name, Supplier = m.Supplier, Note = m.Note };
    }

    public async Task<int> Handle(Guid id, Command command, CancellationToken ct)
    {
        var model = await db.DeviceModels.FirstOrDefaultAsync(m => m.Id == id, ct) ?? throw new NotFoundException("Modellen");
        var v = new Validator();
        var valid = await command.Check(v, db, id, ct);
        v.ThrowIfInvalid();

        db.ExpectVersion(model, command.Version);
        DeviceModelFields.ApplyTo(model, valid!);
        await db.SaveChangesAsync(ct);
        return model.Version;
    }
}
