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
    // From the query string only: Razor Pages puts the page's own path in the route value "page".
    [BindProperty(SupportsGet = true, Name = "page"), FromQuery(Name = "page")] public int? PageNumber { get; set; }

    public Page<ListHouseholds.Item> Households { get; private set; } = new([], 1, Page<ListHouseholds.Item>.DefaultSize, 0);

    public async Task OnGetAsync(CancellationToken ct) =>
        Households = await list.Handle(new ListHouseholds.Query(Q, PageNumber), ct);
}
