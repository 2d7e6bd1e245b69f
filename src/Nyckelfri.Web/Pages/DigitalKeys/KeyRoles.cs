using System.Security.Claims;
using static Nyckelfri.Identity.Roles;

namespace Nyckelfri.Web.Pages.DigitalKeys;

/// <summary>
/// Which key actions to offer (the handlers enforce the same): the alarm centre registers, makes ready
/// and retires; the staffing unit works its own stock for hourly staff.
/// </summary>
public static class KeyRoles
{
    public static bool IsAlarmCentre(ClaimsPrincipal user) =>
        user.IsInRole(SystemAdministrator) || user.IsInRole(AlarmCentreAdministration) || user.IsInRole(AlarmCentreSupport);
}
