using Microsoft.EntityFrameworkCore;
using Nyckelfri.Common;
using Nyckelfri.Data;

namespace Nyckelfri.Providers;

/// <summary>The provider list: search by name, filter by kind, paged.</summary>
public sealed class ListProviders(NyckelfriDbContext db) : IHandler
{
    public sealed record Query(string? Search = null, ProviderKind? Kind = null, int? Page = null, int? PageSize = null);

    public sealed record Item(Guid Id, string Name, ProviderKind Kind, string? OrganizationNumber, string? Phone, int UnitCount);

    public async Task<Page<Item>> Handle(Query query, CancellationToken ct)
    {
        var providers = db.Providers.AsNoTracking();
        if (query.Kind is { } kind)
            providers = providers.Where(p => p.Kind == kind);
        var terms = SearchText.Terms(query.Search);
        if (terms.Length > 0)
        {
            // Providers have no stored search key (clients and employees do). A municipality has tens of
            // them, so their names are folded here with Swedish rules; SQLite's lower() knows only ASCII.
            var names = await providers.Select(p => new { p.Id, p.Name }).ToListAsync(ct);
            var ids = names.Where(p => terms.All(SearchText.Of(p.Name).Contains)).Select(p => p.Id).ToList();
            providers = providers.Where(p => ids.Contains(p.Id));
        }

        return await providers
            .OrderBy(p => p.Name).ThenBy(p => p.Id)
            .Select(p => new Item(p.Id, p.Name, p.Kind, p.OrganizationNumber, p.Phone, p.Units.Count))
            .ToPageAsync(query.Page, query.PageSize, ct);
    }
}
