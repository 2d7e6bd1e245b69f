using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Nyckelfri.Common;
using Nyckelfri.Data;
using Nyckelfri.Identity;
using Nyckelfri.IntegrationTests.Infrastructure;
using Nyckelfri.IntegrationTests.Web;
using Nyckelfri.Web.Security;

namespace Nyckelfri.IntegrationTests.Security;

/// <summary>
/// Authorization fails closed (docs/security.md, Failing closed): the fallback policy refuses a route that
/// declares nothing, start-up refuses such a route by name, and a provider role whose login lacks its
/// provider is refused instead of being read as a municipal role.
/// </summary>
[Collection(AppCollections.Registry)]
public sealed class FailingClosedTests(AppFixture fixture)
{
    [DatabaseTheory, DatabaseProviders]
    public async Task ProviderRoleWithoutProvider_IsRefused_NeverWidenedToTheMunicipality(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        var userName = "utan-utforare-" + Guid.NewGuid().ToString("N")[..8];
        await using (var scope = app.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<SecuritySetup.ScopeOverride>().Scope = AccessScope.System();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            // Written past the administration's rule (which demands a provider), as a stale or hand-edited row would be.
            var user = new AppUser { UserName = userName, DisplayName = "Utan utförare", MunicipalityId = app.World.MunicipalityA, ProviderId = null };
            (await users.CreateAsync(user, TestWorld.Password)).Succeeded.ShouldBeTrue();
            (await users.AddToRoleAsync(user, Roles.Employee)).Succeeded.ShouldBeTrue();
        }
        var api = await app.ApiAsUser(userName);
        var employee = await app.ApiAs(Roles.Employee);

        foreach (var path in new[] { "/api/v1/clients/", "/api/v1/visits/", "/api/v1/devices/" })
        {
            (await api.GetAsync(path)).StatusCode.ShouldBe(HttpStatusCode.Forbidden, path);
            (await employee.GetAsync(path)).StatusCode.ShouldBe(HttpStatusCode.OK, path);
        }
    }

    [Fact]
    public async Task FallbackPolicy_RouteThatDeclaresNothing_IsRefusedEvenToASignedInUser()
    {
        var app = await fixture.For(DatabaseProvider.Sqlite);
        var authorization = app.Services.GetRequiredService<IAuthorizationService>();
        var options = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<AuthorizationOptions>>().Value;
        var signedIn = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.Role, Roles.SystemAdministrator), new Claim(NyckelfriClaims.Municipality, app.World.MunicipalityA.ToString())], "test"));
        var undeclared = new DefaultHttpContext();
        undeclared.SetEndpoint(new RouteEndpoint(_ => Task.CompletedTask, Microsoft.AspNetCore.Routing.Patterns.RoutePatternFactory.Parse("/x"), 0,
            EndpointMetadataCollection.Empty, "undeclared"));
        var unrouted = new DefaultHttpContext();

        options.FallbackPolicy.ShouldBeSameAs(Policies.Fallback);
        (await authorization.AuthorizeAsync(signedIn, undeclared, Policies.Fallback)).Succeeded.ShouldBeFalse();
        (await authorization.AuthorizeAsync(signedIn, unrouted, Policies.Fallback)).Succeeded.ShouldBeTrue();
        (await authorization.AuthorizeAsync(new ClaimsPrincipal(new ClaimsIdentity()), unrouted, Policies.Fallback)).Succeeded.ShouldBeFalse();
    }

    [Fact]
    public async Task StartUp_TheAppsEndpoints_AllDeclare()
    {
        var app = await fixture.For(DatabaseProvider.Sqlite);

        DeclaredAuthorization.Undeclared(app.Services.GetRequiredService<EndpointDataSource>()).ShouldBeEmpty();
    }

    [Fact]
    public void StartUp_AnEndpointThatDeclaresNothing_RefusesToStartNamingIt()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Services.AddAuthorization(Policies.Configure);
        var app = builder.Build();
        app.MapGet("/declared", () => "ja").RequireAuthorization(Policies.ClientsRead);
        app.MapGet("/open", () => "ja").AllowAnonymous();
        app.MapPost("/forgotten/{id:guid}", (Guid id) => "nej");
        app.MapGet("/bare", () => "nej").RequireAuthorization();

        var error = Should.Throw<InvalidOperationException>(app.RefuseUndeclaredEndpoints);

        error.Message.ShouldContain("POST /forgotten/{id:guid}");
        error.Message.ShouldContain("GET /bare");
        error.Message.ShouldNotContain("/declared");
        error.Message.ShouldNotContain("/open");
    }
}
