using Nyckelfri.Testing;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
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
/// Windows that mean what they say (issue 12, docs/digital-keys.md): a substitute booked for one day gets
/// a credential an emulated lock accepts until 23:59:59 of that day, skew included, and not a second
/// later; in the last seconds nothing is issued; on an ordinary day and on the next day the clocks change.
/// Break-glass takes the key and device key asked for, like /credentials. On SQLite and PostgreSQL.
/// </summary>
[Collection(AppCollections.Access)]
public sealed class CredentialWindowTests(AppFixture fixture)
{
    public static TheoryData<DatabaseProvider, bool> Days()
    {
        var data = new TheoryData<DatabaseProvider, bool>();
        foreach (var provider in Enum.GetValues<DatabaseProvider>())
        {
            data.Add(provider, false);
            data.Add(provider, true);
        }
        return data;
    }

    [DatabaseTheory, MemberData(nameof(Days))]
    public async Task OneDayBooking_OpensUntilTheLastSecondOfTheDay_SkewIncluded_AndNotASecondLonger(DatabaseProvider provider, bool clocksChange)
    {
        var app = await fixture.For(provider);
        using var door = await app.NewDoor(EmploymentType.Hourly, withUnit: false);
        var day = clocksChange ? NextDayTheClocksChange(RunClock.Today.AddDays(1)) : RunClock.Today;
        await Book(app, door, day);
        var lastSecond = SwedishTime.ToUtc(day.ToDateTime(new TimeOnly(23, 59, 59)));
        var skew = Protocol.DefaultAllowedSkew;
        try
        {
            app.Clock.Now = new DateTimeOffset(lastSecond - skew - TimeSpan.FromSeconds(1), TimeSpan.Zero);
            var phone = await app.ApiAsUser(door.UserName);
            var body = await (await phone.PostAsJsonAsync("/api/v1/credentials", new { lockId = door.LockId })).ShouldBeOk();
            Credential.TryDecode(Convert.FromBase64String(body.Text("credential")!), out var credential, out _).ShouldBeTrue();
            credential!.ValidUntil.UtcDateTime.ShouldBe(lastSecond - skew);

            using var emulated = await app.EmulatedLock(door);
            app.Clock.Now = new DateTimeOffset(lastSecond, TimeSpan.Zero);
            emulated.Present(door.Holder.Answer(emulated.Challenge(), credential)).Opened.ShouldBeTrue();
            app.Clock.Now = new DateTimeOffset(lastSecond + TimeSpan.FromSeconds(1), TimeSpan.Zero);
            SwedishTime.ToLocal(app.Clock.GetUtcNow().UtcDateTime).TimeOfDay.ShouldBe(TimeSpan.Zero);
            var late = emulated.Present(door.Holder.Answer(emulated.Challenge(), credential));
            late.Opened.ShouldBeFalse();
            late.Reason.ShouldBe(RefusalReason.Expired);

            // From the second whose credential would end no later than now, nothing more is issued that day.
            app.Clock.Now = new DateTimeOffset(lastSecond - skew, TimeSpan.Zero);
            var refused = await phone.PostAsJsonAsync("/api/v1/credentials", new { lockId = door.LockId });
            refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
            (await refused.Content.ReadFromJsonAsync<JsonElement>()).Text("code").ShouldBe("permission-ending");
        }
        finally
        {
            app.Clock.Now = null;
        }
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task BreakGlass_WithAnotherEmployeesKey_OrAnotherDeviceKey_IsRefused_AndWithItsOwnIsBoundToIt(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        using var door = await app.NewDoor();
        using var other = await app.NewDoor();
        var api = await app.ApiAsUser(door.UserName);
        const string reason = "Larm utan svar, brukaren kan ha fallit";
        using var stranger = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var before = await app.FingerprintAsync();

        var foreignKey = await api.PostAsJsonAsync("/api/v1/break-glass", new { lockId = door.LockId, reason, digitalKeyId = other.KeyId });
        foreignKey.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await foreignKey.Content.ReadFromJsonAsync<JsonElement>()).Text("type")!.ShouldEndWith("/no-key");
        var foreignDevice = await api.PostAsJsonAsync("/api/v1/break-glass",
            new { lockId = door.LockId, reason, holderPublicKey = Convert.ToBase64String(P256.ExportPublicKey(stranger)) });
        foreignDevice.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await foreignDevice.Content.ReadFromJsonAsync<JsonElement>()).Text("type")!.ShouldEndWith("/device-key-mismatch");
        await (await api.PostAsJsonAsync("/api/v1/break-glass", new { lockId = door.LockId, reason, holderPublicKey = "inte base64" }))
            .ShouldBeFieldError("holderPublicKey", "Enhetens publika nyckel ska vara 65 byte (0x04||X||Y) i base64.");
        (await app.FingerprintAsync()).ShouldBe(before);

        var own = await (await api.PostAsJsonAsync("/api/v1/break-glass", new
        {
            lockId = door.LockId, reason, digitalKeyId = door.KeyId, holderPublicKey = Convert.ToBase64String(P256.ExportPublicKey(door.DeviceKey)),
        })).ShouldBeOk();
        Credential.TryDecode(Convert.FromBase64String(own.Text("credential")!), out var credential, out _).ShouldBeTrue();
        credential!.HolderPublicKey.ToArray().ShouldBe(P256.ExportPublicKey(door.DeviceKey));
        credential.Kind.ShouldBe(CredentialKind.BreakGlass);
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task Credential_WithTwoIssuedKeys_TakesTheOneWhoseDeviceKeyIsPresented(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        using var door = await app.NewDoor();
        var (secondKeyId, secondDevice) = await app.GiveKey(door.EmployeeId);
        using var _ = secondDevice;
        var api = await app.ApiAsUser(door.UserName);

        var first = await (await api.PostAsJsonAsync("/api/v1/credentials",
            new { lockId = door.LockId, holderPublicKey = Convert.ToBase64String(P256.ExportPublicKey(door.DeviceKey)) })).ShouldBeOk();
        var second = await (await api.PostAsJsonAsync("/api/v1/credentials", new { lockId = door.LockId, digitalKeyId = secondKeyId })).ShouldBeOk();

        Holder(first).ShouldBe(P256.ExportPublicKey(door.DeviceKey));
        Holder(second).ShouldBe(P256.ExportPublicKey(secondDevice));
    }

    private static byte[] Holder(JsonElement body)
    {
        Credential.TryDecode(Convert.FromBase64String(body.Text("credential")!), out var credential, out _).ShouldBeTrue();
        return credential!.HolderPublicKey.ToArray();
    }

    /// <summary>The first day from <paramref name="from"/> whose length is not 24 h in Swedish time.</summary>
    internal static DateOnly NextDayTheClocksChange(DateOnly from)
    {
        for (var day = from; ; day = day.AddDays(1))
        {
            var start = SwedishTime.ToUtc(day.ToDateTime(TimeOnly.MinValue));
            var end = SwedishTime.ToUtc(day.AddDays(1).ToDateTime(TimeOnly.MinValue));
            if (end - start != TimeSpan.FromHours(24)) return day;
        }
    }

    private static async Task Book(NyckelfriApp app, Door door, DateOnly day)
    {
        var staffing = await app.ApiAs(Roles.StaffingUnit);
        await (await staffing.PostAsJsonAsync($"/api/v1/employees/{door.EmployeeId}/access-grants", new
        {
            kind = "SubstituteBooking", unitId = app.World.ExternalUnit, fromDate = day.ToString("yyyy-MM-dd"), toDate = day.ToString("yyyy-MM-dd"),
            reason = "Sjukfrånvaro",
        })).ShouldBeCreatedAt("/api/v1/access-grants");
    }
}
