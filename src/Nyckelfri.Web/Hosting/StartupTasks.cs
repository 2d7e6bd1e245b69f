using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Nyckelfri.Common;
using Nyckelfri.Data;
using Nyckelfri.Demo;
using Nyckelfri.Identity;
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
            case "seed-demo":
                await MigrateAsync(app);
                if (!await SeedDemoAsync(app))
                {
                    Console.Error.WriteLine("Databasen innehåller redan en kommun; demon skapas bara i en tom databas.");
                    Environment.ExitCode = 1;
                }
                return true;
            case "create-municipality":
                await MigrateAsync(app);
                Environment.ExitCode = await Tenants.CreateAsync(app.Services, args[1..]);
                return true;
            case "list-municipalities":
                await Tenants.ListAsync(app.Services);
                return true;
            default:
                Console.Error.WriteLine($"Okänt kommando '{args[0]}'. Kommandon: migrate, seed-demo, create-municipality, list-municipalities.");
                Environment.ExitCode = 2;
                return true;
        }
    }

    public static async Task PrepareDatabaseAsync(WebApplication app)
    {
        await MigrateAsync(app);
        // The embedded default starts with the demo; a PostgreSQL deployment only when asked to.
        var seed = app.Configuration.GetValue<bool?>("Demo:SeedOnEmpty")
                   ?? DatabaseSetup.ProviderFrom(app.Configuration) == DatabaseProvider.Sqlite;
        if (seed) await SeedDemoAsync(app);
    }

    private static async Task MigrateAsync(WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var database = scope.ServiceProvider.GetRequiredService<NyckelfriDbContext>().Database;
        await database.MigrateAsync();
        // The embedded database in write-ahead-log mode: readers do not wait for a writer, and a commit
        // costs one write instead of several (the mode is stored in the file). PostgreSQL needs nothing.
        if (database.IsSqlite()) await database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
    }

    /// <summary>Generates the demo municipality if, and only if, the database has no municipality yet.</summary>
    private static async Task<bool> SeedDemoAsync(WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        // One system-scoped context for the generator and Identity's stores alike: SQLite allows
        // one writer, so a second context would wait on the generator's transaction.
        services.GetRequiredService<SecuritySetup.ScopeOverride>().Scope = AccessScope.System();
        var db = services.GetRequiredService<NyckelfriDbContext>();
        if (await db.Municipalities.AnyAsync()) return false;

        var generator = new DemoGenerator(db, services.GetRequiredService<UserManager<AppUser>>(),
            services.GetRequiredService<RoleManager<IdentityRole>>(), services.GetRequiredService<TimeProvider>(),
            services.GetRequiredService<Microsoft.AspNetCore.DataProtection.IDataProtectionProvider>());
        var summary = await generator.GenerateAsync(CancellationToken.None);
        app.Logger.LogInformation("Demo municipality created: {Clients} clients, {Employees} employees, {WorkOrders} work orders, {Logins} logins; and Demo Botkyrka: {SecondClients} clients, {SecondWorkOrders} work orders",
            summary.Clients, summary.Employees, summary.WorkOrders, summary.Logins, summary.Botkyrka?.Clients, summary.Botkyrka?.WorkOrders);
        return true;
    }
}
