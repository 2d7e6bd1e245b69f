using System.Net;
using System.Net.Http.Json;
using Microsoft.IdentityModel.Tokens;
using Nyckelfri.Data;
using Nyckelfri.Identity;
using Nyckelfri.IntegrationTests.Doors;
using Nyckelfri.IntegrationTests.Infrastructure;
using Nyckelfri.IntegrationTests.Web;
using Nyckelfri.LockProtocol;

namespace Nyckelfri.IntegrationTests.Custody;

/// <summary>
/// The published issuer keys: <c>GET /api/v1/issuer-keys</c> is a JWK Set (RFC 7517) that an independent
/// library parses, and its keys verify real credentials at a lock configured from the JWK Set alone.
/// </summary>
[Collection(AppCollections.Access)]
public sealed class IssuerKeysApiTests(AppFixture fixture)
{
    [DatabaseTheory, DatabaseProviders]
    public async Task JwkSet_ParsedByIdentityModel_VerifiesARealCredentialAtALock(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        using var door = await app.NewDoor();
        var issued = await IssuerKeyRotationTests.IssueAsync(await app.ApiAsUser(door.UserName), door);

        var response = await app.WithApiKey().GetAsync("/api/v1/issuer-keys");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/jwk-set+json");
        var set = new JsonWebKeySet(await response.Content.ReadAsStringAsync());
        set.Keys.ShouldNotBeEmpty();
        foreach (var key in set.Keys)
        {
            key.Kty.ShouldBe("EC");
            key.Crv.ShouldBe("P-256");
            key.Use.ShouldBe("sig");
            key.Alg.ShouldBe("ES256");
            Base64UrlEncoder.DecodeBytes(key.X).Length.ShouldBe(32);
            Base64UrlEncoder.DecodeBytes(key.Y).Length.ShouldBe(32);
            KeyIds.IsValid(key.Kid).ShouldBeTrue();
        }
        var trusted = set.Keys.Select(k => new TrustedIssuer(k.Kid, [0x04, .. Base64UrlEncoder.DecodeBytes(k.X), .. Base64UrlEncoder.DecodeBytes(k.Y)])).ToList();
        trusted.ShouldContain(k => k.KeyId == issued.Credential.IssuerKeyId);
        using var fromJwks = new LockEmulator.EmulatedLock(new LockEmulator.EmulatedLockOptions { LockId = door.LockId, TrustedIssuers = trusted }, app.Clock);
        IssuerKeyRotationTests.Open(fromJwks, door, issued.Credential).ShouldBe(RefusalReason.None);
        // A key id the set names, with another key: the credential's signature does not verify.
        using var other = P256.CreateKey();
        var wrong = trusted.Select(k => k.KeyId == issued.Credential.IssuerKeyId ? k with { PublicKey = P256.ExportPublicKey(other) } : k).ToList();
        using var misled = new LockEmulator.EmulatedLock(new LockEmulator.EmulatedLockOptions { LockId = door.LockId, TrustedIssuers = wrong }, app.Clock);
        IssuerKeyRotationTests.Open(misled, door, issued.Credential).ShouldBe(RefusalReason.IssuerSignatureInvalid);
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task Status_AsAdministrator_ShowsTheSigningKeyWithItsFingerprint(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        var admin = await app.ApiAs(Roles.SystemAdministrator);

        var status = await (await admin.GetAsync("/api/v1/issuer-keys/status")).ShouldBeOk();

        var keys = status.GetProperty("keys").EnumerateArray().ToList();
        keys.ShouldContain(k => k.GetProperty("status").GetString() == "Signing");
        keys.ShouldAllBe(k => k.GetProperty("fingerprint").GetString()!.Length == 95);
        status.GetProperty("keySetVersion").GetInt64().ShouldBeGreaterThanOrEqualTo(1);
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task Retire_UnknownKeyOrNone_NotFoundOrBadRequest(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        var admin = await app.ApiAs(Roles.SystemAdministrator);

        (await admin.PostAsync("/api/v1/issuer-keys/nf-nope-9/retire", null)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await admin.PostAsync("/api/v1/issuer-keys/%20/retire", null)).StatusCode.ShouldBeOneOf(HttpStatusCode.BadRequest, HttpStatusCode.NotFound);
    }
}

/// <summary>The command line's issuer-key commands (docs/key-custody.md), run in-process against the app's services.</summary>
[Collection(AppCollections.Access)]
public sealed class IssuerKeyCommandTests(AppFixture fixture)
{
    [DatabaseTheory, DatabaseProviders]
    public async Task IssuerKeys_PrintsTheSameJwkSetAsTheApi(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        var code = await MunicipalityCode(app);
        var api = new JsonWebKeySet(await (await app.WithApiKey().GetAsync("/api/v1/issuer-keys")).Content.ReadAsStringAsync());
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = await Nyckelfri.Web.Hosting.IssuerKeyCommands.RunAsync(app.Services, "issuer-keys", [code], output, error);

        exit.ShouldBe(0, error.ToString());
        var printed = new JsonWebKeySet(output.ToString());
        printed.Keys.Select(k => (k.Kid, k.X, k.Y)).ShouldBe(api.Keys.Select(k => (k.Kid, k.X, k.Y)));
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task Commands_BadArguments_ExitWithAMessageAndChangeNothing(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        var code = await MunicipalityCode(app);
        await using var db = app.SystemContext();
        var keysBefore = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.IssuerKeys);

        (await Run(app, "issuer-keys", [])).Exit.ShouldBe(2);
        (await Run(app, "issuer-keys", ["finns-inte"])).Error.ShouldContain("ingen kommun");
        var tooShort = await Run(app, "rotate-issuer-key", [code, "0.5"]);
        tooShort.Exit.ShouldBe(2);
        tooShort.Error.ShouldContain("övergångstiden");
        (await Run(app, "rotate-issuer-key", [code, "tjugo"])).Exit.ShouldBe(2);
        (await Run(app, "retire-issuer-key", [code, "nf-finns-inte"])).Exit.ShouldBe(1);

        (await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.IssuerKeys)).ShouldBe(keysBefore);
    }

    private static async Task<(int Exit, string Error)> Run(NyckelfriApp app, string command, string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await Nyckelfri.Web.Hosting.IssuerKeyCommands.RunAsync(app.Services, command, args, output, error);
        return (exit, error.ToString());
    }

    private static async Task<string> MunicipalityCode(NyckelfriApp app)
    {
        await using var db = app.SystemContext();
        return await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(
            db.Municipalities.Where(m => m.Id == app.World.MunicipalityA).Select(m => m.Code));
    }
}
