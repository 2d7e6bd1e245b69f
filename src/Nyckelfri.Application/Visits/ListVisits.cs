using Microsoft.EntityFrameworkCore;
using Nyckelfri.Access;
using Nyckelfri.Common;
using Nyckelfri.Data;

namespace Nyckelfri.Visits;

/// <summary>
/// Visits, newest first: of one client, of one unit, of one employee, in a period of Swedish days (by
/// start). A provider's user sees the visits of its own clients and staff (the query filters); an
/// unknown or hidden client or unit is not found.
/// </summary>
public sealed class ListVisits(NyckelfriDbContext db) : IHandler
{
    public sealed record Query(Guid? ClientId = null, Guid? UnitId = null, Guid? EmployeeId = null, DateOnly? From = null, DateOnly? To = null,
        int? Page = null, int? PageSize = null);

    /// <summary>One visit; times are UTC. No end: the visit is still going on, or nobody registered leaving.</summary>
    public sealed record Item(Guid Id, Guid ClientId, string? ClientName, Guid EmployeeId, string? EmployeeName, Guid? UnitId, string? UnitName,
        VisitSource Source, DateTime StartedAt, DateTime? EndedAt)
    {
        public string SourceName => Visit.SwedishName(Source);
        public long? DurationSeconds => EndedAt is { } end ? (long)Math.Round((end - StartedAt).TotalSeconds) : null;
        public string DurationText => Duration(StartedAt, EndedAt);
    }

    public async Task<Page<Item>> Handle(Query query, CancellationToken ct)
    {
        var v = new Validator();
        var period = SwedishPeriod.Of(v, query.From, query.To);
        v.ThrowIfInvalid();
        if (query.ClientId is { } clientId && !await db.Clients.AnyAsync(c => c.Id == clientId, ct)) throw new NotFoundException("Brukaren");
        if (query.UnitId is { } unitId && !await db.Units.AnyAsync(u => u.Id == unitId, ct)) throw new NotFoundException("Enheten");

        var visits = db.Visits.AsNoTracking();
        if (query.ClientId is { } client) visits = visits.Where(x => x.ClientId == client);
        if (query.UnitId is { } unit) visits = visits.Where(x => x.UnitId == unit);
        if (query.EmployeeId is { } employee) visits = visits.Where(x => x.EmployeeId == employee);
        if (period.FromUtc is { } from) visits = visits.Where(x => x.StartedAt >= from);
        if (period.ToUtcExclusive is { } to) visits = visits.Where(x => x.StartedAt < to);
        // No IgnoreQueryFilters in here: it would switch off every filter of the query, the caller's scoping with them.
        return await visits.OrderByDescending(x => x.StartedAt).ThenByDescending(x => x.Id)
            .Select(x => new Item(x.Id,
                x.ClientId, db.Clients.Where(c => c.Id == x.ClientId).Select(c => c.FirstName + " " + c.LastName).FirstOrDefault(),
                x.EmployeeId, db.Employees.Where(e => e.Id == x.EmployeeId).Select(e => e.FirstName + " " + e.LastName).FirstOrDefault(),
                x.UnitId, db.Units.Where(u => u.Id == x.UnitId).Select(u => u.Name).FirstOrDefault(),
                x.Source, x.StartedAt, x.EndedAt))
            .ToPageAsync(query.Page, query.PageSize, ct);
    }

    /// <summary>"42 min", "1 h 5 min", or "Pågående/ej avslutat" when the visit has no end.</summary>
    public static string Duration(DateTime start, DateTime? end)
    {
        if (end is not { } e) return "Pågående/ej avslutat";
        var minutes = (int)Math.Round((e - start).TotalMinutes, MidpointRounding.AwayFromZero);
        return minutes < 60 ? $"{minutes} min" : $"{minutes / 60} h {minutes % 60} min";
    }
}
