using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nyckelfri.Common;
using Nyckelfri.Data;
using Nyckelfri.IntegrationTests.Infrastructure;
using Nyckelfri.Testing;
using Nyckelfri.Web.Hosting;

namespace Nyckelfri.IntegrationTests.Custody;

/// <summary>
/// Start-up and the key-encryption certificate (docs/key-custody.md): outside Development a host without
/// one refuses to start and says what to configure; the embedded demo makes one under data/, readable by
/// its owner only, and the key ring it writes is encrypted. SQLite only: the database is not the point.
/// </summary>
public sealed class KeyCustodyHostTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("nyckelfri-custody-").FullName;

    [Fact]
    public void Start_OutsideDevelopmentWithoutCertificate_RefusesWithWhatToConfigure()
    {
        using var host = new Host("Production", b =>
        {
            b.UseSetting("Database:Provider", "Sqlite");
            b.UseSetting("ConnectionStrings:Nyckelfri", $"Data Source={Path.Combine(_folder, "prod.db")}");
            b.UseSetting("Demo:Enabled", "false");
        });

        var error = Should.Throw<Exception>(() => host.Server);

        Messages(error).ShouldContain(m => m.Contains(KeyCustody.PathSetting) && m.Contains("encrypted at rest"));
    }

    [Fact]
    public void Start_CertificateFileMissing_RefusesNamingTheFile()
    {
        var missing = Path.Combine(_folder, "missing.pfx");
        using var host = new Host("Production", b =>
        {
            b.UseSetting("Database:Provider", "Sqlite");
            b.UseSetting("ConnectionStrings:Nyckelfri", $"Data Source={Path.Combine(_folder, "prod.db")}");
            b.UseSetting("Demo:Enabled", "false");
            b.UseSetting(KeyCustody.PathSetting, missing);
        });

        var error = Should.Throw<Exception>(() => host.Server);

        Messages(error).ShouldContain(m => m.Contains(missing));
    }

    [Fact]
    public async Task Start_EmbeddedDemo_MakesACertificateReadableByItsOwnerAndEncryptsTheKeyRing()
    {
        await using (var host = new Host("Production", b =>
        {
            b.UseSetting("Database:Provider", "Sqlite");
            b.UseSetting("Database:DataFolder", _folder);
            b.UseSetting("Demo:Enabled", "true");
            b.UseSetting("Demo:SeedOnEmpty", "false");
        }))
        {
            using var client = host.CreateClient();
            (await client.GetAsync("/Konto/Logga-in")).EnsureSuccessStatusCode();
        }

        var certificate = Path.Combine(_folder, KeyCustody.GeneratedFileName);
        File.Exists(certificate).ShouldBeTrue();
        if (!OperatingSystem.IsWindows())
            File.GetUnixFileMode(certificate).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        var options = new DbContextOptionsBuilder<NyckelfriDbContext>();
        DatabaseSetup.Configure(options, DatabaseProvider.Sqlite, $"Data Source={Path.Combine(_folder, "nyckelfri.db")}");
        await using var db = new NyckelfriDbContext(options.Options, AccessScope.System(), TimeProvider.System);
        var ring = await db.DataProtectionKeys.Select(k => k.Xml).ToListAsync();
        ring.ShouldNotBeEmpty();
        ring.ShouldAllBe(xml => xml.Contains("EncryptedData") && !xml.Contains("<masterKey"));
    }

    [Fact]
    public async Task Start_KeyRingWrittenInClear_EncryptedAtStartAndWhatItProtectedStillOpens()
    {
        // A key ring as an app without a certificate wrote it: Data Protection's own format, in clear.
        var folder = Directory.CreateDirectory(Path.Combine(_folder, "clear-ring"));
        var before = DataProtectionProvider.Create(folder, b => b.SetApplicationName("Nyckelfri"));
        var payload = before.CreateProtector("custody-test").Protect("hemlig");
        var clearXml = File.ReadAllText(folder.GetFiles("key-*.xml").Single().FullName);
        clearXml.ShouldContain("<masterKey");
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using (var db = database.CreateContext(AccessScope.System()))
        {
            db.DataProtectionKeys.Add(new Nyckelfri.Identity.DataProtectionKey { FriendlyName = "clear", Xml = XElement.Parse(clearXml).ToString(SaveOptions.DisableFormatting) });
            await db.SaveChangesAsync();
        }

        await using var host = new Host("Production", b =>
        {
            b.UseSetting("Database:Provider", "Sqlite");
            b.UseSetting("ConnectionStrings:Nyckelfri", database.ConnectionString);
            b.UseSetting("Demo:Enabled", "false");
            foreach (var (key, value) in TestKeyEncryption.Run.Settings()) b.UseSetting(key, value);
        });
        _ = host.Server;

        await using (var db = database.CreateContext(AccessScope.System()))
            (await db.DataProtectionKeys.SingleAsync(k => k.FriendlyName == "clear")).Xml.ShouldSatisfyAllConditions(
                xml => xml.ShouldContain("EncryptedData"), xml => xml.ShouldNotContain("<masterKey"));
        host.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("custody-test").Unprotect(payload).ShouldBe("hemlig");
    }

    private static IEnumerable<string> Messages(Exception? e)
    {
        for (; e is not null; e = e.InnerException) yield return e.Message;
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private sealed class Host(string environment, Action<IWebHostBuilder> configure) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment(environment);
            builder.UseSetting("Notifications:IntervalSeconds", "0");
            builder.UseSetting("Routines:SweepIntervalMinutes", "0");
            builder.UseSetting("Visits:WebhookIntervalSeconds", "0");
            builder.UseSetting("Logging:LogLevel:Default", "Warning");
            configure(builder);
        }
    }
}
