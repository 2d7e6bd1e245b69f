using Microsoft.AspNetCore.Mvc;
using Nyckelfri.Routines;
using Nyckelfri.Web.Security;

namespace Nyckelfri.Web.Pages.WorkOrders;

/// <summary>
/// The "Ärenden" section of the client and entrance pages: the work orders about that client (and
/// household) or entrance, closed ones too, with a link to open a new one. Shows nothing to a user
/// who may not read work orders.
/// </summary>
public sealed class RelatedWorkOrdersViewComponent(ListWorkOrders list) : ViewComponent
{
    public const int Shown = 20;

    public sealed record Model(WorkOrderTable Table, string? NewHref, string NewText, string? MoreHref);

    public async Task<IViewComponentResult> InvokeAsync(Guid? clientId = null, Guid? entranceId = null)
    {
        bool Can(string policy) => Policies.Allows(policy, UserClaimsPrincipal.IsInRole);
        if (!Can(Policies.WorkOrdersRead)) return Content("");
        var orders = await list.Handle(new ListWorkOrders.Query(ClientId: clientId, EntranceId: entranceId, PageSize: Shown), HttpContext.RequestAborted);
        var (newHref, newText) = clientId is { } c
            ? ($"/Arenden/Nytt?klient={c}", "Nytt ärende")
            : ($"/Arenden/Nytt?port={entranceId}&typ={RoutineKind.EntranceLockInstall}", "Nytt ärende om portlås");
        var empty = clientId is null ? "Inga ärenden om porten." : "Inga ärenden om brukaren eller hushållet.";
        var table = new WorkOrderTable(orders, clientId is null ? "Ärenden om porten" : "Ärenden om brukaren", empty, Compact: true);
        return View("~/Pages/WorkOrders/_RelatedWorkOrders.cshtml",
            new Model(table, Can(Policies.WorkOrdersWrite) ? newHref : null, newText, orders.TotalCount > Shown ? "/Arenden?status=alla" : null));
    }
}
