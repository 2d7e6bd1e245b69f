using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Nyckelfri.Common;
using Nyckelfri.Data;
using Nyckelfri.IntegrationTests.Infrastructure;
using Nyckelfri.LockProtocol;

namespace Nyckelfri.IntegrationTests.Data;

/// <summary>
/// Migration 20261207400000_BrowserHeldDeviceKeys on a database that still holds server-made web-app key
/// pairs: the private halves go with their column, the public halves move to the replaced device keys
/// (so the next revocation list names them), and the keys wait for a browser to enrol; other keys keep theirs.
/// </summary>
public sealed class BrowserHeldDeviceKeysMigrationTests
{
    [DatabaseTheory, DatabaseProviders]
    public async Task Migrate_ServerMadeWebAppKey_DropsThePrivateHalfAndListsThePublicHalfAsReplaced(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, TestSchema.Empty);
        var municipality = Guid.NewGuid();
        var webApp = Guid.NewGuid();
        var phone = Guid.NewGuid();
        using var serverMade = P256.CreateKey();
        using var phoneKey = P256.CreateKey();
        await using (var context = database.CreateContext(AccessScope.System()))
        {
            await context.GetService<IMigrator>().MigrateAsync("20261122500000_DigitalAccess");
            await Insert(context, provider, webApp, "WEB-1", "WebApp", P256.ExportPublicKey(serverMade), "CfDJ8-protected-private-half", municipality);
            await Insert(context, provider, phone, "APP-1", "PhoneApp", P256.ExportPublicKey(phoneKey), null, municipality);
            await context.Database.MigrateAsync();
        }

        await using var check = database.CreateContext(AccessScope.System());
        var keys = await check.DigitalKeys.IgnoreQueryFilters().ToDictionaryAsync(k => k.Id);
        keys[webApp].HasKeyMaterial.ShouldBeFalse();
        keys[phone].HolderPublicKey.ShouldBe(P256.ExportPublicKey(phoneKey));
        var replaced = await check.ReplacedDeviceKeys.IgnoreQueryFilters().ToListAsync();
        replaced.ShouldHaveSingleItem().DigitalKeyId.ShouldBe(webApp);
        replaced[0].HolderKeyHash.ShouldBe(P256.KeyHash(P256.ExportPublicKey(serverMade)));
        replaced[0].MunicipalityId.ShouldBe(municipality);
    }

    private static Task Insert(NyckelfriDbContext context, DatabaseProvider provider, Guid id, string number, string kind, byte[] publicKey,
        string? protectedPrivateKey, Guid municipality)
    {
        // SQLite keeps EF's Guids as upper-case text; PostgreSQL as uuid.
        object Id(Guid g) => provider == DatabaseProvider.Sqlite ? g.ToString().ToUpperInvariant() : g;
        return context.Database.ExecuteSqlRawAsync(
            """
            INSERT INTO "DigitalKeys" ("Id", "KeyNumber", "Kind", "Status", "HolderPublicKey", "HolderKeyHash", "ProtectedPrivateKey", "Stock", "MunicipalityId", "Version")
            VALUES ({0}, {1}, {2}, 'InStock', {3}, {4}, {5}, 'AlarmCentre', {6}, 0)
            """.Replace("{5}", protectedPrivateKey is null ? "NULL" : "{5}", StringComparison.Ordinal),
            Id(id), number, kind, publicKey, P256.KeyHash(publicKey), protectedPrivateKey ?? "", Id(municipality));
    }
}
