using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Nyckelfri.Data;

public enum DatabaseProvider { Sqlite, Postgres }

/// <summary>
/// The database is chosen explicitly in configuration (STYLE.md §7): <c>Database:Provider</c> is
/// <c>Sqlite</c> (the embedded default, a file under the data folder) or <c>Postgres</c>, with the
/// connection string <c>ConnectionStrings:Nyckelfri</c>.
/// </summary>
public static class DatabaseSetup
{
    public static DatabaseProvider ProviderFrom(IConfiguration configuration)
    {
        var name = configuration["Database:Provider"];
        if (string.IsNullOrWhiteSpace(name)) return DatabaseProvider.Sqlite;
        return Enum.TryParse<DatabaseProvider>(name, ignoreCase: true, out var provider)
            ? provider
            : throw new InvalidOperationException($"Database:Provider must be Sqlite or Postgres, not '{name}'.");
    }

    public static IServiceCollection AddNyckelfriDatabase(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        var provider = ProviderFrom(configuration);
        var connectionString = configuration.GetConnectionString("Nyckelfri");
        if (provider == DatabaseProvider.Sqlite && string.IsNullOrWhiteSpace(connectionString))
        {
            var dataFolder = DataFolder(configuration, contentRoot);
            Directory.CreateDirectory(dataFolder);
            connectionString = $"Data Source={Path.Combine(dataFolder, "nyckelfri.db")}";
        }
        if (string.IsNullOrWhiteSpace(connectionString))
            throw new InvalidOperationException("Database:Provider is Postgres but ConnectionStrings:Nyckelfri is empty.");

        services.AddDbContext<NyckelfriDbContext>(options => Configure(options, provider, connectionString));
        return services;
    }

    /// <summary>Where the embedded database (and the demo's key-encryption certificate) live: <c>Database:DataFolder</c> or <c>data/</c>.</summary>
    public static string DataFolder(IConfiguration configuration, string contentRoot) =>
        Path.GetFullPath(configuration["Database:DataFolder"] ?? Path.Combine(contentRoot, "data"));

    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder options, DatabaseProvider provider, string connectionString) =>
        provider switch
        {
            DatabaseProvider.Postgres => options.UseNpgsql(connectionString),
            _ => options.UseSqlite(connectionString),
        };
}
