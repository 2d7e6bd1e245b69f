using Microsoft.AspNetCore.Authorization;

namespace Nyckelfri.Web.Security;

/// <summary>
/// Part of every policy: the login's scope claims are whole (<see cref="NyckelfriClaims.HasWholeScope"/>).
/// A provider-scoped role without a provider claim, or a unit without its provider, is refused here and
/// sees nothing in the query layer, instead of being read as a municipal role.
/// </summary>
public sealed class ScopeClaimsRequirement : AuthorizationHandler<ScopeClaimsRequirement>, IAuthorizationRequirement
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, ScopeClaimsRequirement requirement)
    {
        if (NyckelfriClaims.HasWholeScope(context.User)) context.Succeed(requirement);
        return Task.CompletedTask;
    }
}
