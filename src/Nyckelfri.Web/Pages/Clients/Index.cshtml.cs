using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Nyckelfri.Clients;
using Nyckelfri.Common;
using Nyckelfri.Providers;
using Nyckelfri.Web.Security;

namespace Nyckelfri.Web.Pages.Clients;

[Authorize(Policy = Policies.ClientsRead)]
public sealed class IndexModel(ListClients list, UnitLookup lookup, FindClientByNumber find) : NyckelfriPageModel
{
    [BindProperty(SupportsGet = true, Name = "q")] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? UnitId { get; set; }
    [BindProperty(SupportsGet = true)] public bool Active { get; set; }
    [BindProperty] public string? PersonalIdentityNumber { get; set; }

    public Page<ListClients.Item> Clients { get; private set; } = new([], 1, Page<ListClients.Item>.DefaultSize, 0);
    public IReadOnlyList<UnitLookup.Option> Units { get; private set; } = [];
    public bool CanRegister => Can(Policies.ClientsWrite);
    public bool CanSearchByNumber => Can(Policies.ClientsRead);

    // "page" is also Razor Pages' own route value (the page's name), which wins over the query string
    // when a property is bound; a parameter read from the query string alone gets the number.
    public async Task OnGetAsync([FromQuery(Name = "page")] int? pageNumber, CancellationToken ct) => await Load(pageNumber, ct);

    public async Task<IActionResult> OnPostFindByNumberAsync(CancellationToken ct)
    {
        try
        {
            var id = await find.Handle(PersonalIdentityNumber, ct);
            return Redirect($"/Brukare/{id}");
        }
        catch (ValidationFailedException e)
        {
            ModelState.AddModelError(nameof(PersonalIdentityNumber), e.Errors.Values.First()[0]);
        }
        catch (NotFoundException)
        {
            ModelState.AddModelError(nameof(PersonalIdentityNumber), "Ingen brukare med det personnumret finns bland dem du har behörighet till.");
        }
        await Load(pageNumber: null, ct);
        return Page();
    }

    private async Task Load(int? pageNumber, CancellationToken ct)
    {
        Units = await lookup.Units(ct);
        Clients = await list.Handle(new ListClients.Query(Q, UnitId: UnitId, ActiveOnly: Active, Page: pageNumber), ct);
    }
}
