using Microsoft.EntityFrameworkCore;
using Nyckelfri.Common;
using Nyckelfri.Data;

namespace Nyckelfri.Clients;

/// <summary>Edits a client's own fields. Based on the version the editor saw: a stale edit is refused.</summary>
public sealed class EditClient(NyckelfriDbContext db) : IHandler
{
    public sealed class Command : ClientFields
    {
        public int Version { get; set; }

        /// <summary>Clears the stored door code (an empty <see cref="ClientFields.DoorCode"/> keeps it).</summary>
        public bool RemoveDoorCode { get; set; }
    }

    /// <summary>The form's starting values. Neither the door code nor the personnummer is sent back to the browser.</summary>
    public async Task<Command> Load(Guid id, CancellationToken ct)
    {
        var c = await db.Clients.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct) ?? throw new NotFoundException("Brukaren");
        return new Command
        {
            Version = c.Version, FirstName = c.FirstName, LastName = c.LastName,
            Phone = c.Phone, HasCodeLock = c.HasCodeLock, OpensDoorThemself = c.OpensDoorThemself,
            AgreedNoInstall = c.AgreedNoInstall, InformedOn = c.InformedOn, LockDecision = c.LockDecision,
        };
    }

    public async Task<int> Handle(Guid id, Command command, CancellationToken ct)
    {
        var client = await db.Clients.FirstOrDefaultAsync(c => c.Id == id, ct) ?? throw new NotFoundException("Brukaren");
        var v = new Validator();
        var valid = command.Check(v, db.Scope.Today, numberRequired: false);
        if (valid?.Number is not null && valid.Number.Value != client.PersonalIdentityNumber &&
            await db.Clients.WithoutScopeFilter().AnyAsync(c => c.MunicipalityId == client.MunicipalityId && c.PersonalIdentityNumber == valid.Number.Value, ct))
            v.Add(nameof(Command.PersonalIdentityNumber), "Det finns redan en brukare med detta personnummer.");
        v.ThrowIfInvalid();

        db.ExpectVersion(client, command.Version);
        command.ApplyTo(client, valid!);
        if (command.RemoveDoorCode) client.DoorCode = null;
        else if (valid!.DoorCode is not null) client.DoorCode = valid.DoorCode;
        await db.SaveChangesAsync(ct);
        return client.Version;
    }
}
