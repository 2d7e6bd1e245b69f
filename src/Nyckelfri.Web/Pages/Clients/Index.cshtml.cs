using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Nyckelfri.Clients;
using Nyckelfri.Common;
using Nyckelfri.Providers;
using Nyckelfri.Web.Security;

namespace Nyckelfri.Web.Pages.Clients;

[Authorize(Policy = Policies.ClientsRead)]
[EnableRateLimiting(RateLimits.Search)]
public sealed class IndexModel(ListClients list, UnitLookup lookup, FindClientByNumber find) : NyckelfriPageModel
{
    [BindProperty(SupportsGet = true, Name = "q")] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? UnitId { get; set; }
    [BindProperty(SupportsGet = true)] public bool Active { get; set; }
    // From the query string only: Razor Pages puts the page's own path in the route value "page".
    [BindProperty(SupportsGet = true, Name = "page"), FromQuery(Name = "page")] public int? PageNumber { get; set; }
    [BindProperty] public string? PersonalIdentityNumber { get; set; }

    public Page<ListClients.Item> Clients { get; private set; } = new([], 1, Page<ListClients.Item>.DefaultSize, 0);
    public IReadOnlyList<UnitLookup.Option> Units { get; private set; } = [];
    public bool CanRegister => Can(Policies.ClientsWrite);
    public bool CanSearchByNumber => Can(Policies.PersonalIdentityNumberReveal);

    public async Task OnGetAsync(CancellationToken ct) => await Load(ct);

    public async Task<IActionResult> OnPostFindByNumberAsync(CancellationToken ct)
    {
        if (!CanSearchByNumber) return Forbid();
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
        await Load(ct);
        return Page();
    }

    private async Task Load(CancellationToken ct)
    {
        Units = await lookup.Units(ct);
        Clients = await list.Handle(new ListClients.Query(Q, UnitId: UnitId, ActiveOnly: Active, Page: PageNumber), ct);
    }
}
