using Microsoft.AspNetCore.Authorization;
using Nyckelfri.History;
using Nyckelfri.Properties;
using Nyckelfri.Web.Security;

namespace Nyckelfri.Web.Pages.Addresses;

[Authorize(Policy = Policies.PropertiesRead)]
public sealed class DetailsModel(GetAddress get, GetHistory history) : NyckelfriPageModel
{
    public GetAddress.Details Address { get; private set; } = null!;
    public IReadOnlyList<GetHistory.Line> History { get; private set; } = [];
    public bool CanEdit => Can(Policies.PropertiesWrite);

    /// <summary>Only roles that read clients open a household; the others see that one lives there.</summary>
    public bool CanOpenHouseholds => Can(Policies.ClientsRead);

    public async Task OnGetAsync(Guid id, CancellationToken ct)
    {
        Address = await get.Handle(id, ct);
        History = await history.ForPeople(id, ct);
    }
}
