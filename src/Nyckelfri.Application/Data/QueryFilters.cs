using Microsoft.EntityFrameworkCore;

namespace Nyckelfri.Data;

/// <summary>
/// The names of the DbContext's query filters (EF Core 10 named filters) and the only ways to leave them.
/// Every entity that belongs to a municipality has the <see cref="Tenant"/> filter; entities that a
/// provider's (or unit's) user sees only part of also have the <see cref="Scope"/> filter. Nothing in
/// src calls <c>IgnoreQueryFilters</c> itself (an architecture test, QueryFilterUseTests, fails on it).
/// </summary>
public static class QueryFilters
{
    /// <summary>Nobody sees another municipality's rows.</summary>
    public const string Tenant = "Tenant";

    /// <summary>A provider's or unit's user sees its own clients, staff and what follows them.</summary>
    public const string Scope = "Scope";

    private static readonly string[] ScopeOnly = [Scope];
    private static readonly string[] All = [Tenant, Scope];

    /// <summary>
    /// Leaves the provider/unit scope and keeps the municipality: for rules that must see past the
    /// caller's provider (a key held by another provider's employee, a work order's earlier unit),
    /// always within the caller's municipality.
    /// </summary>
    public static IQueryable<T> WithoutScopeFilter<T>(this IQueryable<T> query) where T : class =>
        query.IgnoreQueryFilters(ScopeOnly);

    /// <summary>
    /// Leaves every filter, the municipality's too. Only where no municipality is known yet (who is
    /// logging in, whose API key this is) or the work is the system's across municipalities; each use is
    /// on the reviewed list of QueryFilterUseTests, and a new one fails that test until it is reviewed.
    /// </summary>
    public static IQueryable<T> AcrossMunicipalities<T>(this IQueryable<T> query) where T : class =>
        query.IgnoreQueryFilters(All);
}
