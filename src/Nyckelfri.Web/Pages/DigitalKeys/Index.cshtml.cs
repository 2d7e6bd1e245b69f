using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Nyckelfri.Access;
using Nyckelfri.Common;
using Nyckelfri.Web.Security;

namespace Nyckelfri.Web.Pages.DigitalKeys;

/// <summary>The digital keys: filter by status and stock, search by key number or employee; paged.</summary>
[Authorize(Policy = Policies.DigitalKeysRead)]
public sealed class IndexModel(ListDigitalKeys list) : NyckelfriPageModel
{
    [BindProperty(SupportsGet = true, Name = "q")] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public DigitalKeyStatus? Status { get; set; }
    [BindProperty(SupportsGet = true)] public KeyStock? Stock { get; set; }
    [BindProperty(SupportsGet = true, Name = "page"), FromQuery(Name = "page")] public int? PageNumber { get; set; }

    public Page<ListDigitalKeys.Item> Keys { get; private set; } = new([], 1, Page<ListDigitalKeys.Item>.DefaultSize, 0);
    public bool CanRegister => KeyRoles.IsAlarmCentre(User);

    public async Task OnGetAsync(CancellationToken ct) =>
        Keys = await list.Handle(new ListDigitalKeys.Query(Status, Stock, Q, null, PageNumber), ct);
}
