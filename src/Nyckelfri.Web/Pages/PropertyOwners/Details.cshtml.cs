using Microsoft.AspNetCore.Authorization;
using Nyckelfri.History;
using Nyckelfri.Properties;
using Nyckelfri.Web.Security;

namespace Nyckelfri.Web.Pages.PropertyOwners;

[Authorize(Policy = Policies.PropertiesRead)]
public sealed class DetailsModel(GetPropertyOwner get, GetHistory history) : NyckelfriPageModel
{
    public GetPropertyOwner.Details Owner { get; private set; } = null!;
    public IReadOnlyList<GetHistory.Line> History { get; private set; } = [];
    public bool CanEdit => Can(Policies.PropertiesWrite);

    public async Task OnGetAsync(Guid id, CancellationToken ct)
    {
        Owner = await get.Handle(id, ct);
        History = await history.ForPeople(id, ct);
    }
}
