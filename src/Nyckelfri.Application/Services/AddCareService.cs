using Microsoft.EntityFrameworkCore;
using Nyckelfri.Common;
using Nyckelfri.Data;
using Nyckelfri.Routines;

namespace Nyckelfri.Services;

/// <summary>
/// Adds a care service (insats) to a client the caller may see. The routine rules follow in the same
/// transaction: a new assessed home-care service for a household without a lock proposes an install.
/// </summary>
public sealed class AddCareService(NyckelfriDbContext db, RoutineRules rules) : IHandler
{
    public sealed class Command : CareServiceFields;

    /// <summary>The client's name for the form's heading; not found when the caller may not see the client.</summary>
    public async Task<string> ClientName(Guid clientId, CancellationToken ct) =>
        await db.Clients.Where(c => c.Id == clientId).Select(c => c.FirstName + " " + c.LastName).FirstOrDefaultAsync(ct)
        ?? throw new NotFoundException("Brukaren");

    public async Task<Guid> Handle(Guid clientId, Command command, CancellationToken ct)
    {
        var client = await db.Clients.FirstOrDefaultAsync(c => c.Id == clientId, ct) ?? throw new NotFoundException("Brukaren");
        var v = new Validator();
        var valid = await command.Check(db, v, ct);
        CareService? service = null;
        if (valid is not null)
            v.Try(() => service = new CareService(client, valid.Kind, command.Assessed, valid.Unit, valid.StartDate, command.EndDate));
        v.ThrowIfInvalid();

        service!.DecisionReference = valid!.DecisionReference;
        db.CareServices.Add(service);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        if ((await rules.Follow(client.HouseholdId, new ServiceChange.Added(await RoutineRules.Fact(db, service, ct)), ct)).Count > 0)
            await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return service.Id;
    }
}
