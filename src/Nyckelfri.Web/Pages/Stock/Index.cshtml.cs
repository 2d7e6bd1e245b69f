using Microsoft.AspNetCore.Authorization;
using Nyckelfri.Stock;
using Nyckelfri.Web.Security;

namespace Nyckelfri.Web.Pages.Stock;

/// <summary>The stock overview: what is on the shelves per model and location, and what has fallen below its reorder level.</summary>
[Authorize(Policy = Policies.StockRead)]
public sealed class IndexModel(GetStockOverview overview) : NyckelfriPageModel
{
    public GetStockOverview.Overview Overview { get; private set; } = new([], []);
    public bool CanWrite => Can(Policies.StockWrite);
    public bool CanReceive => Can(Policies.DevicesWrite);

    public async Task OnGetAsync(CancellationToken ct) => Overview = await overview.Handle(ct);
}
