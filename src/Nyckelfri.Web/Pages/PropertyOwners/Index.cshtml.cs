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

    public Page<ListPropertyOwners.Item> Owners { get; private set; } = new([], 1, Page<ListPropertyOwners.Item>.DefaultSize, 0);
    public bool CanRegister => Can(Policies.PropertiesWrite);

    // "page" is also Razor Pages' own route value (the page's name), which wins over the query string
    // when a property is bound; a parameter read from the query string alone gets the number.
    public async Task OnGetAsync([FromQuery(Name = "page")] int? pageNumber, CancellationToken ct) =>
        Owners = await list.Handle(new ListPropertyOwners.Query(Q, Kind, pageNumber), ct);
}
