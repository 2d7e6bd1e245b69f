using Microsoft.AspNetCore.Mvc;
using Nyckelfri.Keys;
using Nyckelfri.Web.Security;

namespace Nyckelfri.Web.Pages.Keys;

/// <summary>
/// The "Fysiska nycklar" section of the client page: the key sets, the warnings when they do not match
/// the client's services, and the latest receipts and uses of a physical key.
/// </summary>
public sealed class ClientKeysViewComponent(ClientKeys keys) : ViewComponent
{
    public sealed record Model(ClientKeys.Result Keys, bool CanWrite, bool CanRecordUse);

    public async Task<IViewComponentResult> InvokeAsync(Guid clientId)
    {
        bool Can(string policy) => Policies.Allows(policy, UserClaimsPrincipal.IsInRole);
        if (!Can(Policies.KeysRead)) return Content("");
        var result = await keys.Handle(clientId, HttpContext.RequestAborted);
        return View("/Pages/Keys/_ClientKeys.cshtml", new Model(result, Can(Policies.KeysWrite), Can(Policies.PhysicalKeyUse)));
    }
}
