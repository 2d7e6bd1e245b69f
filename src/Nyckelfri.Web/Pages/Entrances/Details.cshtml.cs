using Microsoft.AspNetCore.Authorization;
using Nyckelfri.History;
using Nyckelfri.Properties;
using Nyckelfri.Web.Security;

namespace Nyckelfri.Web.Pages.Entrances;

/// <summary>One entrance, its owner's consent to an entrance lock and the history of that consent.</summary>
[Authorize(Policy = Policies.PropertiesRead)]
public sealed class DetailsModel(GetEntrance get, GetHistory history) : NyckelfriPageModel
{
    public GetEntrance.Details Entrance { get; private set; } = null!;
    public IReadOnlyList<GetHistory.Line> History { get; private set; } = [];
    public bool CanEdit => Can(Policies.PropertiesWrite);

    public async Task OnGetAsync(Guid id, CancellationToken ct)
    {
        Entrance = await get.Handle(id, ct);
        History = await history.ForPeople(id, ct);
    }
}
