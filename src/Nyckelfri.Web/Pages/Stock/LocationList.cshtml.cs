using Microsoft.AspNetCore.Authorization;
using Nyckelfri.Stock;
using Nyckelfri.Web.Security;

namespace Nyckelfri.Web.Pages.Stock;

[Authorize(Policy = Policies.StockRead)]
public sealed class LocationListModel(ListStockLocations list) : NyckelfriPageModel
{
    public IReadOnlyList<ListStockLocations.Item> Locations { get; private set; } = [];
    public bool CanWrite => Can(Policies.StockWrite);

    public async Task OnGetAsync(CancellationToken ct) => Locations = await list.Handle(ct);
}
