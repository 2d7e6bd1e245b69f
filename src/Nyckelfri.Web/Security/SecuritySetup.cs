using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Nyckelfri.Common;
using Nyckelfri.Data;
using Nyckelfri.Identity;

namespace Nyckelfri.Web.Security;

public static class SecuritySetup
{
    /// <summary>The scheme that picks bearer token, API key or cookie for each request.</summary>
    public const string SelectorScheme = "Nyckelfri";

    public static IServiceCollection AddNyckelfriSecurity(this IServiceCollection services)
    {
        services.AddIdentity<AppUser, IdentityRole>(o =>
            {
                o.Password.RequiredLength = 10;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = false;
                o.SignIn.RequireConfirmedAccount = false;
            })
            .AddEntityFrameworkStores<NyckelfriDbContext>()
            .AddDefaultTokenProviders()
            .AddClaimsPrincipalFactory<NyckelfriClaimsFactory>();

        services.AddAuthentication(o =>
            {
                o.DefaultScheme = SelectorScheme;
                o.DefaultAuthenticateScheme = SelectorScheme;
                o.DefaultChallengeScheme = SelectorScheme;
                o.DefaultForbidScheme = SelectorScheme;
            })
            .AddPolicyScheme(SelectorScheme, null, o => o.ForwardDefaultSelector = SelectScheme)
            .AddBearerToken(IdentityConstants.BearerScheme, o => o.BearerTokenExpiration = TimeSpan.FromHours(1))
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);

        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "nyckelfri";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.LoginPath = "/Konto/Logga-in";
            o.LogoutPath = "/Konto/Logga-ut";
            o.AccessDeniedPath = "/Konto/Nekad";
            o.ExpireTimeSpan = TimeSpan.FromHours(10);
            o.SlidingExpiration = true;
            o.Events.OnRedirectToLogin = ctx => ApiAware(ctx, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = ctx => ApiAware(ctx, StatusCodes.Status403Forbidden);
            o.Events.OnValidatePrincipal = ValidateSecurityStampInOwnScope;
        });

        services.AddAuthorization(Policies.Configure);
        services.AddHttpContextAccessor();
        // The scope is read from the user the first time the request asks for it (the DbContext takes
        // it when created). Code that runs during authentication therefore must not use the request's
        // NyckelfriDbContext: it would fix an anonymous scope, and every page would see nothing.
        services.AddScoped(sp => NyckelfriClaims.ScopeOf(
            sp.GetRequiredService<IHttpContextAccessor>().HttpContext?.User, sp.GetRequiredService<TimeProvider>()));
        return services;
    }

    private static string SelectScheme(HttpContext context)
    {
        if (context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            return IdentityConstants.BearerScheme;
        if (context.Request.Headers.ContainsKey(ApiKeyAuthenticationHandler.Header))
            return ApiKeyAuthenticationHandler.SchemeName;
        return IdentityConstants.ApplicationScheme;
    }

    // Identity's check of the cookie's security stamp needs the user store, and so a DbContext: it
    // gets one of its own, not the request's (see the AccessScope registration).
    private static async Task ValidateSecurityStampInOwnScope(CookieValidatePrincipalContext context)
    {
        await using var scope = context.HttpContext.RequestServices.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ISecurityStampValidator>().ValidateAsync(context);
    }

    // The API answers 401/403; only pages are redirected to the login page.
    private static Task ApiAware(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api"))
            context.Response.StatusCode = status;
        else
            context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }

    /// <summary>
    /// A user whose role requires two-factor login but who has not set it up may only set it up
    /// (or log out) until they have.
    /// </summary>
    public static IApplicationBuilder UseTwoFactorEnrolment(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.User.HasClaim(NyckelfriClaims.TwoFactorSetupRequired, "true")
            && !context.Request.Path.StartsWithSegments("/Konto")
            && !context.Request.Path.StartsWithSegments("/lib") && !context.Request.Path.StartsWithSegments("/css"))
        {
            if (context.Request.Path.StartsWithSegments("/api"))
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return;
            }
            context.Response.Redirect("/Konto/Tvafaktor");
            return;
        }
        await next();
    });
}
