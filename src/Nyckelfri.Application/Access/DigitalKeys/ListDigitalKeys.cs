using Nyckelfri.Common;
using Nyckelfri.Data;

namespace Nyckelfri.Access;

/// <summary>
/// The digital keys: filter by status and stock, search by key number or the employee's name; paged.
/// A provider's user sees the keys of its own staff only (query filter).
/// </summary>
public sealed class ListDigitalKeys(NyckelfriDbContext db) : IHandler
{
    public sealed record Query(DigitalKeyStatus? Status = null, KeyStock? Stock = null, string? Search = null, Guid? EmployeeId = null,
        int? Page = null, int? PageSize = null);

    public sealed record Item(Guid Id, string KeyNumber, DigitalKeyKind Kind, DigitalKeyStatus Status, KeyStock Stock,
        Guid? EmployeeId, string? EmployeeName, DateOnly? IssuedOn, DateTime? BlockedAt)
    {
        public string StatusName => DigitalKey.SwedishName(Status);
        public string KindName => DigitalKey.SwedishName(Kind);
        public string StockName => DigitalKey.SwedishName(Stock);
    }

    public async Task<Page<Item>> Handle(Query query, CancellationToken ct)
    {
        var keys = db.DigitalKeys.AsQueryable();
        if (query.Status is { } status) keys = keys.Where(k => k.Status == status);
        // A stock is where a key lies while not out: an issued or blocked key is in no stock.
        if (query.Stock is { } stock) keys = keys.Where(k => k.Stock == stock && (k.Status == DigitalKeyStatus.InStock || k.Status == DigitalKeyStatus.Ordered));
        if (query.EmployeeId is { } employeeId) keys = keys.Where(k => k.EmployeeId == employeeId);
        foreach (var term in SearchText.Terms(query.Search))
        {
            var number = term.ToUpperInvariant();
            keys = keys.Where(k => k.KeyNumber.Contains(number) || db.Employees.Any(e => e.Id == k.EmployeeId && e.SearchName.Contains(term)));
        }
        return await keys
            .OrderBy(k => k.KeyNumber).ThenBy(k => k.Id)
            .Select(k => new Item(k.Id, k.KeyNumber, k.Kind, k.Status, k.Stock, k.EmployeeId,
                db.Employees.Where(e => e.Id == k.EmployeeId).Select(e => e.FirstName + " " + e.LastName).FirstOrDefault(),
                k.IssuedOn, k.BlockedAt))
            .ToPageAsync(query.Page, query.PageSize, ct);
    }
}
