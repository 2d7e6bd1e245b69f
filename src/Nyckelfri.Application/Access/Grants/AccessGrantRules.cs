using Nyckelfri.Common;
using static Nyckelfri.Identity.Roles;

namespace Nyckelfri.Access;

/// <summary>
/// Who changes what an employee may open (seed 001): the staffing unit books substitutes on units for
/// days; the unit manager adds a unit to, or restricts one of, their own staff; the alarm centre's
/// support adjusts any permission ("justera behörighet på digitala nycklar").
/// </summary>
internal static class AccessGrantRules
{
    public static bool MayGrant(AccessScope scope, AccessGrantKind kind) =>
        scope.IsSystem || scope.IsAnyRole([SystemAdministrator, AlarmCentreSupport]) || kind switch
        {
            AccessGrantKind.SubstituteBooking => scope.IsInRole(StaffingUnit),
            _ => scope.IsInRole(UnitManager),
        };

    public static void RequireMayGrant(AccessScope scope, AccessGrantKind kind)
    {
        if (MayGrant(scope, kind)) return;
        throw new RuleViolationException("grant-not-your-kind", kind == AccessGrantKind.SubstituteBooking
            ? "Vikariebokningar görs av bemanningsenheten."
            : "Det är enhetschefen (eller Trygghetslarmscentralen, support) som lägger till eller begränsar en enhet.");
    }
}
