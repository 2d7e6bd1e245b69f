using Microsoft.AspNetCore.Authorization;
using Nyckelfri.History;
using Nyckelfri.Staff;
using Nyckelfri.Web.Security;

namespace Nyckelfri.Web.Pages.Staff;

[Authorize(Policy = Policies.StaffRead)]
public sealed class DetailsModel(GetEmployee get, GetHistory history) : NyckelfriPageModel
{
    public GetEmployee.Details Employee { get; private set; } = null!;
    public IReadOnlyList<GetHistory.Line> History { get; private set; } = [];
    public bool CanEdit => Can(Policies.StaffWrite);
    public bool CanSeeProviders => Can(Policies.ProvidersRead);

    public async Task OnGetAsync(Guid id, CancellationToken ct)
    {
        Employee = await get.Handle(id, ct);
        History = await history.ForPeople(id, ct);
    }
}
