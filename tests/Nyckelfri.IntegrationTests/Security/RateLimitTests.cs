using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Nyckelfri.Data;
using Nyckelfri.Identity;
using Nyckelfri.IntegrationTests.Infrastructure;
using Nyckelfri.IntegrationTests.Web;

namespace Nyckelfri.IntegrationTests.Security;

/// <summary>Apps of their own with low rate limits (the shared apps set them out of the way).</summary>
public sealed class RateLimitedAppFixture : AppFixture
{
    public const int Login = 6, LoginFailures = 3, Search = 3, Export = 2;

    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["RateLimits:Login:PermitLimit"] = Login.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["RateLimits:Login:WindowSeconds"] = "600",
        ["RateLimits:LoginFailures:PermitLimit"] = LoginFailures.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["RateLimits:LoginFailures:WindowSeconds"] = "900",
        ["RateLimits:Search:PermitLimit"] = Search.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["RateLimits:Search:WindowSeconds"] = "600",
        ["RateLimits:Export:PermitLimit"] = Export.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["RateLimits:Export:WindowSeconds"] = "600",
    };
}

/// <summary>
/// Issue 13: 429 ProblemDetails in Swedish with a stable code and Retry-After, after the configured limit, on
/// search, export and login; failed logins limited per user name and address without locking the account.
/// </summary>
public sealed class RateLimitTests(RateLimitedAppFixture fixture) : IClassFixture<RateLimitedAppFixture>
{
    [DatabaseTheory, DatabaseProviders]
    public async Task SearchByNumber_AfterTheLimit_Is429InSwedishWithRetryAfter_AndASecurityEvent_OtherUsersUnaffected(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        var caseOfficer = await app.ApiAs(Roles.CaseOfficer);
        var body = new { personalIdentityNumber = ApiChecks.PersonalIdentityNumber("19270707", "321") };
        for (var i = 0; i < RateLimitedAppFixture.Search; i++)
            (await caseOfficer.PostAsJsonAsync("/api/v1/clients/search", body)).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var limited = await caseOfficer.PostAsJsonAsync("/api/v1/clients/search", body);

        await ShouldBeRateLimited(limited);
        (await (await app.ApiAs(Roles.FeeOfficer)).PostAsJsonAsync("/api/v1/clients/search", body)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        await using var db = app.SystemContext();
        var events = await db.SecurityEvents.Where(e => e.Kind == SecurityEventKind.RateLimited && e.Detail == "search").ToListAsync();
        events.ShouldHaveSingleItem().UserName.ShouldBe(TestWorld.UserFor(Roles.CaseOfficer));
        events[0].MunicipalityId.ShouldBe(app.World.MunicipalityA);
        events[0].Subject.ShouldBe("/api/v1/clients/search");
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task Export_AfterTheLimit_Is429(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        var auditor = await app.ApiAs(Roles.Auditor);
        for (var i = 0; i < RateLimitedAppFixture.Export; i++)
            (await auditor.GetAsync("/api/v1/access-log/export")).StatusCode.ShouldBe(HttpStatusCode.OK);

        await ShouldBeRateLimited(await auditor.GetAsync("/api/v1/access-log/export"));
        // The list itself is not an export and is not limited.
        (await auditor.GetAsync("/api/v1/access-log")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task TokenLogin_FailuresPerUserNameThenPerAddress_Are429_AndTheAccountIsNeverLockedOut(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        var anonymous = app.Anonymous();
        var target = TestWorld.UserFor(Roles.Installer);
        var other = TestWorld.UserFor(Roles.Locksmith);
        Task<HttpResponseMessage> Token(string user, string password) =>
            anonymous.PostAsJsonAsync("/api/v1/auth/token", new { userName = user, password });

        for (var i = 0; i < RateLimitedAppFixture.LoginFailures; i++)
            (await Token(target, "fel-losenord-" + i)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        // This address has used up its guesses on this user name: even the right password waits.
        await ShouldBeRateLimited(await Token(target, TestWorld.Password));
        // Another user name from the same address is not held back by it.
        (await Token(other, "fel-losenord")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await Token(other, TestWorld.Password)).StatusCode.ShouldBe(HttpStatusCode.OK);

        // The address's own limit over all user names (requests so far: failures + 1 + 2).
        var sent = RateLimitedAppFixture.LoginFailures + 3;
        for (var i = sent; i < RateLimitedAppFixture.Login; i++)
            (await Token(other, "fel-losenord")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        await ShouldBeRateLimited(await Token(other, TestWorld.Password));
        // A flood of refusals is one security event per caller and policy per minute, not one each.
        for (var i = 0; i < 3; i++)
            (await Token(other, TestWorld.Password)).StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);

        // Fewer failures than Identity's lockout threshold reached the account from here: it is not locked.
        await using var db = app.SystemContext();
        var user = await db.Users.SingleAsync(u => u.UserName == target);
        user.LockoutEnd.ShouldBeNull();
        user.AccessFailedCount.ShouldBe(RateLimitedAppFixture.LoginFailures);
        (await db.SecurityEvents.CountAsync(e => e.Kind == SecurityEventKind.RateLimited && e.Detail == "login-failures" && e.UserName == target))
            .ShouldBe(1);
        (await db.SecurityEvents.CountAsync(e => e.Kind == SecurityEventKind.RateLimited && e.Detail == "login"
                                                 && (e.RemoteAddress ?? "") != "198.51.100.61")).ShouldBe(1);
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task LoginPage_AfterTheAddressLimit_Is429WithTheSwedishStatusPage_OtherAddressesUnaffected(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        // Addresses of their own (TEST-NET-2), so that the other tests' logins do not count here.
        Task<HttpContext> Post(string address) => app.Server.SendAsync(c =>
        {
            c.Connection.RemoteIpAddress = System.Net.IPAddress.Parse(address);
            c.Request.Method = HttpMethods.Post;
            c.Request.Path = "/Konto/Logga-in";
            c.Request.ContentType = "application/x-www-form-urlencoded";
            c.Request.Body = new MemoryStream("Input.UserName=nagon&Input.Password=fel"u8.ToArray());
        });
        for (var i = 0; i < RateLimitedAppFixture.Login; i++)
            (await Post("198.51.100.61")).Response.StatusCode.ShouldNotBe(StatusCodes.Status429TooManyRequests);

        var limited = await Post("198.51.100.61");

        limited.Response.StatusCode.ShouldBe(StatusCodes.Status429TooManyRequests);
        limited.Response.Headers.RetryAfter.ToString().ShouldNotBeNullOrEmpty();
        using (var reader = new StreamReader(limited.Response.Body))
            WebUtility.HtmlDecode(await reader.ReadToEndAsync()).ShouldContain("<h1>För många försök</h1>");
        (await Post("198.51.100.62")).Response.StatusCode.ShouldNotBe(StatusCodes.Status429TooManyRequests);
        await using var db = app.SystemContext();
        (await db.SecurityEvents.CountAsync(e => e.Kind == SecurityEventKind.RateLimited && e.RemoteAddress == "198.51.100.61")).ShouldBe(1);
    }

    private static async Task ShouldBeRateLimited(HttpResponseMessage response)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        response.Headers.RetryAfter.ShouldNotBeNull();
        (response.Headers.RetryAfter!.Delta ?? TimeSpan.Zero).ShouldBeGreaterThan(TimeSpan.Zero);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("status").GetInt32().ShouldBe(429);
        problem.Text("code").ShouldBe("rate-limited");
        problem.Text("detail")!.ShouldContain("Vänta");
    }
}
