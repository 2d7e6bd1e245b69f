using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Nyckelfri.Common;
using Nyckelfri.Households;
using Nyckelfri.Web.Security;

namespace Nyckelfri.Web.Pages.Households;

[Authorize(Policy = Policies.ClientsRead)]
public sealed class IndexModel(ListHouseholds list) : NyckelfriPageModel
{
    [BindProperty(SupportsGet = true, Name = "q")] public string? Q { get; set; }

    public Page<ListHouseholds.Item> Households { get; private set; } = new([], 1, Page<ListHouseholds.Item>.DefaultSize, 0);

    // "page" is also Razor Pages' own route value (the page's name), which wins over the query string
    // when a property is bound; a parameter read from the query string alone gets the number.
    public async Task OnGetAsync([FromQuery(Name = "page")] int? pageNumber, CancellationToken ct) =>
        Households = await list.Handle(new ListHouseholds.Query(Q, pageNumber), ct);
}
