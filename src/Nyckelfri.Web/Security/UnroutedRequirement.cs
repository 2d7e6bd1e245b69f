using Microsoft.AspNetCore.Authorization;

namespace Nyckelfri.Web.Security;

/// <summary>
/// The fallback policy's only requirement (<see cref="Policies.Fallback"/>): met only by a signed-in user
/// whose request reached no route endpoint, i.e. routing found nothing (404), or answered itself that
/// the method or media type does not fit (405, 415), or middleware after authorization serves it
/// (Swagger UI). A route endpoint only gets here when it declared nothing, and is refused.
/// </summary>
public sealed class UnroutedRequirement : AuthorizationHandler<UnroutedRequirement>, IAuthorizationRequirement
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, UnroutedRequirement requirement)
    {
        if (context.User.Identity?.IsAuthenticated == true && NyckelfriClaims.HasWholeScope(context.User)
            && context.Resource is HttpContext http && http.GetEndpoint() is not RouteEndpoint)
            context.Succeed(requirement);
        return Task.CompletedTask;
    }
}
