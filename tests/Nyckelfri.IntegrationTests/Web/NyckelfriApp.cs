using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Nyckelfri.Common;
using Nyckelfri.Data;
using Nyckelfri.IntegrationTests.Infrastructure;
using Nyckelfri.Testing;

namespace Nyckelfri.IntegrationTests.Web;

/// <summary>
/// The real app (Program) on a real, fresh database of the given provider, with the <see cref="TestWorld"/>
/// seeded and real logins: API clients carry a bearer token from /api/v1/auth/token.
/// </summary>
/// <remarks>
/// Every app starts from a copy of one prepared database per provider (<see cref="WorldTemplate"/>): migrated,
/// the test world seeded, its users logged in once. A copy holds the same data-protection key ring and
/// the same users, so the bearer tokens of the template's logins are valid in every copy and are
/// handed on; a test's own logins are made by its app as before.
/// </remarks>
public sealed class NyckelfriApp : WebApplicationFactory<Program>
{
    private readonly ConcurrentDictionary<string, string> _tokens;

    private readonly bool _ownsDatabase;
    private readonly bool _demo;

    /// <summary>The host environment: "Testing", or "Production" for a host configured as in production (transport).</summary>
    public string HostEnvironment { get; init; } = "Testing";

    private NyckelfriApp(TestDatabase database, bool ownsDatabase, bool demo, IReadOnlyDictionary<string, string>? tokens = null,
        TestKeyEncryption? keyEncryption = null)
    {
        Database = database;
        KeyEncryption = keyEncryption ?? TestKeyEncryption.Run;
        _ownsDatabase = ownsDatabase;
        _demo = demo;
        _tokens = new ConcurrentDictionary<string, string>(tokens ?? new Dictionary<string, string>());
    }

    /// <summary>The demo's lock-key secret for every app of this test run (<c>Demo:LockSecretFile</c>).</summary>
    public static readonly string LockSecretFile = Path.Combine(Path.GetTempPath(), $"nyckelfri-test-lock-keys-{Environment.ProcessId}.secret");

    public TestDatabase Database { get; }

    /// <summary>The certificate that encrypts the app's Data Protection key ring: the run's, unless a test gave its own.</summary>
    public TestKeyEncryption KeyEncryption { get; }
    public TestClock Clock { get; } = new();

    /// <summary>The security events the app wrote to its log.</summary>
    public SecurityLog SecurityLog { get; } = new();

    /// <summary>This app's own configuration, set over <see cref="TestDefaults"/>.</summary>
    private IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// Rate limits out of the way: the tests log in and search far faster than people do, all from one address.
    /// The rate-limit tests start an app of their own with low limits.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> TestDefaults = new Dictionary<string, string>
    {
        ["RateLimits:Login:PermitLimit"] = "1000000",
        ["RateLimits:LoginFailures:PermitLimit"] = "1000000",
        ["RateLimits:Search:PermitLimit"] = "1000000",
        ["RateLimits:Reveal:PermitLimit"] = "1000000",
        ["RateLimits:Export:PermitLimit"] = "1000000",
    };
    public TestWorld World { get; private set; } = null!;

    /// <summary>The security events this app recorded (besides writing them where the app writes them).</summary>
    public RecordedSecurityEvents SecurityEvents { get; } = new();

    /// <summary>The app on a database of its own, holding the test world (a copy of the provider's template).</summary>
    /// <param name="demo">
    /// Whether the demo is wired in (<c>Demo:Enabled</c>): its emulated lock platform behind "Öppna" and its
    /// login list; never its municipalities (<c>Demo:SeedOnEmpty=false</c>). Off: a host as in production.
    /// </param>
    /// <param name="settings">Configuration for this app only (say, low rate limits), over the test defaults.</param>
    public static async Task<NyckelfriApp> StartAsync(DatabaseProvider provider, bool demo = true, string environment = "Testing",
        IReadOnlyDictionary<string, string>? settings = null)
    {
        var template = await WorldTemplate.For(provider);
        var database = await TestDatabase.CopyOfAsync(template.Database);
        var app = new NyckelfriApp(database, ownsDatabase: true, demo, template.Tokens)
        {
            World = template.World, HostEnvironment = environment, Settings = settings ?? new Dictionary<string, string>(),
        };
        try
        {
            _ = app.Server; // starts the host: the migrations find nothing to do
            return app;
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// The app on a copy of <paramref name="source"/>'s database as it is now (stop the app on it first),
    /// encrypting its key ring with <paramref name="keyEncryption"/>: a stolen backup started by someone
    /// without the original certificate. No bearer tokens are handed on; logins are made anew.
    /// </summary>
    public static async Task<NyckelfriApp> StartOnCopyAsync(NyckelfriApp source, TestKeyEncryption keyEncryption)
    {
        var database = await TestDatabase.CopyOfAsync(source.Database);
        var app = new NyckelfriApp(database, ownsDatabase: true, source._demo, keyEncryption: keyEncryption) { World = source.World };
        try
        {
            _ = app.Server;
            return app;
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// The app on an empty database that it migrates, with the test world seeded through its services:
    /// what <see cref="WorldTemplate"/> runs once per provider.
    /// </summary>
    internal static async Task<NyckelfriApp> StartOnEmptyAsync(TestDatabase database)
    {
        var app = new NyckelfriApp(database, ownsDatabase: false, demo: true);
        _ = app.Server; // starts the host: migrations run at start-up
        app.World = await TestWorld.SeedAsync(app.Services, () => database.Options, app.Clock);
        return app;
    }

    /// <summary>The bearer tokens this app holds, by user name.</summary>
    internal IReadOnlyDictionary<string, string> Tokens => _tokens;

    /// <summary>Another instance of the app on the same database, as behind a load balancer.</summary>
    public NyckelfriApp StartAnotherInstance()
    {
        var other = new NyckelfriApp(Database, ownsDatabase: false, _demo, keyEncryption: KeyEncryption) { World = World };
        _ = other.Server;
        return other;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(HostEnvironment);
        // The test server speaks plain http: Secure cookies would never come back. A Production host keeps the default.
        if (HostEnvironment == "Testing") builder.UseSetting("Transport:HttpsOnly", "false");
        // The template's tokens serve the whole run and tests move the app clock within the hour: an hour, as before.
        builder.UseSetting("Sessions:AccessTokenMinutes", "60");
        builder.UseSetting("Database:Provider", Database.Provider.ToString());
        builder.UseSetting("ConnectionStrings:Nyckelfri", Database.ConnectionString);
        // The demo's emulated lock platform for "Öppna" (on PostgreSQL too), without the demo municipalities.
        builder.UseSetting("Demo:Enabled", _demo ? "true" : "false");
        builder.UseSetting("Demo:SeedOnEmpty", "false");
        // The emulated locks' key secret (one per test run, never under the source tree).
        builder.UseSetting("Demo:LockSecretFile", LockSecretFile);
        builder.UseSetting("Notifications:IntervalSeconds", "0");
        builder.UseSetting("Routines:SweepIntervalMinutes", "0");
        builder.UseSetting("Visits:WebhookIntervalSeconds", "0");
        foreach (var (key, value) in KeyEncryption.Settings())
            builder.UseSetting(key, value);
        foreach (var (key, value) in TestDefaults.Concat(Settings))
            builder.UseSetting(key, value);
        builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning).AddProvider(SecurityLog));
        builder.ConfigureServices(services =>
        {
            SecurityEvents.Decorate(services);
            CountingPasswordHasher.Register(services);
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
            // A query that takes some rows of an unordered set answers differently from run to run: a test
            // that meets one fails at once instead of now and then.
            services.ConfigureDbContext<NyckelfriDbContext>(options => options.ConfigureWarnings(warnings =>
                warnings.Throw(Microsoft.EntityFrameworkCore.Diagnostics.CoreEventId.RowLimitingOperationWithoutOrderByWarning)));
        });
    }

    /// <summary>A context outside any request, seeing everything (for arranging and checking rows).</summary>
    public NyckelfriDbContext SystemContext() => Database.CreateContext(AccessScope.System(), Clock);

    /// <summary>A system context working for one municipality (what it adds belongs there).</summary>
    public NyckelfriDbContext SystemContext(Guid municipalityId) => Database.CreateContext(AccessScope.System(municipalityId), Clock);

    public HttpClient Anonymous() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    /// <summary>An API client logged in as the test world's user holding <paramref name="role"/>.</summary>
    public async Task<HttpClient> ApiAs(string role) => await ApiAsUser(TestWorld.UserFor(role));

    /// <summary>A client authenticated by the test world's API key (role Integration).</summary>
    public HttpClient WithApiKey()
    {
        var client = Anonymous();
        client.DefaultRequestHeaders.Add("X-Api-Key", World.ApiKeySecret);
        return client;
    }

    public async Task<HttpClient> ApiAsUser(string userName)
    {
        var token = _tokens.TryGetValue(userName, out var cached) ? cached : _tokens[userName] = await Token(userName);
        var client = Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>A new login's token pair (not cached): the access token and the refresh token.</summary>
    public async Task<(string AccessToken, string RefreshToken)> TokenPairAsync(string userName, string password = TestWorld.Password)
    {
        using var anonymous = Anonymous();
        var response = await anonymous.PostAsJsonAsync("/api/v1/auth/token", new { userName, password });
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<TokenPair>();
        return (body!.AccessToken, body.RefreshToken);
    }

    /// <summary>An API client carrying <paramref name="accessToken"/>.</summary>
    public HttpClient WithToken(string accessToken)
    {
        var client = Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return client;
    }

    private sealed record TokenPair(string AccessToken, string RefreshToken);

    private async Task<string> Token(string userName)
    {
        using var anonymous = Anonymous();
        var response = await anonymous.PostAsJsonAsync("/api/v1/auth/token", new { userName, password = TestWorld.Password });
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<TokenResponse>();
        return body!.AccessToken;
    }

    private sealed record TokenResponse(string AccessToken);

    /// <summary>Stops the host and lets go of the database without dropping it (to copy it, as a backup would be).</summary>
    public async Task StopAsync()
    {
        await base.DisposeAsync();
        await Database.ReleaseConnectionsAsync();
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_ownsDatabase) await Database.DisposeAsync();
    }
}

/// <summary>One app per database provider, shared by the tests of a class, started on first use.</summary>
public class AppFixture : IAsyncLifetime
{
    private readonly ConcurrentDictionary<DatabaseProvider, Lazy<Task<NyckelfriApp>>> _apps = new();

    /// <summary>Whether the apps have the demo wired in (the emulated lock platform, the demo login list).</summary>
    protected virtual bool Demo => true;

    /// <summary>The apps' host environment.</summary>
    protected virtual string HostEnvironment => "Testing";

    /// <summary>Configuration of these apps over the test defaults (see <see cref="NyckelfriApp.TestDefaults"/>).</summary>
    protected virtual IReadOnlyDictionary<string, string>? Settings => null;

    public Task<NyckelfriApp> For(DatabaseProvider provider) =>
        _apps.GetOrAdd(provider, p => new Lazy<Task<NyckelfriApp>>(() => NyckelfriApp.StartAsync(p, Demo, HostEnvironment, Settings))).Value;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var app in _apps.Values.Where(a => a.IsValueCreated))
            await (await app.Value).DisposeAsync();
    }
}

/// <summary>Like <see cref="AppFixture"/>, with the demo left out (<c>Demo:Enabled=false</c>): no lock platform, no demo logins.</summary>
public sealed class AppWithoutDemoFixture : AppFixture
{
    protected override bool Demo => false;
}

/// <summary>Apps configured as in production (environment Production, no demo): Secure cookies, HSTS.</summary>
public sealed class ProductionAppFixture : AppFixture
{
    protected override bool Demo => false;
    protected override string HostEnvironment => "Production";
}
