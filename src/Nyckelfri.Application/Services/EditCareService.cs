using Microsoft.EntityFrameworkCore;
using Nyckelfri.Common;
using Nyckelfri.Data;
using Nyckelfri.Routines;

namespace Nyckelfri.Services;

/// <summary>
/// Edits a care service: kind, assessment, unit, period and decision reference. Ending a service is
/// setting its end date. Based on the version the editor saw: a stale edit is refused. The routine
/// rules follow in the same transaction (an ended last service opens a removal, home care ending
/// with the alarm staying opens its routine, a move to another provider opens a change of provider).
/// </summary>
public sealed class EditCareService(NyckelfriDbContext db, RoutineRules rules) : IHandler
{
    public sealed class Command : CareServiceFields
    {
        public int Version { get; set; }
    }

    public async Task<Command> Load(Guid id, CancellationToken ct)
    {
        var s = await Visible(id).AsNoTracking().FirstOrDefaultAsync(ct) ?? throw new NotFoundException("Insatsen");
        return new Command
        {
            Version = s.Version, Kind = s.Kind, Assessed = s.Assessed, UnitId = s.UnitId,
            StartDate = s.StartDate, EndDate = s.EndDate, DecisionReference = s.DecisionReference,
        };
    }

    public async Task<int> Handle(Guid id, Command command, CancellationToken ct)
    {
        var service = await Visible(id).Include(s => s.Unit).Include(s => s.Client).FirstOrDefaultAsync(ct)
                      ?? throw new NotFoundException("Insatsen");
        db.ExpectVersion(service, command.Version);
        var before = await RoutineRules.Fact(db, service, ct);
        var v = new Validator();
        var valid = await command.Check(db, v, ct);
        if (valid is not null)
        {
            v.Try(() => service.ChangePeriod(valid.StartDate, command.EndDate));
            v.Try(() => service.MoveTo(valid.Unit));
        }
        v.ThrowIfInvalid();

        service.Kind = valid!.Kind;
        service.Assessed = command.Assessed;
        service.DecisionReference = valid.DecisionReference;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        var after = await RoutineRules.Fact(db, service, ct);
        if ((await rules.Follow(service.Client!.HouseholdId, new ServiceChange.Edited(before, after), ct)).Count > 0)
            await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return service.Version;
    }

    // The service and its client must both be visible to the caller.
    private IQueryable<CareService> Visible(Guid id) =>
        db.CareServices.Where(s => s.Id == id && db.Clients.Any(c => c.Id == s.ClientId));
}
