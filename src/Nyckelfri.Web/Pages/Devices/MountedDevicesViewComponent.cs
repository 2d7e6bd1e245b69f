using Microsoft.AspNetCore.Mvc;
using Nyckelfri.Devices;
using Nyckelfri.Web.Security;

namespace Nyckelfri.Web.Pages.Devices;

/// <summary>
/// The devices mounted at (or reserved for) a household and its entrance, or an entrance alone, for
/// the household, entrance and client pages. Shows nothing to a user who may not read devices.
/// </summary>
public sealed class MountedDevicesViewComponent(DeviceLookup lookup) : ViewComponent
{
    public sealed record Model(IReadOnlyList<DeviceLookup.AtPlace> AtHousehold, IReadOnlyList<DeviceLookup.AtPlace> AtEntrance,
        Guid? HouseholdId, Guid? EntranceId, bool CanInstall, bool Nested);

    /// <param name="householdId">The household whose door is shown (its entrance too, when <paramref name="entranceId"/> is given).</param>
    /// <param name="entranceId">The entrance whose entrance unit is shown.</param>
    /// <param name="nested">Inside another section (the client page's "Digitalt lås"): a sub-heading instead of a card of its own.</param>
    public async Task<IViewComponentResult> InvokeAsync(Guid? householdId = null, Guid? entranceId = null, bool nested = false)
    {
        if (!Policies.Allows(Policies.DevicesRead, User.IsInRole)) return Content(string.Empty);
        var ct = HttpContext.RequestAborted;
        var atHousehold = householdId is { } h ? await lookup.AtHousehold(h, ct) : [];
        var atEntrance = entranceId is { } e ? await lookup.AtEntrance(e, ct) : [];
        var canInstall = Policies.Allows(Policies.DevicesWrite, User.IsInRole);
        return View("~/Pages/Devices/_MountedDevices.cshtml", new Model(atHousehold, atEntrance, householdId, entranceId, canInstall, nested));
    }
}
