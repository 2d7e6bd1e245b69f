using Microsoft.AspNetCore.Authorization;
using Nyckelfri.Stock;
using Nyckelfri.Web.Security;

namespace Nyckelfri.Web.Pages.Stock;

[Authorize(Policy = Policies.StockRead)]
public sealed class ModelListModel(ListDeviceModels list) : NyckelfriPageModel
{
    public IReadOnlyList<ListDeviceModels.Item> Models { get; private set; } = [];
    public bool CanWrite => Can(Policies.StockWrite);

    public async Task OnGetAsync(CancellationToken ct) => Models = await list.Handle(ct);
}
