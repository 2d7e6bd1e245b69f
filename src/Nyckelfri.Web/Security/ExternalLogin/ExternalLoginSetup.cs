using Nyckelfri.Identity;

namespace Nyckelfri.Web.Security.ExternalLogin;

/// <summary>Sign-in through each municipality's OpenID Connect identity provider (docs/identity-provider.md).</summary>
public static class ExternalLoginSetup
{
    public static IServiceCollection AddNyckelfriExternalLogin(this IServiceCollection services)
    {
        services.AddSingleton<IdentityProviderSchemes>();
        return services;
    }

    /// <summary>
    /// A callback to <c>/signin-oidc/{municipality}</c> may reach an instance that has not made that scheme
    /// yet (it restarted, or the challenge went through another instance behind the load balancer), or one
    /// holding an older setting: the scheme is made from the database before the authentication middleware
    /// looks for its handler. A municipality without an active provider gets no scheme, so its callback is refused.
    /// </summary>
    public static IApplicationBuilder UseIdentityProviderCallbacks(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var path = context.Request.Path;
        if (path.StartsWithSegments(IdentityProviderSchemes.CallbackPrefix, out var rest))
        {
            if (!Guid.TryParseExact(rest.Value?.TrimStart('/') ?? "", "N", out var municipality)
                || await context.RequestServices.GetRequiredService<IdentityProviderSchemes>().EnsureAsync(municipality, context.RequestAborted) is null)
            {
                await context.RequestServices.GetRequiredService<ISecurityEvents>().RecordAsync(new SecurityEvent(
                    SecurityEventKind.ExternalLoginRefused, Detail: ExternalSignIn.Refusal.ProviderOff,
                    RemoteAddress: context.Connection.RemoteIpAddress?.ToString()), context.RequestAborted);
                context.Response.Redirect("/Konto/Logga-in?fel=" + ExternalSignIn.Refusal.ProviderOff);
                return;
            }
        }
        await next();
    });
}
