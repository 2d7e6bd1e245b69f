using Nyckelfri.Identity;
using Nyckelfri.Tenancy;
using Nyckelfri.Web.Security;

namespace Nyckelfri.Web.Api;

/// <summary>The municipality's own settings, its logins and its API keys. System administrators only.</summary>
public static class AdminApi
{
    public static void MapAdminApi(this IEndpointRouteBuilder api)
    {
        var admin = api.MapGroup("").WithTags("Administration").RequireAuthorization(Policies.MunicipalityAdmin);

        admin.MapGet("/municipality", (MunicipalitySettings settings, CancellationToken ct) => settings.Get(ct));
        admin.MapPut("/municipality", async (MunicipalitySettings.Command command, MunicipalitySettings settings, CancellationToken ct) =>
        {
            await settings.Handle(command, ct);
            return await settings.Get(ct);
        });

        // The municipality's OpenID Connect identity provider; the client secret is written, never read.
        admin.MapGet("/identity-provider", (IdentityProviderSettings settings, CancellationToken ct) => settings.Get(ct));
        admin.MapPut("/identity-provider", (IdentityProviderSettings.Command command, IdentityProviderSettings settings, CancellationToken ct) =>
            settings.Handle(command, ct));

        admin.MapGet("/users", (UserAdministration users, CancellationToken ct) => users.List(ct));
        admin.MapPost("/users", async (UserAdministration.Command command, UserAdministration users, CancellationToken ct) =>
        {
            var id = await users.Create(command, ct);
            return TypedResults.Created($"/api/v1/users/{id}", new { id });
        });
        admin.MapPut("/users/{id:guid}", async (Guid id, UserAdministration.Command command, UserAdministration users, CancellationToken ct) =>
        {
            await users.Edit(id.ToString(), command, ct);
            return TypedResults.NoContent();
        });

        // Disable, enable, remove: each ends every session and token of the login at once (docs/security.md).
        admin.MapPost("/users/{id:guid}/disable", async (Guid id, LoginLifecycle logins, CancellationToken ct) =>
        {
            await logins.Disable(id.ToString(), ct);
            return TypedResults.NoContent();
        });
        admin.MapPost("/users/{id:guid}/enable", async (Guid id, LoginLifecycle logins, CancellationToken ct) =>
        {
            await logins.Enable(id.ToString(), ct);
            return TypedResults.NoContent();
        });
        admin.MapDelete("/users/{id:guid}", async (Guid id, LoginLifecycle logins, CancellationToken ct) =>
        {
            await logins.Remove(id.ToString(), ct);
            return TypedResults.NoContent();
        });

        // Staff onboarding: which employee a login is for. Unlinking takes back the employee's credentials at once.
        admin.MapPost("/users/{id:guid}/employee", async (Guid id, StaffLogins.Command command, StaffLogins staff, CancellationToken ct) =>
        {
            await staff.LinkAsync(id.ToString(), command, ct);
            return TypedResults.NoContent();
        });
        admin.MapDelete("/users/{id:guid}/employee", async (Guid id, StaffLogins staff, CancellationToken ct) =>
        {
            await staff.UnlinkAsync(id.ToString(), ct);
            return TypedResults.NoContent();
        });

        admin.MapGet("/api-keys", (ApiKeys keys, CancellationToken ct) => keys.List(ct));
        admin.MapPost("/api-keys", async (ApiKeys.CreateCommand command, ApiKeys keys, CancellationToken ct) =>
        {
            var created = await keys.Create(command, ct);
            return TypedResults.Created($"/api/v1/api-keys/{created.Id}", created);
        });
        admin.MapPost("/api-keys/{id:guid}/revoke", async (Guid id, ApiKeys keys, CancellationToken ct) =>
        {
            await keys.Revoke(id, ct);
            return TypedResults.NoContent();
        });
    }
}
