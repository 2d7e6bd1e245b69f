using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Nyckelfri.Common;
using Nyckelfri.Data;
using Nyckelfri.Identity;

namespace Nyckelfri.Routines;

/// <summary>
/// Work-order lists: all orders the caller may see, with filters (kind, state, owner role, overdue,
/// a client, an entrance, a number), or the caller's inbox (<see cref="Query.Mine"/>): what the
/// caller's roles own now, for a provider role at the caller's own provider (and unit). Overdue first,
/// then by due date, then newest. The CSV export carries no personal data: numbers, kinds, steps, roles, units, dates.
/// </summary>
public sealed class ListWorkOrders(NyckelfriDbContext db) : IHandler
{
    public const int MaxExportRows = 10_000;

    public sealed record Query(RoutineKind? Kind = null, WorkOrderState? State = null, bool Active = false, string? OwnerRole = null,
        bool Overdue = false, bool Mine = false, Guid? ClientId = null, Guid? EntranceId = null, string? Search = null,
        int? Page = null, int? PageSize = null);

    public sealed record Item(Guid Id, string Reference, RoutineKind Kind, string KindName, WorkOrderState State, string StateName,
        string? StepTitle, string? OwnerRole, string? OwnerRoleName, string? OwnerUnitName, string? TakenBy, DateOnly? DueOn, bool Overdue,
        DateTime CreatedAt, string? Address);

    private sealed record Row(Guid Id, int Number, RoutineKind Kind, WorkOrderState State, string? StepCode, string? OwnerRole, Guid? OwnerUnitId,
        string? OwnerUnitName, string? TakenBy, DateOnly? DueOn, DateTime CreatedAt, string? Street, string? EntranceStreet);

    public async Task<Page<Item>> Handle(Query query, CancellationToken ct)
    {
        var page = await Rows(Filtered(query)).ToPageAsync(query.Page, query.PageSize, ct);
        return new Page<Item>(page.Items.Select(ToItem).ToList(), page.PageNumber, page.PageSize, page.TotalCount);
    }

    /// <summary>The filtered list as CSV (semicolon-separated, as Swedish Excel reads it), at most <see cref="MaxExportRows"/> rows.</summary>
    public async Task<string> Csv(Query query, CancellationToken ct)
    {
        var rows = await Rows(Filtered(query)).Take(MaxExportRows).ToListAsync(ct);
        var csv = new StringBuilder("Ärende;Typ;Status;Steg;Ägande roll;Enhet;Tagen av;Senast;Försenat;Skapat\r\n");
        foreach (var item in rows.Select(ToItem))
            csv.AppendJoin(';', new[] { item.Reference, item.KindName, item.StateName, item.StepTitle ?? "", item.OwnerRoleName ?? "",
                    item.OwnerUnitName ?? "", item.TakenBy ?? "", item.DueOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "",
                    item.Overdue ? "Ja" : "Nej", item.CreatedAt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) }
                .Select(CsvText.Cell))
               .Append("\r\n");
        return csv.ToString();
    }

    private IQueryable<WorkOrder> Filtered(Query query)
    {
        var orders = db.WorkOrders.AsNoTracking();
        var today = db.Scope.Today;
        if (query.Kind is { } kind) orders = orders.Where(w => w.Kind == kind);
        if (query.State is { } state) orders = orders.Where(w => w.State == state);
        if (query.Active || query.Mine) orders = orders.Where(w => w.State == WorkOrderState.Proposed || w.State == WorkOrderState.Open);
        if (!string.IsNullOrWhiteSpace(query.OwnerRole)) orders = orders.Where(w => w.OwnerRole == query.OwnerRole);
        if (query.Overdue)
            orders = orders.Where(w => (w.State == WorkOrderState.Proposed || w.State == WorkOrderState.Open) && w.DueOn != null && w.DueOn < today);
        if (query.ClientId is { } client)
            orders = orders.Where(w => w.ClientId == client || (w.HouseholdId != null && db.Clients.Any(c => c.Id == client && c.HouseholdId == w.HouseholdId)));
        if (query.EntranceId is { } entrance) orders = orders.Where(w => w.EntranceId == entrance);
        if (Number(query.Search) is { } number) orders = orders.Where(w => w.Number == number);
        if (query.Mine) orders = Mine(orders);
        return orders;
    }

    /// <summary>The caller's inbox: their roles own it; a provider role only at the caller's provider (and own unit, when tied to one).</summary>
    private IQueryable<WorkOrder> Mine(IQueryable<WorkOrder> orders)
    {
        var scope = db.Scope;
        var roles = scope.Roles.ToList();
        var providerRoles = roles.Where(Roles.ProviderScoped.Contains).ToList();
        var providerId = scope.ProviderId;
        var unitId = scope.UnitId;
        return orders.Where(w => w.OwnerRole != null && roles.Contains(w.OwnerRole)
            && (!providerRoles.Contains(w.OwnerRole) || w.OwnerUnitId == null
                || ((providerId == null || db.Units.Any(u => u.Id == w.OwnerUnitId && u.ProviderId == providerId))
                    && (unitId == null || w.OwnerUnitId == unitId))));
    }

    private IQueryable<Row> Rows(IQueryable<WorkOrder> orders)
    {
        var today = db.Scope.Today;
        return orders
            .OrderBy(w => (w.State == WorkOrderState.Proposed || w.State == WorkOrderState.Open) && w.DueOn != null && w.DueOn < today ? 0 : 1)
            .ThenBy(w => w.DueOn == null ? 1 : 0).ThenBy(w => w.DueOn).ThenByDescending(w => w.Number)
            // No IgnoreQueryFilters in here: it would switch off every filter of the query, the caller's scoping with them.
            .Select(w => new Row(w.Id, w.Number, w.Kind, w.State, w.CurrentStepCode, w.OwnerRole, w.OwnerUnitId,
                db.Units.Where(u => u.Id == w.OwnerUnitId).Select(u => u.Name).FirstOrDefault(),
                w.TakenBy, w.DueOn, w.CreatedAt,
                db.Households.Where(h => h.Id == w.HouseholdId).Select(h => h.Address!.Street).FirstOrDefault(),
                db.Entrances.Where(e => e.Id == w.EntranceId).Select(e => e.Address!.Street + ", " + e.Name).FirstOrDefault()));
    }

    private Item ToItem(Row r)
    {
        var state = r.State;
        var closed = state is not (WorkOrderState.Proposed or WorkOrderState.Open);
        return new Item(r.Id, WorkOrder.FormatNumber(r.Number), r.Kind, RoutineNames.SwedishName(r.Kind), state, WorkOrderNames.SwedishName(state),
            r.StepCode is null ? (state == WorkOrderState.Proposed ? "Bekräfta eller avfärda förslaget" : null) : RoutineCatalog.Step(r.StepCode).SwedishTitle,
            r.OwnerRole, r.OwnerRole is null ? null : Roles.SwedishName(r.OwnerRole), r.OwnerUnitName, r.TakenBy, r.DueOn,
            !closed && r.DueOn is { } due && db.Scope.Today > due, SwedishTime.ToLocal(r.CreatedAt), r.Street ?? r.EntranceStreet);
    }

    /// <summary>"A-00042", "a42", "42": the number searched for; null when the text is no number.</summary>
    internal static int? Number(string? search)
    {
        var digits = search?.Trim().TrimStart('A', 'a').TrimStart('-');
        return int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
    }
}
