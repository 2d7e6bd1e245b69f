using Microsoft.EntityFrameworkCore;
using Nyckelfri.Data;

namespace Nyckelfri.Web.Hosting;

/// <summary>What runs before the app serves requests: migrations, and the demo on an empty database.</summary>
public static class StartupTasks
{
    /// <summary>Runs a command-line command (see README) instead of the web app; true if one ran.</summary>
    public static async Task<bool> RunCommandAsync(WebApplication app, string[] args)
    {
        if (args.Length == 0 || args[0].StartsWith('-')) return false;
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NyckelfriDbContext>();
        switch (args[0])
        {
            case "migrate":
                await db.Database.MigrateAsync();
                Console.WriteLine("Databasen är uppdaterad.");
                return true;
            default:
                Console.Error.WriteLine($"Okänt kommando '{args[0]}'. Kommandon: migrate, seed-demo.");
                Environment.ExitCode = 2;
                return true;
        }
    }

    public static async Task PrepareDatabaseAsync(WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NyckelfriDbContext>();
        await db.Database.MigrateAsync();
    }
}
