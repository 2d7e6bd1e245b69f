using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.DependencyInjection;
using System.Net;
using Nyckelfri.Common;
using Nyckelfri.Data;
using Nyckelfri.Testing;

namespace Nyckelfri.BrowserTests.Infrastructure;

/// <summary>
/// The real app on Kestrel (a browser cannot reach the in-memory TestServer), listening on a free
/// loopback port, with a fresh SQLite file so that start-up generates the demo municipality.
/// </summary>
public sealed class NyckelfriServer : WebApplicationFactory<Program>
{
    // On a tmpfs where there is one: the demo's thousands of rows are written without a disk flush.
    private readonly string _databaseFile = Path.Combine(Directory.Exists("/dev/shm") ? "/dev/shm" : Path.GetTempPath(),
        $"nyckelfri-browser-{Guid.NewGuid():N}.db");

    public Uri BaseAddress { get; private set; } = null!;

    public static NyckelfriServer Start()
    {
        var server = new NyckelfriServer();
        server.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        server.StartServer();
        var addresses = server.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        server.BaseAddress = new Uri(addresses.Single());
        return server;
    }

    /// <summary>
    /// The app's database, unfiltered, for a test to pick its data (a client without a lock, say)
    /// the way a person would know it; what the test then does goes through the browser.
    /// </summary>
    public NyckelfriDbContext OpenDatabase()
    {
        var options = new DbContextOptionsBuilder<NyckelfriDbContext>();
        DatabaseSetup.Configure(options, DatabaseProvider.Sqlite, $"Data Source={_databaseFile}");
        return new NyckelfriDbContext(options.Options, AccessScope.System(), RunClock.Instance);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        // Kestrel on plain http (loopback): Secure cookies would not come back (docs/security.md, "Sessions and transport").
        builder.UseSetting("Transport:HttpsOnly", "false");
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("ConnectionStrings:Nyckelfri", $"Data Source={_databaseFile}");
        // The emulated locks' key secret beside the database, never under the source tree.
        builder.UseSetting("Demo:LockSecretFile", _databaseFile + ".lock-keys");
        // The demo municipality and its emulated locks: every test runs in the demo, and "Öppna" opens an emulated lock.
        builder.UseSetting("Demo:Enabled", "true");
        builder.UseSetting("Demo:SeedOnEmpty", "true");
        // Configuration, not SetMinimumLevel: appsettings.json's "Default": "Information" would win.
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        // Rate limits out of the way: every browser logs in from 127.0.0.1, far faster than people do.
        foreach (var policy in new[] { "Login", "LoginFailures", "Search", "Reveal", "Export" })
            builder.UseSetting($"RateLimits:{policy}:PermitLimit", "1000000");
        // The key ring is encrypted at rest outside Development: the run's key-encryption certificate.
        foreach (var (key, value) in TestKeyEncryption.Run.Settings())
            builder.UseSetting(key, value);
        // The run's clock (the machine's, except near Swedish midnight): the demo and every test see one "today".
        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(RunClock.Instance);
        });
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { _databaseFile, _databaseFile + "-wal", _databaseFile + "-shm", _databaseFile + ".lock-keys" })
            File.Delete(file);
    }
}
