using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nyckelfri.Identity;
using Nyckelfri.IntegrationTests.Web;

namespace Nyckelfri.IntegrationTests.Accounts;

/// <summary>Logins the account tests make for themselves (each test its own), and their tokens.</summary>
internal static class AccountArrange
{
    public static async Task<string> NewUser(NyckelfriApp app, string role = Roles.CaseOfficer, Guid? municipality = null, string? name = null)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser
        {
            UserName = name ?? "u" + Guid.NewGuid().ToString("N")[..10], DisplayName = "Ny " + role, MunicipalityId = municipality ?? app.World.MunicipalityA,
        };
        var created = await users.CreateAsync(user, TestWorld.Password);
        created.Succeeded.ShouldBeTrue(string.Join(", ", created.Errors.Select(e => e.Code)));
        await users.AddToRoleAsync(user, role);
        return user.UserName!;
    }

    /// <summary>Turns TOTP on directly in the store (as an enrolled phone would have it) and returns the key.</summary>
    public static async Task<string> EnableTotp(NyckelfriApp app, string userName)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = (await users.FindByNameAsync(userName))!;
        await users.ResetAuthenticatorKeyAsync(user);
        await users.SetTwoFactorEnabledAsync(user, true);
        return (await users.GetAuthenticatorKeyAsync(user))!;
    }

    public static async Task<AppUser> Load(NyckelfriApp app, string userName)
    {
        await using var db = app.SystemContext();
        return await db.Users.AsNoTracking().SingleAsync(u => u.UserName == userName && u.MunicipalityId == app.World.MunicipalityA);
    }

    public static Task<HttpResponseMessage> Token(HttpClient anonymous, string userName, string password, string? code = null) =>
        anonymous.PostAsJsonAsync("/api/v1/auth/token", new { userName, password, twoFactorCode = code });

    public static async Task<HttpClient> Bearer(NyckelfriApp app, string userName, string password = TestWorld.Password, string? code = null)
    {
        using var anonymous = app.Anonymous();
        var response = await Token(anonymous, userName, password, code);
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        var client = app.Anonymous();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>The code of the current 30-second step, as the phone shows it.</summary>
    public static string CurrentCode(string key) => Totp.Code(key, DateTimeOffset.UtcNow);

    /// <summary>The code of the next step: still accepted (one step of drift), and not yet used.</summary>
    public static string NextCode(string key) => Totp.Code(key, DateTimeOffset.UtcNow.AddSeconds(30));

    public static async Task<JsonElement> Json(HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>();
}
