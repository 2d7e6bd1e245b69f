using Microsoft.EntityFrameworkCore;
using Nyckelfri.Common;
using Nyckelfri.Data;

namespace Nyckelfri.Services;

/// <summary>
/// Edits a care service: kind, assessment, unit, period and decision reference. Ending a service is
/// setting its end date. Based on the version the editor saw: a stale edit is refused.
/// </summary>
public sealed class EditCareService(NyckelfriDbContext db) : IHandler
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
        var service = await Visible(id).FirstOrDefaultAsync(ct) ?? throw new NotFoundException("Insatsen");
        db.ExpectVersion(service, command.Version);
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
        await db.SaveChangesAsync(ct);
        return service.Version;
    }

    // The service and its client must both be visible to the caller.
    private IQueryable<CareService> Visible(Guid id) =>
        db.CareServices.Where(s => s.Id == id && db.Clients.Any(c => c.Id == s.ClientId));
}
