using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Nyckelfri.Common;
using Nyckelfri.Providers;
using Nyckelfri.Staff;
using Nyckelfri.Web.Security;

namespace Nyckelfri.Web.Pages.Staff;

[Authorize(Policy = Policies.StaffRead)]
public sealed class IndexModel(ListEmployees list, UnitLookup lookup) : NyckelfriPageModel
{
    [BindProperty(SupportsGet = true, Name = "q")] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? ProviderId { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? UnitId { get; set; }
    [BindProperty(SupportsGet = true)] public EmploymentType? Type { get; set; }
    [BindProperty(SupportsGet = true)] public bool Current { get; set; }
    // From the query string only: Razor Pages puts the page's own path in the route value "page".
    [BindProperty(SupportsGet = true, Name = "page"), FromQuery(Name = "page")] public int? PageNumber { get; set; }

    public Page<ListEmployees.Item> Employees { get; private set; } = new([], 1, Page<ListEmployees.Item>.DefaultSize, 0);
    public IReadOnlyList<UnitLookup.ProviderOption> Providers { get; private set; } = [];
    public IReadOnlyList<UnitLookup.Option> Units { get; private set; } = [];
    public bool CanRegister => Can(Policies.StaffWrite);

    public async Task OnGetAsync(CancellationToken ct)
    {
        Providers = await lookup.Providers(ct);
        Units = await lookup.Units(ct);
        Employees = await list.Handle(new ListEmployees.Query(Q, ProviderId, UnitId, Type, Current, PageNumber), ct);
    }
}
