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

    public Page<ListAddresses.Item> Addresses { get; private set; } = new([], 1, Page<ListAddresses.Item>.DefaultSize, 0);
    public IReadOnlyList<PropertyOwnerLookup.Option> Owners { get; private set; } = [];
    public bool CanRegister => Can(Policies.PropertiesWrite);

    // "page" is also Razor Pages' own route value (the page's name), which wins over the query string
    // when a property is bound; a parameter read from the query string alone gets the number.
    public async Task OnGetAsync([FromQuery(Name = "page")] int? pageNumber, CancellationToken ct)
    {
        Owners = await lookup.Owners(ct);
        Addresses = await list.Handle(new ListAddresses.Query(Q, PropertyOwnerId, Consent, pageNumber), ct);
    }
}
