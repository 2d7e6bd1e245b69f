using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Nyckelfri.Common;
using Nyckelfri.Identity;
using Nyckelfri.IntegrationTests.Web;
using Nyckelfri.Providers;
using Nyckelfri.Staff;
using Nyckelfri.Tenancy;
using Nyckelfri.TestIdentityProvider;
using Nyckelfri.Web.Security;

namespace Nyckelfri.IntegrationTests.ExternalLogin;

/// <summary>
/// A municipality of its own for one test (so switching its passwords off touches no one else's logins):
/// a provider, an employee with a personnel id whose login is a case officer, a system administrator,
/// and Nyckelfri registered as a client at the test identity provider with this app's redirect URI.
/// </summary>
public sealed partial class OidcMunicipality
{
    public Guid Id { get; private init; }
    public string StaffUserName { get; private init; } = "";
    public string PersonnelId { get; private init; } = "";
    public string AdminUserName { get; private init; } = "";
    public string AdminUserId { get; private init; } = "";
    public string ClientId { get; private init; } = "";

    /// <summary>The user name and password of the employee at the identity provider.</summary>
    public string ProviderLogin => "idp-" + StaffUserName;

    public const string ProviderPassword = "idp-lösen-1";

    public static async Task<OidcMunicipality> ArrangeAsync(NyckelfriApp app, TestOpenIdProvider idp, Uri? redirectBase = null)
    {
        var suffix = Guid.NewGuid().ToString("N")[..10];
        var municipality = new Municipality("Oidc " + suffix, "oidc-" + suffix, isDemo: false) { TwoFactorRoles = "" };
        var provider = new Provider(municipality.Id, "Hemtjänsten " + suffix, ProviderKind.Internal);
        var employee = new Employee(municipality.Id, provider.Id, "Ida", "Idp", EmploymentType.Permanent, app.Clock.Today().AddYears(-1))
        {
            PersonnelId = "SE2321000016-" + suffix,
        };
        await using (var db = app.SystemContext(municipality.Id))
        {
            db.AddRange(municipality, provider, employee);
            await db.SaveChangesAsync();
        }

        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var staff = new AppUser { UserName = "oidc-" + suffix, DisplayName = "Ida Idp", MunicipalityId = municipality.Id, EmployeeId = employee.Id };
        (await users.CreateAsync(staff, TestWorld.Password)).Succeeded.ShouldBeTrue();
        await users.AddToRoleAsync(staff, Roles.CaseOfficer);
        var admin = new AppUser { UserName = "oidc-admin-" + suffix, DisplayName = "Admin Idp", MunicipalityId = municipality.Id };
        (await users.CreateAsync(admin, TestWorld.Password)).Succeeded.ShouldBeTrue();
        await users.AddToRoleAsync(admin, Roles.SystemAdministrator);

        var result = new OidcMunicipality
        {
            Id = municipality.Id, StaffUserName = staff.UserName, PersonnelId = employee.PersonnelId, AdminUserName = admin.UserName,
            AdminUserId = admin.Id, ClientId = "nyckelfri-" + suffix,
        };
        // The provider knows the employee by the HSA-id, and (to show it is ignored) claims a role for them.
        idp.AddPerson(result.ProviderLogin, ProviderPassword,
            new Dictionary<string, string> { ["hsa_id"] = result.PersonnelId, ["role"] = Roles.SystemAdministrator });
        await idp.RegisterClientAsync(result.ClientId, ClientSecret, new Uri(redirectBase ?? new Uri("http://localhost"), $"/signin-oidc/{municipality.Id:N}"));
        return result;
    }

    public const string ClientSecret = "klienthemlighet-för-testet";

    /// <summary>Sets the municipality's identity provider as its system administrator would.</summary>
    public async Task ConfigureAsync(NyckelfriApp app, string authority, bool passwordsOff = false, string? fallbackUserId = null,
        string claim = "hsa_id", ExternalIdentityMatch match = ExternalIdentityMatch.PersonnelId, bool useUserInfo = false)
    {
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<SecuritySetup.ScopeOverride>().Scope = AccessScope.System(Id);
        var settings = scope.ServiceProvider.GetRequiredService<IdentityProviderSettings>();
        var current = await settings.Get(CancellationToken.None);
        await settings.Handle(new IdentityProviderSettings.Command
        {
            Version = current.Version, DisplayName = "Testkommunens e-legitimation", Authority = authority, ClientId = ClientId,
            ClientSecret = ClientSecret, Scopes = "profile", IdentifierClaim = claim, MatchBy = match, Enabled = true,
            LocalPasswordsDisabled = passwordsOff, PasswordFallbackUserId = fallbackUserId, UseUserInfo = useUserInfo,
        }, CancellationToken.None);
    }

    /// <summary>
    /// "Logga in med …" on Nyckelfri's login page, the provider's login form, and back to Nyckelfri's
    /// callback: what a browser does, with the cookies of each site kept apart. Returns Nyckelfri's answer to the callback.
    /// </summary>
    public async Task<HttpResponseMessage> SignInAsync(PageSession session, string login, string password = ProviderPassword) =>
        await session.Client.GetAsync((await ProviderCallbackAsync(session, login, password)).PathAndQuery);

    /// <summary>The way there and through the provider's login form: the callback address the provider sends the browser back to.</summary>
    public async Task<Uri> ProviderCallbackAsync(PageSession session, string login, string password = ProviderPassword)
    {
        var challenge = await session.PostFormAsync("/Konto/Logga-in", new() { ["municipality"] = Id.ToString() }, handler: "External");
        challenge.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var authorize = challenge.Headers.Location!;
        authorize.IsAbsoluteUri.ShouldBeTrue();
        var query = QueryHelpers.ParseQuery(authorize.Query);
        query["response_type"].ToString().ShouldBe("code");
        query["code_challenge_method"].ToString().ShouldBe("S256");
        query.ShouldContainKey("nonce");
        query.ShouldContainKey("state");

        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() });
        var toLogin = await browser.GetAsync(authorize);
        toLogin.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var loginPage = new Uri(authorize, toLogin.Headers.Location!);
        var form = await browser.GetStringAsync(loginPage);
        var returnUrl = WebUtility.HtmlDecode(ReturnUrlField().Match(form).Groups[1].Value);
        var posted = await browser.PostAsync(new Uri(authorize, "/login"), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["username"] = login, ["password"] = password, ["returnUrl"] = returnUrl,
        }));
        posted.StatusCode.ShouldBe(HttpStatusCode.Redirect, "the provider's login form took the person");
        var back = await browser.GetAsync(new Uri(authorize, posted.Headers.Location!));
        back.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var callback = back.Headers.Location!;
        callback.AbsolutePath.ShouldBe($"/signin-oidc/{Id:N}");
        return callback;
    }

    [GeneratedRegex("name=\"returnUrl\" value=\"([^\"]*)\"")]
    private static partial Regex ReturnUrlField();
}
