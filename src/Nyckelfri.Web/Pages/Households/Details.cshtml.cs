using Microsoft.AspNetCore.Authorization;
using Nyckelfri.History;
using Nyckelfri.Households;
using Nyckelfri.Web.Security;

namespace Nyckelfri.Web.Pages.Households;

/// <summary>One home: where it is, who lives there (those the caller may see), and where a cohabitant is added.</summary>
[Authorize(Policy = Policies.ClientsRead)]
public sealed class DetailsModel(GetHousehold get, GetHistory history) : NyckelfriPageModel
{
    public GetHousehold.Details Household { get; private set; } = null!;
    public IReadOnlyList<GetHistory.Line> History { get; private set; } = [];
    public bool CanEdit => Can(Policies.ClientsWrite);
    public bool CanOpenAddress => Can(Policies.PropertiesRead);

    public async Task OnGetAsync(Guid id, CancellationToken ct)
    {
        Household = await get.Handle(id, ct);
        History = await history.ForPeople(id, ct);
    }
}
