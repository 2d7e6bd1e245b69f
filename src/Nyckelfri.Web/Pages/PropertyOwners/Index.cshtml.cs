using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Nyckelfri.Common;
using Nyckelfri.Properties;
using Nyckelfri.Web.Security;

namespace Nyckelfri.Web.Pages.PropertyOwners;

[Authorize(Policy = Policies.PropertiesRead)]
public sealed class IndexModel(ListPropertyOwners list) : NyckelfriPageModel
{
    [BindProperty(SupportsGet = true, Name = "q")] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public PropertyOwnerKind? Kind { get; set; }
    // From the query string only: Razor Pages puts the page's own path in the route value "page".
    [BindProperty(SupportsGet = true, Name = "page"), FromQuery(Name = "page")] public int? PageNumber { get; set; }

    public Page<ListPropertyOwners.Item> Owners { get; private set; } = new([], 1, Page<ListPropertyOwners.Item>.DefaultSize, 0);
    public bool CanRegister => Can(Policies.PropertiesWrite);

    public async Task OnGetAsync(CancellationToken ct) =>
        Owners = await list.Handle(new ListPropertyOwners.Query(Q, Kind, PageNumber), ct);
}
