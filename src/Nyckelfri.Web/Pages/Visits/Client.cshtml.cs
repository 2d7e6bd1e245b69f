using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Nyckelfri.Common;
using Nyckelfri.Visits;
using Nyckelfri.Web.Security;

namespace Nyckelfri.Web.Pages.Visits;

/// <summary>All visits at one client, newest first.</summary>
[Authorize(Policy = Policies.VisitsRead)]
public sealed class ClientModel(ClientVisitOverview overview) : NyckelfriPageModel
{
    [BindProperty(SupportsGet = true, Name = "page"), FromQuery(Name = "page")] public int? PageNumber { get; set; }
    public ClientVisitOverview.Result Overview { get; private set; } = null!;

    public async Task OnGetAsync(Guid clientId, CancellationToken ct) =>
        Overview = await overview.Handle(clientId, PageNumber, Page<ListVisits.Item>.DefaultSize, ct);
}
