using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Nyckelfri.Common;
using Nyckelfri.Properties;
using Nyckelfri.Web.Security;

namespace Nyckelfri.Web.Pages.Addresses;

[Authorize(Policy = Policies.PropertiesRead)]
public sealed class IndexModel(ListAddresses list, PropertyOwnerLookup lookup) : NyckelfriPageModel
{
    [BindProperty(SupportsGet = true, Name = "q")] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? PropertyOwnerId { get; set; }
    [BindProperty(SupportsGet = true)] public ConsentStatus? Consent { get; set; }
    // From the query string only: Razor Pages puts the page's own path in the route value "page".
    [BindProperty(SupportsGet = true, Name = "page"), FromQuery(Name = "page")] public int? PageNumber { get; set; }

    public Page<ListAddresses.Item> Addresses { get; private set; } = new([], 1, Page<ListAddresses.Item>.DefaultSize, 0);
    public IReadOnlyList<PropertyOwnerLookup.Option> Owners { get; private set; } = [];
    public bool CanRegister => Can(Policies.PropertiesWrite);

    public async Task OnGetAsync(CancellationToken ct)
    {
        Owners = await lookup.Owners(ct);
        Addresses = await list.Handle(new ListAddresses.Query(Q, PropertyOwnerId, Consent, PageNumber), ct);
    }
}
