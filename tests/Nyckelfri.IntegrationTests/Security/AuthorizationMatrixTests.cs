using System.Net;
using System.Text;
using Nyckelfri.Data;
using Nyckelfri.Identity;
using Nyckelfri.IntegrationTests.Infrastructure;
using Nyckelfri.IntegrationTests.Web;

namespace Nyckelfri.IntegrationTests.Security;

/// <summary>
/// Every page and endpoint declares its authorization, appears in <see cref="AuthorizationMatrix"/>,
/// and answers every role (and nobody) as the matrix says, with real logins on both databases.
/// </summary>
public sealed class AuthorizationMatrixTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task EveryEndpoint_DeclaresAPolicyOrAllowsAnonymous()
    {
        var app = await fixture.For(DatabaseProvider.Sqlite);

        var silent = AppEndpoint.All(app.Services).Where(e => !e.AllowsAnonymous && !e.DeclaresPolicy).Select(e => e.Key).ToList();

        silent.ShouldBeEmpty("these endpoints declare no authorization: " + string.Join(", ", silent));
    }

    [Fact]
    public async Task Matrix_ListsExactlyTheAppsEndpoints()
    {
        var app = await fixture.For(DatabaseProvider.Sqlite);
        var actual = AppEndpoint.All(app.Services).Select(e => e.Key).ToHashSet();

        var missing = actual.Except(AuthorizationMatrix.Expected.Keys).Order().ToList();
        var stale = AuthorizationMatrix.Expected.Keys.Except(actual).Order().ToList();

        missing.ShouldBeEmpty("not in the authorization matrix: " + string.Join(", ", missing));
        stale.ShouldBeEmpty("in the matrix but not in the app: " + string.Join(", ", stale));
    }

    [Fact]
    public async Task Matrix_ListsExactlyTheAppsPageHandlers()
    {
        var app = await fixture.For(DatabaseProvider.Sqlite);
        var actual = (await PageHandler.AllAsync(app.Services)).Select(h => h.Key).ToHashSet();

        var missing = actual.Except(AuthorizationMatrix.PageHandlers.Keys).Order().ToList();
        var stale = AuthorizationMatrix.PageHandlers.Keys.Except(actual).Order().ToList();

        actual.ShouldContain("POST /Nycklar/Digitala/{id:guid}?handler=Block");
        missing.ShouldBeEmpty("page handlers not in the authorization matrix: " + string.Join(", ", missing));
        stale.ShouldBeEmpty("in the matrix but not a handler of the app: " + string.Join(", ", stale));
    }

    [Fact]
    public async Task AnonymousPageHandlers_AreExactlyTheExpectedOnes()
    {
        var app = await fixture.For(DatabaseProvider.Sqlite);

        var anonymous = (await PageHandler.AllAsync(app.Services)).Where(h => h.AllowsAnonymous).Select(h => h.Key).Order().ToList();

        anonymous.ShouldBe(AuthorizationMatrix.PageHandlers.Where(h => h.Value is null).Select(h => h.Key).Order().ToList());
    }

    [Fact]
    public async Task AnonymousEndpoints_AreExactlyTheExpectedOnes()
    {
        var app = await fixture.For(DatabaseProvider.Sqlite);

        var anonymous = AppEndpoint.All(app.Services).Where(e => e.AllowsAnonymous).Select(e => e.Key).Order().ToList();

        anonymous.ShouldBe(AuthorizationMatrix.Expected.Where(e => e.Value is null).Select(e => e.Key).Order().ToList());
    }

    /// <summary>
    /// Every endpoint once per caller, with unknown ids: pages opened (GET), API writes with an empty body.
    /// <see cref="WriteAuthorizationTests"/> sends every write and every page handler on real records.
    /// </summary>
    [DatabaseTheory, DatabaseProviders]
    public async Task EveryRole_GetsWhatTheMatrixSays(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        // Logging out ends every token of its caller: it goes last.
        var endpoints = AppEndpoint.All(app.Services).OrderBy(e => e.Key == "POST /api/v1/auth/logout").ToList();
        var failures = new List<string>();

        var callers = new List<(string Name, HttpClient Client)> { ("anonym", app.Anonymous()), (Roles.Integration, app.WithApiKey()) };
        foreach (var role in AuthorizationMatrix.People) callers.Add((role, await app.ApiAs(role)));

        foreach (var endpoint in endpoints)
        {
            var allowed = AuthorizationMatrix.Expected.GetValueOrDefault(endpoint.Key);
            foreach (var (name, client) in callers)
            {
                using var response = await client.SendAsync(Request(endpoint));
                var status = (int)response.StatusCode;
                var location = response.Headers.Location?.ToString() ?? "";
                var refused = status is 401 or 403 || location.Contains("/Konto/Logga-in") || location.Contains("/Konto/Nekad");
                if (allowed is null)
                {
                    // Open pages may still answer 403 or redirect by their own logic (the access-denied
                    // page, the TOTP step without a pending login); only a login demand is wrong.
                    if (status == 401 || location.Contains("/Konto/Logga-in?"))
                        failures.Add($"{endpoint.Key} as {name}: open endpoint demanded a login ({status})");
                    continue;
                }
                var expectAllowed = name != "anonym" && allowed.Contains(name);
                if (expectAllowed && refused)
                    failures.Add($"{endpoint.Key} as {name}: expected allowed, got {status} {location}");
                if (!expectAllowed && !refused)
                    failures.Add($"{endpoint.Key} as {name}: expected refused, got {status}");
                var isApi = endpoint.Path.StartsWith("/api/", StringComparison.Ordinal);
                if (!expectAllowed && name == "anonym" && isApi && status != 401)
                    failures.Add($"{endpoint.Key} as anonym: expected 401, got {status}");
                if (!expectAllowed && name != "anonym" && isApi && status != 403)
                    failures.Add($"{endpoint.Key} as {name}: expected 403, got {status}");
            }
        }

        failures.ShouldBeEmpty(string.Join(Environment.NewLine, failures));
    }

    private static HttpRequestMessage Request(AppEndpoint endpoint)
    {
        var path = string.Join('/', endpoint.Path.Split('/').Select(segment => segment switch
        {
            _ when segment.Contains(":guid") => Guid.NewGuid().ToString(),
            _ when segment.Contains(":int") => "404",
            "{documentName}.json" => "v1.json",
            _ when segment.StartsWith('{') => "x",
            _ => segment,
        }));
        var method = endpoint.Method is "PAGE" or "ANY" ? HttpMethod.Get : new HttpMethod(endpoint.Method);
        var request = new HttpRequestMessage(method, path);
        if (method == HttpMethod.Post || method == HttpMethod.Put)
            request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
        return request;
    }
}
