using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Nyckelfri.Common;
using Nyckelfri.Providers;
using Nyckelfri.Web.Security;

namespace Nyckelfri.Web.Pages.Providers;

[Authorize(Policy = Policies.ProvidersRead)]
public sealed class IndexModel(ListProviders list) : NyckelfriPageModel
{
    [BindProperty(SupportsGet = true, Name = "q")] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public ProviderKind? Kind { get; set; }
    // From the query string only: Razor Pages puts the page's own path in the route value "page".
    [BindProperty(SupportsGet = true, Name = "page"), FromQuery(Name = "page")] public int? PageNumber { get; set; }

    public Page<ListProviders.Item> Providers { get; private set; } = new([], 1, Page<ListProviders.Item>.DefaultSize, 0);
    public bool CanRegister => Can(Policies.ProvidersWrite);

    public async Task OnGetAsync(CancellationToken ct) =>
        Providers = await list.Handle(new ListProviders.Query(Q, Kind, PageNumber), ct);
}
