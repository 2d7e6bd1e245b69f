using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.WebUtilities;
using Nyckelfri.Common;
using Nyckelfri.Routines;
using Nyckelfri.Web.Security;

namespace Nyckelfri.Web.Pages.WorkOrders;

/// <summary>
/// Every work order the user may see: filters, paging, overdue ones first and flagged, and the same
/// selection as CSV (numbers, kinds, steps, roles, units, dates: no personal data).
/// </summary>
[Authorize(Policy = Policies.WorkOrdersRead)]
[EnableRateLimiting(RateLimits.Export)]
public sealed class IndexModel(ListWorkOrders list) : NyckelfriPageModel
{
    /// <summary>The state filter's values besides a state's name: proposed and open (the default), or every state.</summary>
    public const string ActiveStates = "aktiva";
    public const string AllStates = "alla";

    [BindProperty(SupportsGet = true, Name = "q")] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public RoutineKind? Kind { get; set; }
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true)] public string? Role { get; set; }
    [BindProperty(SupportsGet = true)] public bool Overdue { get; set; }
    // From the query string only: Razor Pages puts the page's own path in the route value "page".
    [BindProperty(SupportsGet = true, Name = "page"), FromQuery(Name = "page")] public int? PageNumber { get; set; }

    public Page<ListWorkOrders.Item> Orders { get; private set; } = new([], 1, Page<ListWorkOrders.Item>.DefaultSize, 0);
    public bool CanOpen => Can(Policies.WorkOrdersWrite);

    /// <summary>The export of what the filters select now (every page).</summary>
    public string CsvHref => QueryHelpers.AddQueryString("/Arenden", Request.Query
        .Where(q => q.Key is not ("page" or "handler"))
        .Select(q => new KeyValuePair<string, string?>(q.Key, q.Value.ToString()))
        .Append(new("handler", "Csv")));

    public async Task OnGetAsync(CancellationToken ct) => Orders = await list.Handle(Query(), ct);

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct)
    {
        var csv = await list.Csv(Query() with { Page = null }, ct);
        // With a byte-order mark Excel reads the file as UTF-8 (å, ä, ö).
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv)).ToArray();
        return File(bytes, "text/csv; charset=utf-8", "arenden.csv");
    }

    private ListWorkOrders.Query Query()
    {
        var status = Status?.Trim();
        var state = Enum.TryParse<WorkOrderState>(status, ignoreCase: false, out var s) && Enum.IsDefined(s) && !int.TryParse(status, out _)
            ? s : (WorkOrderState?)null;
        var active = state is null && !string.Equals(status, AllStates, StringComparison.OrdinalIgnoreCase);
        return new ListWorkOrders.Query(Kind: Kind, State: state, Active: active, OwnerRole: string.IsNullOrWhiteSpace(Role) ? null : Role,
            Overdue: Overdue, Search: Q, Page: PageNumber);
    }
}
