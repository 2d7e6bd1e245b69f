using Microsoft.AspNetCore.Authorization;
using Nyckelfri.History;
using Nyckelfri.Routines;
using Nyckelfri.Web.Security;

namespace Nyckelfri.Web.Pages.WorkOrders;

/// <summary>A work order's full history: who did what to it, when, and why.</summary>
[Authorize(Policy = Policies.WorkOrdersRead)]
public sealed class HistoryModel(GetWorkOrder get, GetHistory history) : NyckelfriPageModel
{
    public GetWorkOrder.View Order { get; private set; } = null!;
    public IReadOnlyList<GetHistory.Line> History { get; private set; } = [];

    public async Task OnGetAsync(Guid id, CancellationToken ct)
    {
        // The order first, through the scoped query: the history of an order the user may not see is never read.
        Order = await get.Handle(id, includeClientName: false, ct);
        History = await history.ForPeople(id, ct);
    }
}
