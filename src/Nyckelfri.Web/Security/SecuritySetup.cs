using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;
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
                // Length and a list of common passwords, no composition rules (ASVS 2.1.1, 2.1.7, 2.1.9;
                // NIST SP 800-63B): "Sommar2024!" passes composition rules, a long phrase need not.
                o.Password.RequiredLength = 12;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
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
            // Every TOTP code once (replaces Identity's authenticator provider of the same name).
            .AddTokenProvider<SingleUseAuthenticatorTokenProvider>(TokenOptions.DefaultAuthenticatorProvider)
            .AddPasswordValidator<CommonPasswordValidator>()
            .AddClaimsPrincipalFactory<NyckelfriClaimsFactory>();
        // User names unique per municipality, not across them (MunicipalityUserValidator).
        services.RemoveAll<IUserValidator<AppUser>>();
        services.AddScoped<IUserValidator<AppUser>, MunicipalityUserValidator>();
        services.AddScoped<PasswordLogin>();

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
    /// A user whose password someone else set may only replace it (or log out) until they have: pages go
    /// to the password page, the API answers 403 with the problem code <c>password-change-required</c>.
    /// </summary>
    public static IApplicationBuilder UsePasswordChangeEnforcement(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var path = context.Request.Path;
        if (context.User.HasClaim(NyckelfriClaims.PasswordChangeRequired, "true")
            && !path.StartsWithSegments(ChangePasswordPath) && !path.StartsWithSegments("/Konto/Logga-ut")
            && !path.StartsWithSegments(Api.AccountApi.PasswordPath) && !path.StartsWithSegments("/api/v1/auth")
            && !path.StartsWithSegments("/lib") && !path.StartsWithSegments("/css"))
        {
            if (path.StartsWithSegments("/api"))
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                await context.Response.WriteAsJsonAsync(new Microsoft.AspNetCore.Mvc.ProblemDetails
                {
                    Status = StatusCodes.Status403Forbidden,
                    Title = "Byt lösenord först.",
                    Detail = "Ditt lösenord är satt av någon annan. Byt det (POST " + Api.AccountApi.PasswordPath + ") innan du gör något annat.",
                    Type = "https://nyckelfri.se/problem/" + PasswordChangeRequiredCode,
                    Extensions = { ["code"] = PasswordChangeRequiredCode },
                }, (System.Text.Json.JsonSerializerOptions?)null, "application/problem+json");
                return;
            }
            context.Response.Redirect(ChangePasswordPath + "?ReturnUrl=" + Uri.EscapeDataString(path + context.Request.QueryString));
            return;
        }
        await next();
    });

    public const string ChangePasswordPath = "/Konto/Byt-losenord";
    public const string PasswordChangeRequiredCode = "password-change-required";

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
