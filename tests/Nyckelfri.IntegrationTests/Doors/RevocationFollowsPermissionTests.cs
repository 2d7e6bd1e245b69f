using Nyckelfri.Testing;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Nyckelfri.Access;
using Nyckelfri.Common;
using Nyckelfri.Data;
using Nyckelfri.Identity;
using Nyckelfri.IntegrationTests.Infrastructure;
using Nyckelfri.IntegrationTests.Web;
using Nyckelfri.LockProtocol;
using Nyckelfri.Staff;

namespace Nyckelfri.IntegrationTests.Doors;

/// <summary>
/// Revocation follows permission (issue 12, docs/revocation.md): for each way a permission ends before
/// the credential issued under it, through the API as the people who do it. Before the new list reaches
/// the emulated lock, the old credential still opens it and the lock's sync status (the lock page) shows
/// the exposure with the lock's clock skew; once the list is applied, the lock refuses the credential by
/// its id. On SQLite and PostgreSQL.
/// </summary>
[Collection(AppCollections.Access)]
public sealed class RevocationFollowsPermissionTests(AppFixture fixture)
{
    public enum Way
    {
        SubstituteBookingWithdrawn,
        EmploymentEnded,
        LongLeaveBegun,
        UnitRestricted,
        MovedOutOfUnit,
        ChangeOfProvider,
        LastServiceEnded,
        LoginUnlinked,
    }

    public static TheoryData<DatabaseProvider, Way> Ways()
    {
        var data = new TheoryData<DatabaseProvider, Way>();
        foreach (var provider in Enum.GetValues<DatabaseProvider>())
            foreach (var way in Enum.GetValues<Way>())
                data.Add(provider, way);
        return data;
    }

    [DatabaseTheory, MemberData(nameof(Ways))]
    public async Task PermissionEnds_TheIssuedCredentialIsNamedInTheNextList_AndTheLockRefusesItOnceTheListArrives(DatabaseProvider provider, Way way)
    {
        var app = await fixture.For(provider);
        var substitute = way == Way.SubstituteBookingWithdrawn;
        using var door = await app.NewDoor(substitute ? EmploymentType.Hourly : EmploymentType.Permanent, withUnit: !substitute);
        var grant = substitute ? await Book(app, door) : (Guid?)null;
        var phone = await app.ApiAsUser(door.UserName);
        var credential = await Issue(phone, door);
        using var emulated = await app.EmulatedLock(door);

        await End(app, door, way, grant);

        await using (var db = app.SystemContext())
        {
            var revoked = await db.RevokedCredentials.SingleAsync(r => r.CredentialId == credential.CredentialId);
            revoked.ReasonCode.ShouldBe(ExpectedCode(way));
            revoked.ValidUntil.ShouldBe(credential.ValidUntil.UtcDateTime);
        }
        // Before the list reaches the lock: the lock page counts the exposure, skew included ...
        var sync = await (await app.ApiAs(Roles.SystemAdministrator)).GetFromJsonAsync<JsonElement>($"/api/v1/locks/{door.LockId}/sync");
        var exposed = sync.GetProperty("revokedCredentials").EnumerateArray().ShouldHaveSingleItem();
        exposed.GetProperty("credentialId").GetGuid().ShouldBe(credential.CredentialId);
        exposed.GetProperty("opensUntil").GetDateTime().ToUniversalTime()
            .ShouldBe(credential.ValidUntil.UtcDateTime + Protocol.DefaultAllowedSkew);
        // ... and the lock, offline, still opens for it.
        emulated.Present(door.Holder.Answer(emulated.Challenge(), credential)).Opened.ShouldBeTrue();

        var list = await CurrentList(app);
        list.IsCredentialRevoked(credential.CredentialId).ShouldBeTrue();
        emulated.ApplyRevocationList(list.ToArray()).Applied.ShouldBeTrue();
        var after = emulated.Present(door.Holder.Answer(emulated.Challenge(), credential));
        after.Opened.ShouldBeFalse();
        after.Reason.ShouldBe(RefusalReason.CredentialRevoked);
        // And the server issues nothing new.
        (await phone.PostAsJsonAsync("/api/v1/credentials", new { lockId = door.LockId })).StatusCode
            .ShouldBeOneOf(HttpStatusCode.Forbidden, HttpStatusCode.Conflict);
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task AChangeThatKeepsThePermission_RevokesNothing(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        using var door = await app.NewDoor();
        var credential = await Issue(await app.ApiAsUser(door.UserName), door);

        // A new phone number is a change to the employee, but takes nothing away.
        await EditEmployee(app, door, e => e["phone"] = "070-999 88 77");

        await using var db = app.SystemContext();
        (await db.RevokedCredentials.AnyAsync(r => r.CredentialId == credential.CredentialId)).ShouldBeFalse();
        (await CurrentList(app)).IsCredentialRevoked(credential.CredentialId).ShouldBeFalse();
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task TheLockPage_ShowsTheRevokedCredentialWithTheSkew_UntilTheLockHasTheList(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        using var door = await app.NewDoor();
        var credential = await Issue(await app.ApiAsUser(door.UserName), door);

        await End(app, door, Way.EmploymentEnded, null);

        using var session = await PageSession.LoginAsync(app, TestWorld.UserFor(Roles.SystemAdministrator));
        var page = WebUtility.HtmlDecode(await session.Client.GetStringAsync($"/Utrustning/{door.LockId}"));
        var opensUntil = Nyckelfri.Common.SwedishTime.ToLocal(credential.ValidUntil.UtcDateTime + Protocol.DefaultAllowedSkew);
        page.ShouldContain($"1 st, kan öppna till {opensUntil:yyyy-MM-dd HH:mm:ss}");
        page.ShouldContain("låsets klocktolerans (120 sekunder)");
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task BlocksAndEndedPermissionsAtTheSameMoment_AllSucceed_WithConsecutiveListVersions_AndTheNewestNamesThemAll(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        var blocked = new List<Door>();
        var ended = new List<(Door Door, Credential Credential)>();
        for (var i = 0; i < 4; i++) blocked.Add(await app.NewDoor());
        for (var i = 0; i < 4; i++)
        {
            var door = await app.NewDoor();
            ended.Add((door, await Issue(await app.ApiAsUser(door.UserName), door)));
        }
        var alarmCentre = await app.ApiAs(Roles.AlarmCentreAdministration);
        var before = (await CurrentListOrNone(app))?.ListVersion ?? 0;

        // Every one of these publishes a list; before, two at once took the same version and one got 409.
        var blocks = blocked.Select(async d =>
            await (await alarmCentre.PostAsJsonAsync($"/api/v1/digital-keys/{d.KeyId}/block", new { reason = "Borttappad" })).ShouldBeOk());
        var ends = ended.Select(e => End(app, e.Door, Way.EmploymentEnded, null));
        await Task.WhenAll(blocks.Cast<Task>().Concat(ends));

        await using var db = app.SystemContext();
        var published = await db.RevocationLists.Where(r => r.MunicipalityId == app.World.MunicipalityA && r.ListVersion > before)
            .Select(r => r.ListVersion).OrderBy(v => v).ToListAsync();
        published.ShouldBe([.. Enumerable.Range(1, published.Count).Select(n => before + n)]);
        published.Count.ShouldBe(8);
        var newest = await CurrentList(app);
        foreach (var (_, credential) in ended) newest.IsCredentialRevoked(credential.CredentialId).ShouldBeTrue();
        foreach (var door in blocked) newest.IsHolderKeyRevoked(door.Holder.PublicKey).ShouldBeTrue();
    }

    private static async Task<RevocationList?> CurrentListOrNone(NyckelfriApp app)
    {
        await using var db = app.SystemContext();
        return await db.RevocationLists.AnyAsync(r => r.MunicipalityId == app.World.MunicipalityA) ? await CurrentList(app) : null;
    }

    internal static async Task<Credential> Issue(HttpClient phone, Door door)
    {
        var body = await (await phone.PostAsJsonAsync("/api/v1/credentials", new { lockId = door.LockId })).ShouldBeOk();
        Credential.TryDecode(Convert.FromBase64String(body.Text("credential")!), out var credential, out _).ShouldBeTrue();
        return credential!;
    }

    internal static async Task<RevocationList> CurrentList(NyckelfriApp app)
    {
        await using var db = app.SystemContext();
        var newest = await db.RevocationLists.Where(r => r.MunicipalityId == app.World.MunicipalityA).OrderByDescending(r => r.ListVersion).FirstAsync();
        RevocationList.TryDecode(newest.Encoded, out var list, out _).ShouldBeTrue();
        return list!;
    }

    private static string ExpectedCode(Way way) => way switch
    {
        Way.SubstituteBookingWithdrawn => nameof(PermissionDenial.SubstituteNotBooked),
        Way.EmploymentEnded => nameof(PermissionDenial.EmploymentEnded),
        Way.LongLeaveBegun => nameof(PermissionDenial.OnLongLeave),
        Way.UnitRestricted => nameof(PermissionDenial.UnitRestricted),
        Way.MovedOutOfUnit or Way.ChangeOfProvider => nameof(PermissionDenial.NoServingUnit),
        Way.LastServiceEnded => nameof(PermissionDenial.NoServiceBehindLock),
        Way.LoginUnlinked => "login-unlinked",
        _ => throw new ArgumentOutOfRangeException(nameof(way)),
    };

    private static async Task<Guid> Book(NyckelfriApp app, Door door)
    {
        var staffing = await app.ApiAs(Roles.StaffingUnit);
        var today = app.Clock.Today();
        var grant = await (await staffing.PostAsJsonAsync($"/api/v1/employees/{door.EmployeeId}/access-grants", new
        {
            kind = "SubstituteBooking", unitId = app.World.ExternalUnit, fromDate = today.ToString("yyyy-MM-dd"),
            toDate = today.AddDays(2).ToString("yyyy-MM-dd"), reason = "Sjukfrånvaro",
        })).ShouldBeCreatedAt("/api/v1/access-grants");
        return grant.Id();
    }

    /// <summary>Ends the permission the way <paramref name="way"/> says, through the API, as the role that does it.</summary>
    private static async Task End(NyckelfriApp app, Door door, Way way, Guid? grant)
    {
        var today = app.Clock.Today();
        switch (way)
        {
            case Way.SubstituteBookingWithdrawn:
                await (await (await app.ApiAs(Roles.StaffingUnit)).PostAsJsonAsync($"/api/v1/access-grants/{grant}/withdraw",
                    new { reason = "Bokningen avbokad" })).ShouldBeOk();
                break;
            case Way.EmploymentEnded:
                await EditEmployee(app, door, e => e["endDate"] = today.AddDays(-1).ToString("yyyy-MM-dd"));
                break;
            case Way.LongLeaveBegun:
                await EditEmployee(app, door, e => e["longLeaveFrom"] = today.ToString("yyyy-MM-dd"));
                break;
            case Way.UnitRestricted:
                await (await (await app.ApiAs(Roles.UnitManager)).PostAsJsonAsync($"/api/v1/employees/{door.EmployeeId}/access-grants", new
                {
                    kind = "RestrictUnit", unitId = app.World.ExternalUnit, fromDate = today.ToString("yyyy-MM-dd"),
                    toDate = today.AddDays(2).ToString("yyyy-MM-dd"), reason = "Utredning pågår",
                })).ShouldBeCreatedAt("/api/v1/access-grants");
                break;
            case Way.MovedOutOfUnit:
                await EditEmployee(app, door, e => e["unitIds"] = Array.Empty<Guid>());
                break;
            case Way.ChangeOfProvider:
                await EditService(app, door, s => s["unitId"] = app.World.InternalUnit);
                break;
            case Way.LastServiceEnded:
                await EditService(app, door, s => s["endDate"] = today.AddDays(-1).ToString("yyyy-MM-dd"));
                break;
            case Way.LoginUnlinked:
                var admin = await app.ApiAs(Roles.SystemAdministrator);
                var user = (await admin.GetFromJsonAsync<JsonElement>("/api/v1/users")).EnumerateArray().Single(u => u.Text("userName") == door.UserName);
                (await admin.DeleteAsync($"/api/v1/users/{user.Text("id")}/employee")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
                break;
        }
    }

    private static async Task EditEmployee(NyckelfriApp app, Door door, Action<Dictionary<string, object?>> change)
    {
        var api = await app.ApiAs(Roles.SystemAdministrator);
        var e = await api.GetFromJsonAsync<JsonElement>($"/api/v1/employees/{door.EmployeeId}");
        var command = new Dictionary<string, object?>
        {
            ["version"] = e.Version(), ["firstName"] = e.Text("firstName"), ["lastName"] = e.Text("lastName"), ["title"] = e.Text("title"),
            ["providerId"] = e.GetProperty("providerId").GetGuid(),
            ["unitIds"] = e.GetProperty("units").EnumerateArray().Select(u => u.Id()).ToArray(),
            ["employmentType"] = e.Text("employmentType"), ["startDate"] = e.Text("startDate"), ["endDate"] = e.Text("endDate"),
            ["longLeaveFrom"] = e.Text("longLeaveFrom"), ["longLeaveTo"] = e.Text("longLeaveTo"), ["phone"] = e.Text("phone"), ["email"] = e.Text("email"),
        };
        change(command);
        await (await api.PutAsJsonAsync($"/api/v1/employees/{door.EmployeeId}", command)).ShouldBeOk();
    }

    private static async Task EditService(NyckelfriApp app, Door door, Action<Dictionary<string, object?>> change)
    {
        var api = await app.ApiAs(Roles.CaseOfficer);
        var services = await api.GetFromJsonAsync<JsonElement>($"/api/v1/clients/{door.ClientId}/services");
        var s = services.GetProperty("items").EnumerateArray().Single();
        var command = new Dictionary<string, object?>
        {
            ["version"] = s.Version(), ["kind"] = s.Text("kind"), ["assessed"] = s.GetProperty("assessed").GetBoolean(),
            ["unitId"] = s.GetProperty("unitId").GetGuid(), ["startDate"] = s.Text("startDate"), ["endDate"] = s.Text("endDate"),
            ["decisionReference"] = s.TryGetProperty("decisionReference", out var r) ? r.GetString() : null,
        };
        change(command);
        await (await api.PutAsJsonAsync($"/api/v1/services/{s.Id()}", command)).ShouldBeOk();
    }
}
