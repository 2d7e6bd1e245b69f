using Microsoft.AspNetCore.Mvc;
using Nyckelfri.Common;
using Nyckelfri.Stock;
using Nyckelfri.Web.Security;

namespace Nyckelfri.Web.Pages.Stock;

/// <summary>
/// "Ordinarie låsdelar" on the client page: the client's own lock parts in store, with a return form
/// for each. Shown to those who may see devices; the forms only to those who handle them.
/// </summary>
public sealed class ClientLockPartsViewComponent(ClientLockParts parts, TimeProvider clock) : ViewComponent
{
    public sealed record Model(Guid ClientId, IReadOnlyList<GetOriginalLockPart.Details> Parts, bool CanWrite, DateOnly Today);

    public async Task<IViewComponentResult> InvokeAsync(Guid clientId)
    {
        bool Can(string policy) => Policies.Allows(policy, UserClaimsPrincipal.IsInRole);
        if (!Can(Policies.DevicesRead)) return Content("");
        var list = await parts.Handle(clientId, HttpContext.RequestAborted);
        return View("/Pages/Stock/Components/ClientLockParts/Default.cshtml",
            new Model(clientId, list, Can(Policies.DevicesWrite), clock.Today()));
    }
}
