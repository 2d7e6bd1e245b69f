using Microsoft.EntityFrameworkCore;
using Nyckelfri.Common;
using Nyckelfri.Data;

namespace Nyckelfri.Providers;

/// <summary>Providers and their units for pick lists and filters, in name order.</summary>
public sealed class UnitLookup(NyckelfriDbContext db) : IHandler
{
    public sealed record Option(Guid Id, string Name, Guid ProviderId, string ProviderName, UnitKind Kind);
    public sealed record ProviderOption(Guid Id, string Name);

    public async Task<IReadOnlyList<Option>> Units(CancellationToken ct) =>
        await db.Units.AsNoTracking()
            .Where(u => db.Scope.ProviderId == null || u.ProviderId == db.Scope.ProviderId)
            .OrderBy(u => u.Provider!.Name).ThenBy(u => u.Name)
            .Select(u => new Option(u.Id, u.Name, u.ProviderId, u.Provider!.Name, u.Kind))
            .ToListAsync(ct);

    public async Task<IReadOnlyList<ProviderOption>> Providers(CancellationToken ct) =>
        await db.Providers.AsNoTracking()
            .Where(p => db.Scope.ProviderId == null || p.Id == db.Scope.ProviderId)
            .OrderBy(p => p.Name)
            .Select(p => new ProviderOption(p.Id, p.Name))
            .ToListAsync(ct);
}
