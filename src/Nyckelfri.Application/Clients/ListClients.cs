using Microsoft.EntityFrameworkCore;
using Nyckelfri.Common;
using Nyckelfri.Data;

namespace Nyckelfri.Clients;

/// <summary>The client list: search by name, filter by provider or unit, paged. Personnummer masked.</summary>
public sealed class ListClients(NyckelfriDbContext db) : IHandler
{
    public sealed record Query(string? Search = null, Guid? ProviderId = null, Guid? UnitId = null, bool ActiveOnly = false,
        int? Page = null, int? PageSize = null);

    public sealed record Item(Guid Id, string FirstName, string LastName, string PersonalIdentityNumber,
        string Address, string? Apartment, IReadOnlyList<string> Units);

    public async Task<Page<Item>> Handle(Query query, CancellationToken ct)
    {
        var today = db.Scope.Today;
        var clients = db.Clients.AsNoTracking();
        foreach (var term in SearchText.Terms(query.Search))
            clients = clients.Where(c => c.SearchName.Contains(term));
        if (query.ProviderId is { } providerId)
            clients = clients.Where(c => c.Services.Any(s => s.Unit!.ProviderId == providerId));
        if (query.UnitId is { } unitId)
            clients = clients.Where(c => c.Services.Any(s => s.UnitId == unitId));
        if (query.ActiveOnly)
            clients = clients.Where(c => c.Services.Any(s => s.StartDate <= today && (s.EndDate == null || s.EndDate >= today)));

        var page = await clients
            .OrderBy(c => c.LastName).ThenBy(c => c.FirstName).ThenBy(c => c.Id)
            .Select(c => new Item(
                c.Id, c.FirstName, c.LastName, c.PersonalIdentityNumber.Substring(0, 8) + "-XXXX",
                c.Household!.Address!.Street + ", " + c.Household.Address.City,
                c.Household.Apartment, Array.Empty<string>()))
            .ToPageAsync(query.Page, query.PageSize, ct);

        // The units in a second query: a correlated list per row needs SQL APPLY, which SQLite lacks.
        var ids = page.Items.Select(i => i.Id).ToList();
        var units = (await db.CareServices.AsNoTracking()
                .Where(s => ids.Contains(s.ClientId) && (s.EndDate == null || s.EndDate >= today))
                .Select(s => new { s.ClientId, s.Unit!.Name })
                .ToListAsync(ct))
            .ToLookup(s => s.ClientId, s => s.Name);
        return page with { Items = page.Items.Select(i => i with { Units = units[i.Id].Distinct().Order().ToList() }).ToList() };
    }
}
