using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nyckelfri.Data;
using Nyckelfri.Identity;
using Nyckelfri.IntegrationTests.Infrastructure;
using Nyckelfri.IntegrationTests.Web;

namespace Nyckelfri.IntegrationTests.Custody;

/// <summary>
/// TOTP authenticator keys and recovery codes are stored only encrypted under the protected key ring
/// (docs/key-custody.md): nothing in AspNetUserTokens gives the second factor away, and login still works.
/// </summary>
[Collection(AppCollections.Registry)]
public sealed class TwoFactorSecretsTests(AppFixture fixture)
{
    [DatabaseTheory, DatabaseProviders]
    public async Task EnableTotp_StoredRows_HoldNeitherTheKeyNorTheRecoveryCodes(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        var (userId, userName) = await NewUser(app);
        string key;
        IEnumerable<string> codes;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var user = (await users.FindByIdAsync(userId))!;
            await users.ResetAuthenticatorKeyAsync(user);
            await users.SetTwoFactorEnabledAsync(user, true);
            key = (await users.GetAuthenticatorKeyAsync(user))!;
            codes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10))!.ToList();
        }

        await using var db = app.SystemContext();
        var rows = await db.UserTokens.Where(t => t.UserId == userId).ToListAsync();
        rows.Select(r => r.Name).Order().ShouldBe(["AuthenticatorKey", "RecoveryCodes"]);
        foreach (var row in rows)
        {
            row.Value!.ShouldStartWith(ProtectedTokenUserStore.Prefix);
            row.Value.ShouldNotContain(key);
            foreach (var code in codes) row.Value.ShouldNotContain(code);
        }
        using var api = app.Anonymous();
        var login = await api.PostAsJsonAsync("/api/v1/auth/token",
            new { userName, password = TestWorld.Password, twoFactorCode = Totp.Code(key, DateTimeOffset.UtcNow) });
        login.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task ProtectClearTokens_RowWrittenInClear_EncryptedAndStillTheSameKey(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        var (userId, userName) = await NewUser(app);
        const string clearKey = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
        await using (var db = app.SystemContext())
        {
            // As Identity stored it before the secrets were encrypted.
            db.UserTokens.Add(new IdentityUserToken<string>
                { UserId = userId, LoginProvider = ProtectedTokenUserStore.InternalLoginProvider, Name = "AuthenticatorKey", Value = clearKey });
            var user = await db.Users.FirstAsync(u => u.Id == userId);
            user.TwoFactorEnabled = true;
            await db.SaveChangesAsync();
        }
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            // A clear value is never taken as a second factor.
            (await users.GetAuthenticatorKeyAsync((await users.FindByIdAsync(userId))!)).ShouldBeNull();
        }

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var protection = scope.ServiceProvider.GetRequiredService<IDataProtectionProvider>();
            await using var system = app.SystemContext();
            (await ProtectedTokenUserStore.ProtectClearTokensAsync(system, protection, CancellationToken.None)).ShouldBeGreaterThanOrEqualTo(1);
        }

        await using (var db = app.SystemContext())
        {
            var stored = await db.UserTokens.SingleAsync(t => t.UserId == userId);
            stored.Value!.ShouldStartWith(ProtectedTokenUserStore.Prefix);
            stored.Value.ShouldNotContain(clearKey);
        }
        using var api = app.Anonymous();
        var login = await api.PostAsJsonAsync("/api/v1/auth/token",
            new { userName, password = TestWorld.Password, twoFactorCode = Totp.Code(clearKey, DateTimeOffset.UtcNow) });
        login.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    private static async Task<(string Id, string UserName)> NewUser(NyckelfriApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser { UserName = "t" + Guid.NewGuid().ToString("N")[..10], DisplayName = "Tvåfaktor", MunicipalityId = app.World.MunicipalityA };
        (await users.CreateAsync(user, TestWorld.Password)).Succeeded.ShouldBeTrue();
        await users.AddToRoleAsync(user, Roles.CaseOfficer);
        return (user.Id, user.UserName);
    }
}
