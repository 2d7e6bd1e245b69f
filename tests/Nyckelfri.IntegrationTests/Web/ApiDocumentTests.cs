using System.Net;
using System.Text.Json;
using Nyckelfri.Data;
using Nyckelfri.Identity;

namespace Nyckelfri.IntegrationTests.Web;

/// <summary>The OpenAPI document describes the API, Swagger UI serves it, and health answers anonymously.</summary>
[Collection(AppCollections.Registry)]
public sealed class ApiDocumentTests(AppFixture fixture)
{
    [Fact]
    public async Task OpenApiDocument_ListsTheRegistryEndpoints()
    {
        var app = await fixture.For(DatabaseProvider.Sqlite);
        var api = await app.ApiAs(Roles.CaseOfficer);

        var document = JsonDocument.Parse(await api.GetStringAsync("/openapi/v1.json"));

        var paths = document.RootElement.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        paths.ShouldContain("/api/v1/clients");
        paths.ShouldContain("/api/v1/clients/{id}");
        paths.ShouldContain("/api/v1/auth/token");
        paths.Count.ShouldBeGreaterThan(30);
    }

    [Fact]
    public async Task SwaggerUi_IsServedToLoggedInUsersOnly()
    {
        var app = await fixture.For(DatabaseProvider.Sqlite);
        using var session = await PageSession.LoginAsync(app, TestWorld.UserFor(Roles.SystemAdministrator));

        var anonymous = await app.Anonymous().GetAsync("/swagger/index.html");
        var response = await session.Client.GetAsync("/swagger/index.html");

        anonymous.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldContain("swagger-ui");
    }

    [Fact]
    public async Task Health_AnswersHealthyWithoutLogin()
    {
        var app = await fixture.For(DatabaseProvider.Sqlite);

        var response = await app.Anonymous().GetAsync("/healthz");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldBe("Healthy");
    }
}
