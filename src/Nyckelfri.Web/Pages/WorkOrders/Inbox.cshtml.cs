using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Nyckelfri.Common;
using Nyckelfri.Routines;
using Nyckelfri.Web.Security;

namespace Nyckelfri.Web.Pages.WorkOrders;

/// <summary>
/// "Min inkorg": the steps the user's roles own now (a provider role: at the user's own provider and
/// unit), proposals waiting to be confirmed or dismissed, overdue first.
/// </summary>
[Authorize(Policy = Policies.WorkOrdersRead)]
public sealed class InboxModel(ListWorkOrders list) : NyckelfriPageModel
{
    [BindProperty(SupportsGet = true)] public RoutineKind? Kind { get; set; }
    [BindProperty(SupportsGet = true)] public bool Overdue { get; set; }
    [BindProperty(SupportsGet = true, Name = "page"), FromQuery(Name = "page")] public int? PageNumber { get; set; }

    public Page<ListWorkOrders.Item> Orders { get; private set; } = new([], 1, Page<ListWorkOrders.Item>.DefaultSize, 0);
    public bool Filtered => Kind is not null || Overdue;

    public async Task OnGetAsync(CancellationToken ct) =>
        Orders = await list.Handle(new ListWorkOrders.Query(Kind: Kind, Overdue: Overdue, Mine: true, Page: PageNumber), ct);
}
