using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Nyckelfri.Access;
using Nyckelfri.BrowserTests.Infrastructure;
using Nyckelfri.BrowserTests.Pages;
using Nyckelfri.LockEmulator;
using Nyckelfri.LockProtocol;
using Xunit.Abstractions;

namespace Nyckelfri.BrowserTests;

/// <summary>
/// The staff app's device key held by the browser (issue 12): made by WebCrypto, not extractable, kept in
/// IndexedDB; enrolled with a proof of possession at the first "Öppna"; the lock's challenge signed in the
/// browser. The server holds no private half, and the bytes the script builds are the ones
/// <see cref="Holder.Answer"/> builds in C#, so an emulated lock accepts them.
/// </summary>
public sealed class BrowserKeyTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    private const int PhoneWidth = 375;

    // What the page's own script stored for a login: its public key and whether the private half can leave.
    private const string StoredKeyScript = """
        async login => {
            const db = await new Promise((ok, fail) => { const r = indexedDB.open('nyckelfri-device-keys', 1); r.onsuccess = () => ok(r.result); r.onerror = () => fail(r.error); });
            const record = await new Promise((ok, fail) => { const r = db.transaction('keys').objectStore('keys').get(login); r.onsuccess = () => ok(r.result); r.onerror = () => fail(r.error); });
            db.close();
            return { publicKey: btoa(String.fromCharCode(...record.publicKey)), extractable: record.privateKey.extractable,
                     algorithm: record.privateKey.algorithm.name + ' ' + record.privateKey.algorithm.namedCurve, usages: record.privateKey.usages.join(',') };
        }
        """;

    [BrowserFact]
    public async Task Employee_OpensWithAKeyOnlyTheBrowserHolds_AndTheDatabaseHoldsNoPrivateHalf()
    {
        await using var phone = await OpenBrowser(Viewport.Phone, "BrowserKey-medarbetare");
        var mine = await (await (await LoginPage.Open(phone)).LoginAs("medarbetare")).GoToMyClients();
        var (_, clientPath) = await mine.FirstClientWithLock();

        (await mine.Open(clientPath)).ShouldBe("Dörren är upplåst.");
        (await phone.DocumentScrollWidth()).ShouldBeLessThanOrEqualTo(PhoneWidth + 1, "after opening");

        var userId = await Fixture.Query(db => db.Users.Where(u => u.UserName == "medarbetare").Select(u => u.Id).SingleAsync());
        var stored = await phone.Page.EvaluateAsync<JsonElement>(StoredKeyScript, userId);
        stored.GetProperty("extractable").GetBoolean().ShouldBeFalse();
        stored.GetProperty("algorithm").GetString().ShouldBe("ECDSA P-256");
        stored.GetProperty("usages").GetString().ShouldBe("sign");
        var onRecord = await Fixture.Query(async db =>
        {
            var employeeId = await db.Users.Where(u => u.UserName == "medarbetare").Select(u => u.EmployeeId).SingleAsync();
            return await db.DigitalKeys.IgnoreQueryFilters()
                .Where(k => k.EmployeeId == employeeId && k.Kind == DigitalKeyKind.WebApp && k.Status == DigitalKeyStatus.Issued)
                .Select(k => k.HolderPublicKey).SingleAsync();
        });
        Convert.ToBase64String(onRecord).ShouldBe(stored.GetProperty("publicKey").GetString());
        // Not encrypted, not elsewhere: the digital key's table has no column for a private half at all.
        var columns = await Fixture.Query(db => db.Database.SqlQueryRaw<string>("SELECT name AS \"Value\" FROM pragma_table_info('DigitalKeys')").ToListAsync());
        columns.ShouldContain("HolderPublicKey");
        columns.ShouldNotContain(c => c.Contains("Private", StringComparison.OrdinalIgnoreCase));

        // Break-glass from the door page: the same key in the browser, a reason required.
        var door = await DoorPage.Open(phone, clientPath);
        (await door.BreakGlass("")).ShouldBe("Dörren öppnades inte.");
        (await door.ReasonError()).ShouldBe("Anledning till nödöppningen måste anges.");
        (await door.BreakGlass("Brukaren svarar inte, larm utan svar.")).ShouldBe("Dörren är upplåst (nödöppning, granskas av enhetschefen).");
        (await phone.DocumentScrollWidth()).ShouldBeLessThanOrEqualTo(PhoneWidth + 1, "door page");
    }

    [BrowserFact]
    public async Task TheScriptsResponse_IsByteForByteHolderAnswer_AndTheEmulatedLockAcceptsOneSignedByWebCrypto()
    {
        await using var browser = await OpenBrowser(test: "BrowserKey-layout");
        await LoginPage.Open(browser);
        using var issuerKey = P256.CreateKey();
        var issuer = new Issuer("browser-pin-1", issuerKey);
        var now = DateTimeOffset.UtcNow;
        var lockId = Guid.CreateVersion7();

        // The same inputs through C# (Holder.Answer) and through the page's script.
        using var holderKey = P256.CreateKey();
        var credential = issuer.Issue(Guid.CreateVersion7(), P256.ExportPublicKey(holderKey), lockId, now.AddMinutes(-1), now.AddHours(1));
        var challenge = new Challenge(lockId, RandomNumberGenerator.GetBytes(Protocol.LockNonceLength), now);
        var answer = new Holder(holderKey).Answer(challenge, credential);
        var script = await browser.Page.EvaluateAsync<JsonElement>("""
            async a => {
                const m = await import('/js/door-key.js');
                const challenge = m.fromBase64(a.challenge), credential = m.fromBase64(a.credential);
                return { signed: m.base64(await m.responseSignedBytes(a.tag, a.version, challenge, credential)),
                         response: m.base64(m.responseBytes(a.version, challenge, credential, m.fromBase64(a.signature))) };
            }
            """, new
        {
            tag = Enrolment.ResponseTag, version = (int)Enrolment.ResponseVersion, challenge = Convert.ToBase64String(challenge.Encode()),
            credential = Convert.ToBase64String(credential.Encoded), signature = Convert.ToBase64String(answer.HolderSignature),
        });
        Convert.FromBase64String(script.GetProperty("response").GetString()!).ShouldBe(answer.ToArray());
        holderKey.VerifyData(Convert.FromBase64String(script.GetProperty("signed").GetString()!), answer.HolderSignature,
            HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation).ShouldBeTrue("Holder.Answer signed exactly the script's signed bytes");

        // The script's low-S normalisation is the C# one: the high-S twin of a signature comes back as the low one.
        var low = Enrolment.NormaliseLowS(answer.HolderSignature);
        var high = HighSTwin(low);
        var normalised = await browser.Page.EvaluateAsync<string[]>("""
            async a => { const m = await import('/js/door-key.js'); return [m.base64(m.lowS(m.fromBase64(a.high))), m.base64(m.lowS(m.fromBase64(a.low)))]; }
            """, new { high = Convert.ToBase64String(high), low = Convert.ToBase64String(low) });
        normalised.ShouldBe([Convert.ToBase64String(low), Convert.ToBase64String(low)]);

        // A key made by WebCrypto in the page, a credential bound to it, a real lock's challenge: the lock opens.
        using var emulated = new EmulatedLock(new EmulatedLockOptions { LockId = lockId, SerialNumber = "PIN-1", TrustedIssuers = [issuer.Trusted()] });
        var browserKey = await browser.Page.EvaluateAsync<string>("""
            async () => {
                const m = await import('/js/door-key.js');
                const pair = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign', 'verify']);
                window.pinKey = pair;
                return m.base64(new Uint8Array(await crypto.subtle.exportKey('raw', pair.publicKey)));
            }
            """);
        var bound = issuer.Issue(Guid.CreateVersion7(), Convert.FromBase64String(browserKey), lockId, now.AddMinutes(-1), now.AddHours(1));
        var lockChallenge = emulated.Challenge();
        var signedInBrowser = await browser.Page.EvaluateAsync<string>("""
            async a => {
                const m = await import('/js/door-key.js');
                const challenge = m.fromBase64(a.challenge), credential = m.fromBase64(a.credential);
                const signature = await m.sign(window.pinKey.privateKey, await m.responseSignedBytes(a.tag, a.version, challenge, credential));
                return m.base64(m.responseBytes(a.version, challenge, credential, signature));
            }
            """, new
        {
            tag = Enrolment.ResponseTag, version = (int)Enrolment.ResponseVersion, challenge = Convert.ToBase64String(lockChallenge.Encode()),
            credential = Convert.ToBase64String(bound.Encoded),
        });
        var response = Convert.FromBase64String(signedInBrowser);
        Response.TryDecode(response, out var decoded, out _).ShouldBeTrue();
        Enrolment.IsLowS(decoded!.HolderSignature).ShouldBeTrue("the script normalises to low-S");
        var opened = emulated.Present(response);
        opened.Opened.ShouldBeTrue(opened.Reason.ToString());
    }

    [BrowserFact]
    public async Task AlarmCentre_RegistersAPhoneAppKeyOnlyWithAProofOverThePagesChallenge()
    {
        await using var support = await OpenBrowser(test: "BrowserKey-larmcentral");
        await (await LoginPage.Open(support)).LoginAs("larmcentral-support");
        using var phone = P256.CreateKey();
        var publicKey = Convert.ToBase64String(P256.ExportPublicKey(phone));
        var number = "POP-" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();

        // A proof by another key is refused on the form, and nothing is registered.
        var page = await RegisterDigitalKeyPage.Open(support);
        var (challenge, keyId) = await page.ChallengeToSign();
        using var other = P256.CreateKey();
        await page.Register(number, publicKey, Convert.ToBase64String(Enrolment.Prove(other, challenge, keyId)));
        (await page.VisibleText()).ShouldContain("Beviset stämmer inte");
        (await Fixture.Query(db => db.DigitalKeys.IgnoreQueryFilters().CountAsync(k => k.KeyNumber == number))).ShouldBe(0);

        // The page showed a fresh challenge; the phone signs that one.
        (challenge, keyId) = await page.ChallengeToSign();
        await page.Register(number, publicKey, Convert.ToBase64String(Enrolment.Prove(phone, challenge, keyId)));

        support.Page.Url.ShouldEndWith($"/Nycklar/Digitala/{keyId}");
        (await page.VisibleText()).ShouldContain(Convert.ToHexString(P256.KeyHash(P256.ExportPublicKey(phone)))[..16]);
    }

    /// <summary>r ‖ (n − s): the same ECDSA signature with the other s.</summary>
    private static byte[] HighSTwin(byte[] signature)
    {
        var order = System.Numerics.BigInteger.Parse("0FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551",
            System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture);
        var s = new System.Numerics.BigInteger(signature.AsSpan(32), isUnsigned: true, isBigEndian: true);
        var twin = (order - s).ToByteArray(isUnsigned: true, isBigEndian: true);
        var result = signature.ToArray();
        Array.Clear(result, 32, 32);
        twin.CopyTo(result, 64 - twin.Length);
        return result;
    }
}
