using Microsoft.EntityFrameworkCore;
using Nyckelfri.Common;
using Nyckelfri.Data;
using Nyckelfri.Tenancy;
using Nyckelfri.Web.Security;

namespace Nyckelfri.Web.Hosting;

/// <summary>What runs before the app serves requests: migrations, and the demo on an empty database.</summary>
public static class StartupTasks
{
    /// <summary>Runs a command-line command (see README) instead of the web app; true if one ran.</summary>
    public static async Task<bool> RunCommandAsync(WebApplication app, string[] args)
    {
        if (args.Length == 0 || args[0].StartsWith('-')) return false;
        switch (args[0])
        {
            case "migrate":
                await MigrateAsync(app);
                Console.WriteLine("Databasen är uppdaterad.");
                return true;
            case DemoHosting.SeedDemoCommand:
                await MigrateAsync(app);
                switch (await SeedDemoAsync(app))
                {
                    case DemoSeeding.NotEmpty:
                        Console.Error.WriteLine("Databasen innehåller redan en kommun; demon skapas bara i en tom databas.");
                        Environment.ExitCode = 1;
                        break;
                    case DemoSeeding.DemoOff:
                        Console.Error.WriteLine("Demon är avstängd (Demo:Enabled=false); slå på den för att skapa demokommunerna.");
                        Environment.ExitCode = 1;
                        break;
                }
                return true;
            case "create-municipality":
                await MigrateAsync(app);
                Environment.ExitCode = await Tenants.CreateAsync(app.Services, args[1..]);
                return true;
            case DemoRemoval.Command:
                await MigrateAsync(app);
                Environment.ExitCode = await DemoRemoval.RunAsync(app.Services);
                return true;
            case "list-municipalities":
                await Tenants.ListAsync(app.Services);
                return true;
            case IssuerKeyCommands.List or IssuerKeyCommands.Rotate or IssuerKeyCommands.Retire:
                await MigrateAsync(app);
                Environment.ExitCode = await IssuerKeyCommands.RunAsync(app.Services, args[0], args[1..]);
                return true;
            default:
                Console.Error.WriteLine($"Okänt kommando '{args[0]}'. Kommandon: migrate, seed-demo, {DemoRemoval.Command}, create-municipality, list-municipalities, " +
                                        $"{IssuerKeyCommands.List}, {IssuerKeyCommands.Rotate}, {IssuerKeyCommands.Retire}.");
                Environment.ExitCode = 2;
                return true;
        }
    }

    public static async Task PrepareDatabaseAsync(WebApplication app)
    {
        await MigrateAsync(app);
        // Only Development's embedded default starts with the demo; anything else only when a setting asks for it (DemoHosting).
        if (app.Services.GetRequiredService<DemoHosting.DemoSettings>().SeedOnEmpty) await SeedDemoAsync(app);
    }

    private static async Task MigrateAsync(WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var database = scope.ServiceProvider.GetRequiredService<NyckelfriDbContext>().Database;
        await database.MigrateAsync();
        // The embedded database in write-ahead-log mode: readers do not wait for a writer, and a commit
        // costs one write instead of several (the mode is stored in the file). PostgreSQL needs nothing.
        if (database.IsSqlite()) await database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        await ProtectSecretsAsync(app);
    }

    /// <summary>Key-ring entries, TOTP keys and recovery codes written in clear before they were encrypted are encrypted now.</summary>
    private static async Task ProtectSecretsAsync(WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<SecuritySetup.ScopeOverride>().Scope = AccessScope.System();
        var db = scope.ServiceProvider.GetRequiredService<NyckelfriDbContext>();
        var protection = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.DataProtection.IDataProtectionProvider>();
        // The key ring first: the secrets below are then protected under a key that is itself encrypted.
        var keys = await KeyRingEncryption.EncryptClearEntriesAsync(db,
            scope.ServiceProvider.GetRequiredService<Microsoft.Extensions.Options.IOptions<Microsoft.AspNetCore.DataProtection.KeyManagement.KeyManagementOptions>>(),
            CancellationToken.None);
        if (keys > 0)
            app.Logger.LogWarning("Encrypted {Count} Data Protection keys that were stored in clear. Copies of the database made before now still hold them " +
                "in clear: rotate the issuer keys (docs/key-custody.md).", keys);
        var encrypted = await Nyckelfri.Identity.ProtectedTokenUserStore.ProtectClearTokensAsync(db, protection, CancellationToken.None);
        if (encrypted > 0)
            app.Logger.LogInformation("Encrypted {Count} two-factor secrets that were stored in clear.", encrypted);
        var webhookSecrets = await Nyckelfri.Visits.VisitWebhookSecrets.ProtectClearAsync(db, protection, CancellationToken.None);
        if (webhookSecrets > 0)
            app.Logger.LogInformation("Encrypted {Count} visit webhook secrets that were stored in clear.", webhookSecrets);
    }

    private enum DemoSeeding { Created, NotEmpty, DemoOff }

    /// <summary>Generates the demo municipalities if, and only if, the demo is wired in and the database has no municipality yet.</summary>
    private static async Task<DemoSeeding> SeedDemoAsync(WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        // One system-scoped context for the generator and Identity's stores alike: SQLite allows
        // one writer, so a second context would wait on the generator's transaction.
        services.GetRequiredService<SecuritySetup.ScopeOverride>().Scope = AccessScope.System();
        if (services.GetService<IDemoSeed>() is not { } demo) return DemoSeeding.DemoOff;
        return await demo.CreateOnEmptyAsync(CancellationToken.None) ? DemoSeeding.Created : DemoSeeding.NotEmpty;
    }
}
