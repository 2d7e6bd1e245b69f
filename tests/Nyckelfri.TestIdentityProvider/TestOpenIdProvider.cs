using System.Collections.Concurrent;
using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Nyckelfri.TestIdentityProvider;

/// <summary>
/// An OpenID Connect provider on a loopback port (see README.md). Its issuer is <c>http://127.0.0.1:{port}/</c>
/// whichever host name a request used, as a real provider's is fixed.
/// </summary>
public sealed class TestOpenIdProvider : IAsyncDisposable
{
    private const string LoginScheme = "idp-login";

    private readonly WebApplication _app;
    private readonly SqliteConnection _connection;
    private readonly ConcurrentDictionary<string, TestPerson> _people = new(StringComparer.Ordinal);
    private readonly IssuerHolder _issuer = new();

    private TestOpenIdProvider(WebApplication app, SqliteConnection connection)
    {
        _app = app;
        _connection = connection;
    }

    /// <summary>The issuer, ending in a slash, as it appears in the discovery document and the tokens.</summary>
    public Uri Issuer => _issuer.Value ?? throw new InvalidOperationException("Not started.");

    /// <summary>The port the provider listens on at 127.0.0.1.</summary>
    public int Port => Issuer.Port;

    public static async Task<TestOpenIdProvider> StartAsync()
    {
        var connection = new SqliteConnection("Data Source=:memory:");
        await connection.OpenAsync();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var issuer = new IssuerHolder();
        builder.Services.AddSingleton(issuer);
        builder.Services.AddDbContext<ProviderDb>(o => o.UseSqlite(connection).UseOpenIddict());
        builder.Services.AddAuthentication(LoginScheme).AddCookie(LoginScheme, o =>
        {
            o.LoginPath = "/login";
            o.Cookie.Name = "idp";
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        builder.Services.AddAuthorization();
        builder.Services.AddOpenIddict()
            .AddCore(o => o.UseEntityFrameworkCore().UseDbContext<ProviderDb>())
            .AddServer(o =>
            {
                o.SetAuthorizationEndpointUris("connect/authorize").SetTokenEndpointUris("connect/token").SetUserInfoEndpointUris("connect/userinfo");
                o.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange();
                o.RegisterScopes(Scopes.OpenId, Scopes.Profile);
                o.AddEphemeralEncryptionKey().AddEphemeralSigningKey();
                o.DisableAccessTokenEncryption();
                o.UseAspNetCore().EnableAuthorizationEndpointPassthrough().EnableTokenEndpointPassthrough().EnableUserInfoEndpointPassthrough().DisableTransportSecurityRequirement();
            });
        // Read when the server's options are first built: after Kestrel has its port.
        builder.Services.AddOptions<OpenIddictServerOptions>().Configure<IssuerHolder>((o, holder) => o.Issuer = holder.Value);

        var app = builder.Build();
        var provider = new TestOpenIdProvider(app, connection);
        provider.Map(app);
        await using (var scope = app.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<ProviderDb>().Database.EnsureCreatedAsync();
        await app.StartAsync();
        var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        issuer.Value = new Uri($"http://127.0.0.1:{address.Port}/");
        provider._issuer.Value = issuer.Value;
        return provider;
    }

    /// <summary>
    /// A person who can log in here; <paramref name="claims"/> go into their id token, <paramref name="userInfoClaims"/>
    /// only into the access token and so only the user-info answer (as some providers release an HSA-id).
    /// </summary>
    public void AddPerson(string userName, string password, IReadOnlyDictionary<string, string> claims,
        IReadOnlyDictionary<string, string>? userInfoClaims = null) =>
        _people[userName] = new TestPerson(userName, password, claims, userInfoClaims ?? new Dictionary<string, string>());

    /// <summary>Registers a confidential client that must use PKCE, allowed to return to <paramref name="redirectUris"/>.</summary>
    public async Task RegisterClientAsync(string clientId, string clientSecret, params Uri[] redirectUris)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var manager = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = clientId,
            ClientSecret = clientSecret,
            ClientType = ClientTypes.Confidential,
            Permissions =
            {
                Permissions.Endpoints.Authorization, Permissions.Endpoints.Token,
                Permissions.GrantTypes.AuthorizationCode, Permissions.ResponseTypes.Code, Permissions.Scopes.Profile,
            },
            Requirements = { Requirements.Features.ProofKeyForCodeExchange },
        };
        foreach (var uri in redirectUris) descriptor.RedirectUris.Add(uri);
        await manager.CreateAsync(descriptor);
    }

    private void Map(WebApplication app)
    {
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapGet("/login", (string? returnUrl) => Results.Content(LoginPage.Html(returnUrl, error: false), "text/html; charset=utf-8"));
        app.MapPost("/login", async (HttpContext context) =>
        {
            var form = await context.Request.ReadFormAsync();
            var returnUrl = form["returnUrl"].ToString();
            if (!_people.TryGetValue(form["username"].ToString(), out var person) || person.Password != form["password"].ToString())
                return Results.Content(LoginPage.Html(returnUrl, error: true), "text/html; charset=utf-8", statusCode: 200);
            var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, person.UserName)], LoginScheme);
            await context.SignInAsync(LoginScheme, new ClaimsPrincipal(identity));
            return Results.Redirect(returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal) ? returnUrl : "/");
        });
        app.MapMethods("/connect/authorize", ["GET", "POST"], (Delegate)Authorize);
        app.MapMethods("/connect/userinfo", ["GET", "POST"], async (HttpContext context) =>
        {
            // The access token's principal (OpenIddict has validated the token): its subject and the claims for user-info.
            var result = await context.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
            var principal = result.Principal!;
            var answer = new Dictionary<string, string> { [Claims.Subject] = principal.GetClaim(Claims.Subject)! };
            if (_people.TryGetValue(principal.GetClaim(Claims.Name) ?? "", out var person))
                foreach (var (type, value) in person.UserInfoClaims) answer[type] = value;
            return Results.Json(answer);
        });
        app.MapPost("/connect/token", async (HttpContext context) =>
        {
            // The code's principal, as it was signed in at the authorization endpoint.
            var result = await context.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
            return Results.SignIn(result.Principal!, authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        });
    }

    private async Task<IResult> Authorize(HttpContext context)
    {
        var request = context.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
        var login = await context.AuthenticateAsync(LoginScheme);
        if (!login.Succeeded || !_people.TryGetValue(login.Principal.Identity!.Name!, out var person))
            return Results.Challenge(new AuthenticationProperties { RedirectUri = context.Request.PathBase + context.Request.Path + context.Request.QueryString },
                [LoginScheme]);

        var identity = new ClaimsIdentity(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, "sub-" + person.UserName).SetClaim(Claims.Name, person.UserName);
        foreach (var (type, value) in person.Claims) identity.SetClaim(type, value);
        identity.SetScopes(request.GetScopes());
        identity.SetDestinations(_ => [Destinations.IdentityToken, Destinations.AccessToken]);
        return Results.SignIn(new ClaimsPrincipal(identity), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        await _connection.DisposeAsync();
    }

    private sealed record TestPerson(string UserName, string Password, IReadOnlyDictionary<string, string> Claims,
        IReadOnlyDictionary<string, string> UserInfoClaims);

    private sealed class IssuerHolder
    {
        public Uri? Value { get; set; }
    }

    private sealed class ProviderDb(DbContextOptions<ProviderDb> options) : DbContext(options);
}
