using Microsoft.AspNetCore.Authorization;
using Nyckelfri.History;
using Nyckelfri.Providers;
using Nyckelfri.Web.Security;

namespace Nyckelfri.Web.Pages.Units;

[Authorize(Policy = Policies.ProvidersRead)]
public sealed class DetailsModel(GetUnit get, GetHistory history) : NyckelfriPageModel
{
    public GetUnit.Details Unit { get; private set; } = null!;
    public IReadOnlyList<GetHistory.Line> History { get; private set; } = [];
    public bool CanEdit => Can(Policies.ProvidersWrite);
    public bool CanSeeClients => Can(Policies.ClientsRead);
    public bool CanSeeStaff => Can(Policies.StaffRead);
    public bool CanSeeBatteries => Can(Policies.BatteriesRead);

    public async Task OnGetAsync(Guid id, CancellationToken ct)
    {
        Unit = await get.Handle(id, ct);
        History = await history.ForPeople(id, ct);
    }
}
