using Microsoft.AspNetCore.Mvc;
using Nyckelfri.Visits;
using Nyckelfri.Web.Security;

namespace Nyckelfri.Web.Pages.Visits;

/// <summary>
/// The "Besök" section of the client page: the latest visits, the NFC tags where no lock registers
/// them, and links to all visits and to the client's access log.
/// </summary>
public sealed class ClientVisitsViewComponent(ClientVisitOverview overview) : ViewComponent
{
    public const int Latest = 5;

    public sealed record Model(ClientVisitOverview.Result Overview, bool CanWriteTags, bool CanReadLog);

    public async Task<IViewComponentResult> InvokeAsync(Guid clientId)
    {
        bool Can(string policy) => Policies.Allows(policy, UserClaimsPrincipal.IsInRole);
        if (!Can(Policies.VisitsRead))
            return Can(Policies.AccessLogRead) ? View("/Pages/Visits/_ClientAccessLogLink.cshtml", clientId) : Content("");
        var result = await overview.Handle(clientId, page: 1, Latest, HttpContext.RequestAborted);
        return View("/Pages/Visits/_ClientVisits.cshtml", new Model(result, Can(Policies.NfcTagsWrite), Can(Policies.AccessLogRead)));
    }
}
