using Microsoft.EntityFrameworkCore;
using Nyckelfri.Common;
using Nyckelfri.Data;

namespace Nyckelfri.History;

/// <summary>
/// The history of one record, newest first. Callers must first have loaded the record itself through
/// the scoped query filters: the history of a record you may not see is never asked for.
/// </summary>
public sealed class GetHistory(NyckelfriDbContext db) : IHandler
{
    public sealed record Line(long Id, DateTime At, string UserName, string Action, string? Reason, IReadOnlyList<FieldChange> Changes);

    public async Task<IReadOnlyList<Line>> Handle(Guid entityId, CancellationToken ct)
    {
        var rows = await db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityId == entityId)
            .OrderByDescending(a => a.Id)
            .Take(500)
            .ToListAsync(ct);
        return rows.Select(a => new Line(a.Id, a.At, a.UserName, a.Action, a.Reason, AuditTrail.Parse(a.Changes))).ToList();
    }

    /// <summary>
    /// The history as the record pages show it: references by what people recognise (a unit's name, a
    /// household's address) instead of the ids the API returns, and only those the caller may see.
    /// </summary>
    public async Task<IReadOnlyList<Line>> ForPeople(Guid entityId, CancellationToken ct) =>
        await new ReferenceNames(db).Resolve(await Handle(entityId, ct), ct);
}
