using Microsoft.AspNetCore.Authorization;
using Nyckelfri.History;
using Nyckelfri.Providers;
using Nyckelfri.Web.Security;

namespace Nyckelfri.Web.Pages.Providers;

[Authorize(Policy = Policies.ProvidersRead)]
public sealed class DetailsModel(GetProvider get, GetHistory history) : NyckelfriPageModel
{
    public GetProvider.Details Provider { get; private set; } = null!;
    public IReadOnlyList<GetHistory.Line> History { get; private set; } = [];
    public bool CanEdit => Can(Policies.ProvidersWrite);
    public bool CanSeeStaff => Can(Policies.StaffRead);
    public bool CanAddStaff => Can(Policies.StaffWrite);

    public async Task OnGetAsync(Guid id, CancellationToken ct)
    {
        Provider = await get.Handle(id, ct);
        History = await history.ForPeople(id, ct);
    }
}
