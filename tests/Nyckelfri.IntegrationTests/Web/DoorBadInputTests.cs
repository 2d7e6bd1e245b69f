using System.Net;
using System.Text;
using Nyckelfri.Access;
using Nyckelfri.Data;
using Nyckelfri.IntegrationTests.Doors;
using Nyckelfri.IntegrationTests.Infrastructure;

namespace Nyckelfri.IntegrationTests.Web;

/// <summary>
/// <see cref="BadInputTests"/> for the write endpoints only care staff may call (the system administrator
/// that test runs as is refused them): enrolling a device key and the two steps of "Öppna", sent the same
/// malformed payloads by an employee with a web-app key. Each answers 4xx with a ProblemDetails body and
/// leaves the database as it was. (The challenge requests take no body: any request is a valid one.)
/// </summary>
[Collection(AppCollections.Access)]
public sealed class DoorBadInputTests(AppFixture fixture)
{
    [DatabaseTheory, DatabaseProviders]
    public async Task DoorAndEnrolmentWrites_RefuseBadInput_With4xxProblemAndNoChange(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        using var door = await app.NewDoor(keyKind: DigitalKeyKind.WebApp);
        var api = await app.ApiAsUser(door.UserName);
        string[] paths = ["/api/v1/me/device-key", $"/api/v1/doors/{door.LockId}/challenge", $"/api/v1/doors/{door.LockId}/break-glass-challenge",
            $"/api/v1/doors/{door.LockId}/response"];
        var failures = new List<string>();
        // One fingerprint before and one after (nothing else runs on the collection's app meanwhile): a
        // fingerprint per request would cost more than the requests.
        var fingerprint = await app.FingerprintAsync();

        foreach (var (name, body) in BadInputTests.Payloads.Select(row => ((string)row[0], (string)row[1])))
        foreach (var path in paths)
        {
            using var response = await api.PostAsync(path, new StringContent(body, Encoding.UTF8, "application/json"));
            var status = (int)response.StatusCode;
            if (status is < 400 or >= 500) failures.Add($"{path} ({name}): {status}");
            else if (response.Content.Headers.ContentType?.MediaType != "application/problem+json") failures.Add($"{path} ({name}): no ProblemDetails body");
        }
        if (await app.FingerprintAsync() != fingerprint) failures.Add("the database changed");

        failures.ShouldBeEmpty(string.Join(Environment.NewLine, failures));
        (await api.PostAsync($"/api/v1/doors/{door.LockId}/response", new StringContent("{\"response\": \"AAEC\"}", Encoding.UTF8, "application/json")))
            .StatusCode.ShouldBe(HttpStatusCode.Conflict);
    }
}
