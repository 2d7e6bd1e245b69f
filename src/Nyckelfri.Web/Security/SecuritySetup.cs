using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;
using Microsoft.AspNetCore.Identity;
using Nyckelfri.Common;
using Nyckelfri.Data;
using Nyckelfri.Identity;
using Nyckelfri.Web.Security.ExternalLogin;

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
            // The same store, with the TOTP key and recovery codes encrypted (docs/key-custody.md).
            .AddUserStore<ProtectedTokenUserStore>()
            .AddDefaultTokenProviders()
            // Refuses a password where the municipality signs in through its identity provider.
            .AddSignInManager<NyckelfriSignInManager>()
            .AddClaimsPrincipalFactory<NyckelfriClaimsFactory>();

        // Sessions and tokens: lifetimes, and the per-request check of the login (docs/security.md, "Sessions and transport").
        services.AddOptions<SessionOptions>().BindConfiguration(SessionOptions.Section)
            .Validate(o => o.AccessTokenMinutes > 0 && o.RefreshTokenHours > 0 && o.IdleMinutes > 0 && o.AbsoluteHours > 0
                           && o.StampCheckSeconds is >= 0 and <= 60, "Sessions: every lifetime must be positive, the stamp check at most 60 seconds.")
            .ValidateOnStart();
        services.AddSingleton<SessionValidator>();

        services.AddAuthentication(o =>
            {
                o.DefaultScheme = SelectorScheme;
                o.DefaultAuthenticateScheme = SelectorScheme;
                o.DefaultChallengeScheme = SelectorScheme;
                o.DefaultForbidScheme = SelectorScheme;
            })
            .AddPolicyScheme(SelectorScheme, null, o => o.ForwardDefaultSelector = SelectScheme)
            .AddBearerToken(IdentityConstants.BearerScheme)
            .AddScheme<AuthenticationSchemeOptions, CheckedBearerHandler>(CheckedBearerHandler.SchemeName, null)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);

        services.AddOptions<BearerTokenOptions>(IdentityConstants.BearerScheme).Configure<IOptions<SessionOptions>>((o, sessions) =>
        {
            o.BearerTokenExpiration = TimeSpan.FromMinutes(sessions.Value.AccessTokenMinutes);
            o.RefreshTokenExpiration = TimeSpan.FromHours(sessions.Value.RefreshTokenHours);
        });
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme).Configure<IOptions<SessionOptions>>((o, sessions) =>
            o.ExpireTimeSpan = TimeSpan.FromMinutes(sessions.Value.IdleMinutes));

        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "nyckelfri";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.LoginPath = "/Konto/Logga-in";
            o.LogoutPath = "/Konto/Logga-ut";
            o.AccessDeniedPath = "/Konto/Nekad";
            // Idle limit: the cookie lasts Sessions:IdleMinutes from the last request (set above); the absolute
            // limit and the login's stamp are checked on every request.
            o.SlidingExpiration = true;
            o.Events.OnValidatePrincipal = SessionValidator.ValidateCookieAsync;
            o.Events.OnSigningIn = ctx =>
            {
                ctx.HttpContext.RequestServices.GetRequiredService<SessionValidator>().MarkStarted(ctx.Properties);
                return Task.CompletedTask;
            };
            o.Events.OnRedirectToLogin = ctx => ApiAware(ctx, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = ctx => ApiAware(ctx, StatusCodes.Status403Forbidden);
        });

        services.AddNyckelfriExternalLogin();
        services.AddAuthorization(Policies.Configure);
        services.AddHttpContextAccessor();
        services.AddScoped<ScopeOverride>();
        services.AddScoped<IAccessScopeSource, RequestScopeSource>();
        return services;
    }

    /// <summary>
    /// Lets work outside a request (start-up, commands) run a DI scope as the system. Set it before
    /// anything in the scope resolves the DbContext.
    /// </summary>
    public sealed class ScopeOverride
    {
        public AccessScope? Scope { get; set; }
    }

    /// <summary>The scope of whoever the request is authenticated as, at the moment it is asked for.</summary>
    private sealed class RequestScopeSource(IHttpContextAccessor http, TimeProvider clock, ScopeOverride scopeOverride) : IAccessScopeSource
    {
        private System.Security.Claims.ClaimsPrincipal? _user;
        private AccessScope? _scope;

        public AccessScope Current
        {
            get
            {
                if (scopeOverride.Scope is { } fixedScope) return fixedScope;
                var user = http.HttpContext?.User;
                if (_scope is null || !ReferenceEquals(user, _user))
                    (_user, _scope) = (user, NyckelfriClaims.ScopeOf(user, clock));
                return _scope;
            }
        }
    }

    /// <summary>Which scheme authenticates the request: a bearer token, an API key (API only), else the cookie.</summary>
    public static string SelectScheme(HttpContext context)
    {
        if (context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            return CheckedBearerHandler.SchemeName;
        // API keys are for system integrations and open the API only, never a page.
        if (context.Request.Headers.ContainsKey(ApiKeyAuthenticationHandler.Header) && context.Request.Path.StartsWithSegments("/api"))
            return ApiKeyAuthenticationHandler.SchemeName;
        return IdentityConstants.ApplicationScheme;
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
        if (NyckelfriClaims.MustSetUpTwoFactor(context.User)
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
